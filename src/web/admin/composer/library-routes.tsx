import { Hono } from 'hono';
import { MAX_PHOTOS, getDraft, libraryPickSchema, saveDraft } from '../../../modules/composer/index.js';
import { parseForm } from '../../forms/parse-form.js';
import { getMedia, listMedia } from '../../../modules/media/index.js';
import { t } from '../../../i18n/index.js';
import type { AppEnv } from '../../context.js';
import type { AppDeps } from '../../deps.js';
import { renderForbidden } from '../../errors.js';
import { unitGuard } from '../../middleware/unit-guard.js';
import { can } from '../../../modules/accounts/index.js';
import { CsrfInput } from '../../views/form.js';
import { StaffLayout } from '../../views/staff-layout.js';
import { composerDepsOf } from './composer-deps.js';
import { thumbOf } from './editor-data.js';
import { draftUrl } from './paths.js';

// "Pilih dari foto yang sudah ada": the unit's media library, newest first, each photo one tap
// from being added to the draft (a photo from last week's activity, the office, the logo card).

export function libraryRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/admin/unit/:slug/kabar/:id/galeri', unitGuard(deps), async (c) => {
    const actor = c.get('actor')!;
    const unit = c.get('unit');
    if (!can(actor, 'write', unit)) return renderForbidden(c);
    const draft = await getDraft(deps.db, unit.id, c.req.param('id'));
    if (!draft) return c.notFound();
    const items = (await listMedia(deps.db, unit.id, { limit: 60 })).filter((m) => !draft.photos.some((p) => p.mediaId === m.id));
    return c.html(
      <StaffLayout title={t('composer.library.title')} actor={actor} csrfToken={c.get('csrfToken')} back={{ href: draftUrl(unit.slug, draft.id), label: t('composer.edit.title') }}>
        <h1>{t('composer.library.title')}</h1>
        <p class="muted">{t('composer.library.hint')}</p>
        {items.length === 0 ? <p>{t('composer.library.empty')}</p> : null}
        <ul class="library">
          {items.map((m) => (
            <li>
              {thumbOf(m) ? <img src={thumbOf(m)!} alt={m.alt} width={160} height={Math.round((160 * m.height) / Math.max(1, m.width))} loading="lazy" /> : null}
              <form method="post" action={`/admin/unit/${unit.slug}/kabar/${draft.id}/galeri`}>
                <CsrfInput token={c.get('csrfToken')} />
                <input type="hidden" name="media" value={m.id} />
                <button type="submit" class="secondary wide" aria-label={`${t('composer.library.use')}: ${m.alt || m.originalName}`}>
                  {t('composer.library.use')}
                </button>
              </form>
            </li>
          ))}
        </ul>
      </StaffLayout>,
    );
  });

  app.post('/admin/unit/:slug/kabar/:id/galeri', unitGuard(deps), async (c) => {
    const actor = c.get('actor')!;
    const unit = c.get('unit');
    const draft = await getDraft(deps.db, unit.id, c.req.param('id'));
    if (!draft) return c.notFound();
    // A photo button of the library: anything but a media id of this unit adds nothing.
    const form = await parseForm(c, libraryPickSchema, ['media']);
    const mediaId = form.ok ? form.data.media : '';
    const item = form.ok ? await getMedia(deps.db, unit.id, mediaId) : null;
    if (item?.ok && draft.photos.length < MAX_PHOTOS && !draft.photos.some((p) => p.mediaId === mediaId)) {
      await saveDraft(composerDepsOf(deps), { unitId: unit.id, draftId: draft.id, userId: actor.id, patch: { photos: [...draft.photos, { mediaId, alt: item.value.alt }], step: 'foto' } });
    }
    return c.redirect(`${draftUrl(unit.slug, draft.id)}#photos`, 303);
  });

  return app;
}
