import { type Context, Hono } from 'hono';
import { canManageCity } from '../../../modules/accounts/index.js';
import { BROADCAST_ERROR_FIELD, BROADCAST_MIN, broadcastFormSchema, listBroadcasts, sendBroadcast } from '../../../modules/composer/index.js';
import { listUnitTree } from '../../../modules/units/index.js';
import { formatDateTime, t } from '../../../i18n/index.js';
import { broadcastAuthor } from '../../../i18n/broadcast-author.js';
import type { AppEnv } from '../../context.js';
import type { AppDeps } from '../../deps.js';
import { renderForbidden } from '../../errors.js';
import { fieldErrors, formLists, formValues, parseValues } from '../../forms/parse-form.js';
import { CsrfInput, IdempotencyInput, ErrorSummary } from '../../views/form.js';
import { StaffLayout } from '../../views/staff-layout.js';
import { composerDepsOf } from './composer-deps.js';
import { errorText } from './editor-routes.js';

type Form = { title: string; body: string; to: string; units: string[] };
type Errors = Partial<Record<'title' | 'body' | 'units', string>>;

/**
 * The sentence for a problem of a field: too long is said as such; a title or text under its
 * minimum is "too short, at least N" when something was typed, and missing when nothing was.
 */
function problemText(field: string, code: string, typed: string): string {
  if (field === 'to' || field === 'units') return errorText('no_units');
  if (code === 'too_big') return errorText('invalid');
  const missing = typed.trim() === '';
  if (field === 'title') return missing ? errorText('title_missing') : t('composer.broadcast.title_short', { min: BROADCAST_MIN.title });
  return missing ? errorText('text_missing') : t('composer.broadcast.body_short', { min: BROADCAST_MIN.body });
}

const FieldError = ({ id, text }: { id: string; text?: string }) => (text ? <p class="error" id={id}>{text}</p> : null);

/** Admin kota's "Siaran Pemkot": one announcement onto many kelurahan sites. */
export function broadcastRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  const page = async (c: Context<AppEnv>, form: Form, errors: Errors, flash: { kind: 'ok'; text: string } | null) => {
    const actor = c.get('actor')!;
    const tree = await listUnitTree(deps.db, c.get('region'));
    const villages = tree.kecamatan.flatMap((k) => k.children.filter((u) => u.kind === 'kelurahan' || u.kind === 'desa'));
    const recent = await listBroadcasts(deps.db, c.get('region'));
    return c.html(
      <StaffLayout title={t('composer.broadcast.title')} actor={actor} csrfToken={c.get('csrfToken')} flash={flash} back={{ href: '/admin', label: t('admin.nav.home') }}>
        <h1>{t('composer.broadcast.title')}</h1>
        <p class="muted">{t('composer.broadcast.hint')}</p>
        <ErrorSummary errors={Object.values(errors)} />
        <form method="post" action="/admin/siaran">
          <CsrfInput token={c.get('csrfToken')} />
          <IdempotencyInput />
          <div class={errors.title ? 'field has-error' : 'field'}>
            <label for="f-btitle">{t('composer.broadcast.field_title')}</label>
            <FieldError id="f-btitle-err" text={errors.title} />
            <input id="f-btitle" name="title" type="text" value={form.title} maxlength={200} aria-describedby={errors.title ? 'f-btitle-err' : undefined} aria-invalid={errors.title ? 'true' : undefined} />
          </div>
          <div class={errors.body ? 'field has-error' : 'field'}>
            <label for="f-bbody">{t('composer.broadcast.field_body')}</label>
            <p class="hint" id="f-bbody-hint">
              {t('composer.edit.field_body_hint')}
            </p>
            <FieldError id="f-bbody-err" text={errors.body} />
            <textarea id="f-bbody" name="body" rows={8} aria-describedby={errors.body ? 'f-bbody-hint f-bbody-err' : 'f-bbody-hint'} aria-invalid={errors.body ? 'true' : undefined}>
              {form.body}
            </textarea>
          </div>
          <fieldset>
            <legend>{t('composer.broadcast.to')}</legend>
            <FieldError id="f-bunits-err" text={errors.units} />
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
    return page(c, { title: '', body: '', to: 'all', units: [] }, {}, flash);
  });

  app.post('/admin/siaran', async (c) => {
    const actor = c.get('actor')!;
    if (!canManageCity(actor)) return renderForbidden(c);
    // Text read as typed (kept on refusal); a field sent as a file is '' and so its own problem.
    const values = await formValues(c, ['title', 'body', 'to']);
    const { unit: units } = await formLists(c, ['unit']);
    const form: Form = { title: values.title!, body: values.body!, to: values.to!, units: units! };
    const refuse = (errors: Errors) => {
      c.status(422);
      return page(c, form, errors, null);
    };
    const parsed = parseValues(broadcastFormSchema, values, { ...values, units });
    if (!parsed.ok) {
      const byField = fieldErrors(parsed.problems, (p) => problemText(p.path.split('.')[0]!, p.code, values[p.path.split('.')[0]!] ?? ''), (path) => (path.startsWith('to') ? 'units' : path.split('.')[0]!));
      return refuse(byField);
    }
    const { title, body, to } = parsed.data;
    const cityRow = (await listUnitTree(deps.db, c.get('region'))).root;
    const r = await sendBroadcast(composerDepsOf(deps, cityRow?.name ?? ''), { actor, region: c.get('region'), input: { title, body, units: to === 'all' ? 'all' : parsed.data.units }, sign: broadcastAuthor });
    if (!r.ok) return r.error === 'forbidden' ? renderForbidden(c) : refuse({ [BROADCAST_ERROR_FIELD[r.error]]: errorText(r.error) });
    return c.redirect(`/admin/siaran?terkirim=${r.value.count}`, 303);
  });

  return app;
}
