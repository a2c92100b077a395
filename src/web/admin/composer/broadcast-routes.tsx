import { Hono } from 'hono';
import { canManageCity } from '../../../modules/accounts/index.js';
import { listBroadcasts, sendBroadcast } from '../../../modules/composer/index.js';
import { listUnitTree } from '../../../modules/units/index.js';
import { formatDateTime, t } from '../../../i18n/index.js';
import type { AppEnv } from '../../context.js';
import type { AppDeps } from '../../deps.js';
import { renderForbidden } from '../../errors.js';
import { CsrfInput, IdempotencyInput, ErrorSummary } from '../../views/form.js';
import { StaffLayout } from '../../views/staff-layout.js';
import { composerDepsOf } from './composer-deps.js';
import { all } from './draft-form.js';
import { errorText } from './editor-routes.js';

/** Admin kota's "Siaran Pemkot": one announcement onto many kelurahan sites. */
export function broadcastRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  const page = async (c: any, form: { title: string; body: string; to: string; units: string[] }, errors: string[], flash: { kind: 'ok'; text: string } | null) => {
    const actor = c.get('actor')!;
    const tree = await listUnitTree(deps.db, c.get('region'));
    const villages = tree.kecamatan.flatMap((k) => k.children.filter((u) => u.kind === 'kelurahan' || u.kind === 'desa'));
    const recent = await listBroadcasts(deps.db, c.get('region'));
    return c.html(
      <StaffLayout title={t('composer.broadcast.title')} actor={actor} csrfToken={c.get('csrfToken')} flash={flash} back={{ href: '/admin', label: t('admin.nav.home') }}>
        <h1>{t('composer.broadcast.title')}</h1>
        <p class="muted">{t('composer.broadcast.hint')}</p>
        <ErrorSummary errors={errors} />
        <form method="post" action="/admin/siaran">
          <CsrfInput token={c.get('csrfToken')} />
          <IdempotencyInput />
          <div class="field">
            <label for="f-btitle">{t('composer.broadcast.field_title')}</label>
            <input id="f-btitle" name="title" type="text" value={form.title} maxlength={200} />
          </div>
          <div class="field">
            <label for="f-bbody">{t('composer.broadcast.field_body')}</label>
            <p class="hint" id="f-bbody-hint">
              {t('composer.edit.field_body_hint')}
            </p>
            <textarea id="f-bbody" name="body" rows={8} aria-describedby="f-bbody-hint">
              {form.body}
            </textarea>
          </div>
          <fieldset>
            <legend>{t('composer.broadcast.to')}</legend>
            <p class="check">
              <input type="radio" id="to-all" name="to" value="all" checked={form.to !== 'some'} />
              <label for="to-all">{t('composer.broadcast.all', { count: villages.length })}</label>
            </p>
            <p class="check">
              <input type="radio" id="to-some" name="to" value="some" checked={form.to === 'some'} />
              <label for="to-some">{t('composer.broadcast.some')}</label>
            </p>
            {tree.kecamatan.map((k) => (
              <details class="kecamatan">
                <summary>Kecamatan {k.unit.name}</summary>
                {k.children.map((u) => (
                  <p class="check">
                    <input type="checkbox" id={`u-${u.id}`} name="unit" value={u.id} checked={form.units.includes(u.id)} />
                    <label for={`u-${u.id}`}>{u.name}</label>
                  </p>
                ))}
              </details>
            ))}
          </fieldset>
          <button type="submit" class="primary wide">
            {t('composer.broadcast.send')}
          </button>
        </form>
        {recent.length ? (
          <section>
            <h2>{t('composer.broadcast.recent')}</h2>
            <ul class="draft-list">
              {recent.map((b) => (
                <li>
                  <span class="name">{b.title}</span>
                  <span class="meta">
                    {formatDateTime(b.created_at)} · {t('composer.broadcast.sent_to', { count: Number(b.units) })}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </StaffLayout>,
    );
  };

  app.get('/admin/siaran', async (c) => {
    if (!canManageCity(c.get('actor')!)) return renderForbidden(c);
    const sent = c.req.query('terkirim');
    const flash = sent && /^\d{1,5}$/.test(sent) ? { kind: 'ok' as const, text: t('composer.flash.broadcast_sent', { count: sent }) } : null;
    return page(c, { title: '', body: '', to: 'all', units: [] }, [], flash);
  });

  app.post('/admin/siaran', async (c) => {
    const actor = c.get('actor')!;
    if (!canManageCity(actor)) return renderForbidden(c);
    const body = await c.req.parseBody({ all: true });
    const form = {
      title: typeof body.title === 'string' ? body.title : '',
      body: typeof body.body === 'string' ? body.body : '',
      to: body.to === 'some' ? 'some' : 'all',
      units: all(body.unit as never).filter((v): v is string => typeof v === 'string'),
    };
    const cityRow = (await listUnitTree(deps.db, c.get('region'))).root;
    const r = await sendBroadcast(composerDepsOf(deps, cityRow?.name ?? ''), { actor, region: c.get('region'), input: { title: form.title, body: form.body, units: form.to === 'all' ? 'all' : form.units } });
    if (!r.ok) {
      c.status(422);
      return page(c, form, [errorText(r.error)], null);
    }
    return c.redirect(`/admin/siaran?terkirim=${r.value.count}`, 303);
  });

  return app;
}
