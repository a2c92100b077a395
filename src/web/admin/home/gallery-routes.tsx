import { Hono } from 'hono';
import type { Context } from 'hono';
import { t } from '../../../i18n/index.js';
import { can, publishingRightsOf } from '../../../modules/accounts/index.js';
import { addGalleryAsStaff, contentRepository, galleryFormSchema, publishGalleryAsStaff } from '../../../modules/content/index.js';
import { listMedia, storeUpload } from '../../../modules/media/index.js';
import { clientIp } from '../../client-ip.js';
import type { AppEnv } from '../../context.js';
import type { AppDeps } from '../../deps.js';
import { renderForbidden } from '../../errors.js';
import { unitGuard } from '../../middleware/unit-guard.js';
import { CsrfInput, ErrorSummary } from '../../views/form.js';
import { fieldErrors, formFiles, parseForm } from '../../forms/parse-form.js';
import { StaffLayout } from '../../views/staff-layout.js';
import { mediaDepsOf } from '../composer/composer-deps.js';
import { requestAvif, refusalText } from '../composer/upload-route.js';
import { thumbOf } from '../composer/editor-data.js';

// "Galeri" on the unit's staff home: the unit's photo albums (shown on the site's Galeri page)
// and a form to make a new one from photos picked on the phone. A plain multipart form: works
// without JavaScript; photos go through the media pipeline like the composer's.

type C = Context<AppEnv>;
/** Photos one album form carries (the route's body limit, src/web/middleware/body-limit.ts, fits them). */
export const GALLERY_MAX_FILES = 10;
interface AlbumForm {
  title: string;
  description: string;
  publish: boolean;
}

export function galleryRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/admin/unit/:slug/galeri', unitGuard(deps), async (c) => page(deps, c, { title: '', description: '', publish: true }, {}));

  app.post('/admin/unit/:slug/galeri', unitGuard(deps), async (c) => {
    const unit = c.get('unit');
    const actor = c.get('actor')!;
    // Title, description and the tick through the content module's schema; the photos are files,
    // taken beside it (formFiles) and checked by the media pipeline below.
    const parsed = await parseForm(c, galleryFormSchema, ['title', 'description', 'publish']);
    const files = (await formFiles(c, ['photos'])).photos!;
    // Only someone the publishing policy lets publish is offered "show now"; others save a draft.
    const { canPublish } = await publishingRightsOf(deps.db, actor, unit);
    const v = parsed.values;
    const form: AlbumForm = parsed.ok
      ? { ...parsed.data, publish: canPublish && parsed.data.publish }
      : { title: v.title!.trim(), description: v.description!.trim(), publish: canPublish && v.publish === '1' };
    const tooLong = (field: string, max: number) => t('composer.error.too_long', { max, length: v[field]!.trim().length });
    const errors: Record<string, string> = parsed.ok
      ? {}
      : fieldErrors(parsed.problems, (p) => (p.path === 'description' ? tooLong('description', 2000) : p.code === 'too_big' ? tooLong('title', 200) : t('staff.gallery.error.title')));
    if (files.length === 0) errors.photos = t('staff.gallery.error.photos');
    const photos: { mediaId: string; alt: string }[] = [];
    const refused: string[] = [];
    if (parsed.ok) {
      if (files.length > GALLERY_MAX_FILES) refused.push(t('staff.gallery.error.too_many', { max: GALLERY_MAX_FILES }));
      for (const file of files.slice(0, GALLERY_MAX_FILES)) {
        const stored = await storeUpload(mediaDepsOf(deps), { unitId: unit.id, userId: actor.id, originalName: file.name, bytes: Buffer.from(await file.arrayBuffer()) });
        if (!stored.ok) {
          refused.push(t('staff.gallery.error.photo', { name: file.name, reason: refusalText(stored) }));
          continue;
        }
        if (!stored.value.duplicate) await requestAvif(deps, stored.value.item.id);
        photos.push({ mediaId: stored.value.item.id, alt: stored.value.item.alt });
      }
      if (files.length > 0 && photos.length === 0) errors.photos = refused.join(' ');
    }
    if (Object.keys(errors).length > 0) return page(deps, c, form, errors, 422);
    const r = await addGalleryAsStaff(
      { db: deps.db, clock: deps.clock, onPublicChange: (unitId: string) => deps.services.pages.unitChanged(unitId) },
      { actor, unit, ip: clientIp(c), input: { title: form.title, description: form.description, status: form.publish ? 'published' : 'draft', photos } },
    );
    if (!r.ok) return r.error === 'forbidden' ? renderForbidden(c) : page(deps, c, form, { title: t('staff.gallery.error.title') }, 422);
    // Photos refused among accepted ones are named on the next page, not silently dropped.
    return page(deps, c, { title: '', description: '', publish: true }, refused.length ? { photos: refused.join(' ') } : {}, 200, true);
  });

  // A draft album made public by someone the publishing policy lets publish (the Lurah when
  // approval is on): without this an operator's album saved under approval could never show.
  app.post('/admin/unit/:slug/galeri/:id/tampilkan', unitGuard(deps), async (c) => {
    const r = await publishGalleryAsStaff(
      { db: deps.db, clock: deps.clock, onPublicChange: (unitId: string) => deps.services.pages.unitChanged(unitId) },
      { actor: c.get('actor')!, unit: c.get('unit'), ip: clientIp(c), galleryId: c.req.param('id') },
    );
    if (!r.ok && r.error === 'forbidden') return renderForbidden(c, 'publish.refused');
    if (!r.ok) return page(deps, c, { title: '', description: '', publish: true }, { album: t('staff.gallery.error.not_draft') }, 404);
    return page(deps, c, { title: '', description: '', publish: true }, {}, 200, true);
  });

  return app;
}

