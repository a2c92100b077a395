import type { Context } from 'hono';
import { Hono } from 'hono';
import type { Actor } from '../../../modules/accounts/index.js';
import { type Draft, type DiscardRefusal, checkDiscard, discardDraft, getDraft } from '../../../modules/composer/index.js';
import type { UnitRow } from '../../../modules/units/index.js';
import { t } from '../../../i18n/index.js';
import { clientIp } from '../../client-ip.js';
import type { AppEnv } from '../../context.js';
import type { AppDeps } from '../../deps.js';
import { renderForbidden } from '../../errors.js';
import { unitGuard } from '../../middleware/unit-guard.js';
import { CsrfInput } from '../../views/form.js';
import { StaffLayout } from '../../views/staff-layout.js';
import { DraftGone } from './done-view.js';
import { discardUrl, draftUrl, homeUrl } from './paths.js';

// "Hapus draf": a page that asks first (it works without JavaScript: the question is a page,
// the answer a form), then the POST that deletes and goes back to the unit home with a message.
// "?dari=beranda" only chooses where "Batal" leads (the home list or the draft); it is never
// used as an address itself.

export function discardRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/admin/unit/:slug/kabar/:id/hapus', unitGuard(deps), async (c) => {
    const actor = c.get('actor')!;
    const unit = c.get('unit');
    // Read-only roles pass the guard for GET; asking them "delete?" would be a lie.
    const checked = await checkDiscard(deps, { actor, unit, draftId: c.req.param('id') });
    if (!checked.ok) return checked.error === 'forbidden' ? renderForbidden(c) : draftGone(c);
    const { draft, refusal } = checked.value;
    const fromHome = c.req.query('dari') === 'beranda';
    return c.html(<DiscardPage actor={actor} unit={unit} csrf={c.get('csrfToken')} draft={draft} refusal={refusal} fromHome={fromHome} />);
  });

  app.post('/admin/unit/:slug/kabar/:id/hapus', unitGuard(deps), async (c) => {
    const actor = c.get('actor')!;
    const unit = c.get('unit');
    const r = await discardDraft(deps, { actor, unit, draftId: c.req.param('id'), ip: clientIp(c) });
    if (r.ok) return c.redirect(homeUrl(unit.slug, 'discarded'), 303);
    if (r.error === 'not_found') return draftGone(c);
    if (r.error === 'forbidden') return renderForbidden(c);
    // Published, scheduled or someone else's submission a moment ago: say why, change nothing.
    const draft = (await getDraft(deps.db, unit.id, c.req.param('id')))!;
    c.status(422);
    return c.html(<DiscardPage actor={actor} unit={unit} csrf={c.get('csrfToken')} draft={draft} refusal={r.error} fromHome={false} />);
  });

  return app;
}

function DiscardPage(p: { actor: Actor; unit: UnitRow; csrf: string; draft: Draft; refusal: DiscardRefusal | null; fromHome: boolean }) {
  const title = p.draft.title.trim() || t('composer.home.untitled');
  const back = p.fromHome ? homeUrl(p.unit.slug) : draftUrl(p.unit.slug, p.draft.id);
  if (p.refusal) {
    return (
      <StaffLayout title={t('composer.discard.cannot')} actor={p.actor} csrfToken={p.csrf} back={{ href: `/admin/unit/${p.unit.slug}`, label: p.unit.name }}>
        <h1>{t('composer.discard.cannot')}</h1>
        <div class="flash flash-error" role="alert">
          {t(`composer.error.${p.refusal}`)}
        </div>
        <p>
          <a class="button wide" href={draftUrl(p.unit.slug, p.draft.id)}>
            {t('composer.discard.open')}
          </a>
        </p>
      </StaffLayout>
    );
  }
  return (
    <StaffLayout title={t('composer.discard.title')} actor={p.actor} csrfToken={p.csrf} back={{ href: back, label: p.fromHome ? p.unit.name : t('composer.edit.title') }}>
      <h1>{t('composer.discard.title')}</h1>
      <p>{t('composer.discard.what', { title })}</p>
      <p class="muted">{t('composer.discard.photos')}</p>
      <form method="post" action={discardUrl(p.unit.slug, p.draft.id)} class="discard-confirm">
        <CsrfInput token={p.csrf} />
        <button type="submit" class="danger wide big">
          {t('composer.discard.yes')}
        </button>
      </form>
      <p>
        <a class="button secondary wide" href={back}>
          {t('composer.discard.no')}
        </a>
      </p>
    </StaffLayout>
  );
}

function draftGone(c: Context<AppEnv>) {
  c.status(404);
  return c.html(<DraftGone actor={c.get('actor')!} unit={c.get('unit')} csrf={c.get('csrfToken')} />);
}