async function page(deps: AppDeps, c: C, form: AlbumForm, errors: Record<string, string>, status = 200, saved = false) {
  const unit = c.get('unit');
  const actor = c.get('actor')!;
  const canWrite = can(actor, 'write', unit);
  const { canPublish } = await publishingRightsOf(deps.db, actor, unit);
  const albums = await contentRepository.listGalleriesForStaff(deps.db, unit.id);
  const photos = await contentRepository.photosOf(deps.db, unit.id, albums.map((a) => a.id));
  const library = await listMedia(deps.db, unit.id, { limit: 12 });
  const err = (name: string) => (errors[name] ? <p class="error" id={`f-${name}-err`}>{errors[name]}</p> : null);
  return c.html(
    <StaffLayout
      title={t('staff.gallery.title')}
      actor={actor}
      csrfToken={c.get('csrfToken')}
      back={{ href: `/admin/unit/${unit.slug}`, label: unit.name }}
      flash={saved ? { kind: 'ok', text: t('staff.gallery.saved') } : null}
    >
      <h1>{t('staff.gallery.title')}</h1>
      <p class="muted">{t('staff.gallery.intro')}</p>
      {canWrite ? (
        <form method="post" action={`/admin/unit/${unit.slug}/galeri`} enctype="multipart/form-data" class="card">
          <h2>{t('staff.gallery.new')}</h2>
          <CsrfInput token={c.get('csrfToken')} />
          <ErrorSummary errors={Object.values(errors)} />
          <div class={errors.title ? 'field has-error' : 'field'}>
            <label for="f-title">{t('staff.gallery.field.title')}</label>
            <p class="hint" id="f-title-hint">{t('staff.gallery.hint.title')}</p>
            {err('title')}
            <input id="f-title" name="title" type="text" value={form.title} maxlength={200} aria-describedby="f-title-hint" aria-invalid={errors.title ? 'true' : undefined} />
          </div>
          <div class={errors.description ? 'field has-error' : 'field'}>
            <label for="f-description">{t('staff.gallery.field.description')}</label>
            {err('description')}
            <textarea id="f-description" name="description" class="short" maxlength={2000} aria-invalid={errors.description ? 'true' : undefined}>{form.description}</textarea>
          </div>
          <div class={errors.photos ? 'field has-error' : 'field'}>
            <label for="f-photos">{t('staff.gallery.field.photos')}</label>
            <p class="hint" id="f-photos-hint">{t('staff.gallery.hint.photos')}</p>
            {err('photos')}
            <input id="f-photos" name="photos" type="file" accept="image/*" multiple class="file-field" aria-describedby="f-photos-hint" />
          </div>
          {canPublish ? (
            <label class="check">
              <input type="checkbox" name="publish" value="1" checked={form.publish} /> {t('staff.gallery.field.publish')}
            </label>
          ) : (
            <p class="hint">{t('staff.gallery.needs_approval')}</p>
          )}
          <button type="submit" class="wide">{t('staff.gallery.submit')}</button>
        </form>
      ) : null}
      <h2>{t('staff.gallery.albums')}</h2>
      {albums.length === 0 ? <p>{t('staff.gallery.none')}</p> : null}
      <ul class="unit-list">
        {albums.map((a) => (
          <li>
            <span class="name">{a.title}</span>
            <span class="meta">
              {t('staff.gallery.photos_count', { n: photos.filter((p) => p.gallery_id === a.id).length })} · {t(`staff.gallery.status.${a.status === 'published' ? 'published' : 'draft'}`)}
            </span>
            {a.status === 'published' ? (
              <div class="actions">
                <a href={`/${unit.slug}/galeri/${a.slug}`}>{t('staff.gallery.view')}</a>
              </div>
            ) : canPublish ? (
              <form method="post" action={`/admin/unit/${unit.slug}/galeri/${a.id}/tampilkan`} class="actions">
                <CsrfInput token={c.get('csrfToken')} />
                <button type="submit">{t('staff.gallery.publish_draft')}</button>
              </form>
            ) : null}
          </li>
        ))}
      </ul>
      {library.length > 0 ? (
        <section>
          <h2>{t('staff.gallery.library')}</h2>
          <p class="muted">{t('staff.gallery.library_hint')}</p>
          <ul class="library">
            {library.map((m) => (thumbOf(m) ? <li><img src={thumbOf(m)!} alt={m.alt} width={160} height={Math.round((160 * m.height) / Math.max(1, m.width))} loading="lazy" /></li> : null))}
          </ul>
        </section>
      ) : null}
    </StaffLayout>,
    status as 200,
  );
}
