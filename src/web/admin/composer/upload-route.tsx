import { Hono } from 'hono';
import { listUnitChannels } from '../../../modules/channels/index.js';
import { type Draft, MAX_PHOTOS, approvalRequired, buildPreviews, chosenChannels, getDraft, resolveClash, saveDraft, writerPowers } from '../../../modules/composer/index.js';
import { type Refused, getMedia, storeUpload } from '../../../modules/media/index.js';
import { t } from '../../../i18n/index.js';
import { ON_DEMAND_JOBS } from '../../../jobs/job-names.js';
import type { AppEnv } from '../../context.js';
import type { AppDeps } from '../../deps.js';
import { unitGuard } from '../../middleware/unit-guard.js';
import { composerDepsOf, mediaDepsOf } from './composer-deps.js';
import { readDraftForm } from './draft-form.js';
import { clashJson, sessionOf, storedVersion } from './clash.js';
import { postLink, thumbOf } from './editor-data.js';
import { PhotoItem } from './editor-view.js';
import { savedWhen } from './paths.js';

// The two endpoints composer.js talks to. Both answer JSON with a plain Indonesian `message`
// when something is wrong; neither is needed when scripts are off (the form carries it all).

export const refusalText = (r: Refused): string => t(`media.refusal.${r.error}`, r.params);

/** AVIF takes seconds per photo: made by the worker after the upload has answered. */
export async function requestAvif(deps: AppDeps, mediaId: string): Promise<void> {
  await deps.jobs?.send(ON_DEMAND_JOBS.makeAvif, { mediaId }, { singletonKey: mediaId }).catch((e: unknown) => {
    deps.logger.warn({ err: e, mediaId }, 'could not enqueue AVIF variants');
  });
}

export function uploadRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  /**
   * One photo as the raw request body (not multipart), so it streams into the size check and a
   * too-big file is refused before it is all read. The name comes in X-File-Name. Retrying the
   * same photo is harmless: the media library recognises the same bytes.
   * It keeps this streaming reader instead of parse-form.ts (issue 19 point 2): parse-form reads
   * the whole body through parseBody, which holds every byte in memory before anything can be
   * checked, and there is no text field here for a schema to parse — the body is the photo, its
   * checks (kind, size, dimensions) are the media module's, and name and session are headers.
   */
  app.post('/admin/unit/:slug/kabar/:id/foto', unitGuard(deps), async (c) => {
    const actor = c.get('actor')!;
    const unit = c.get('unit');
    const draft = await getDraft(deps.db, unit.id, c.req.param('id'));
    if (!draft) return c.json({ ok: false, message: t('composer.flash.draft_gone') }, 404);
    if (draft.status === 'published') return c.json({ ok: false, message: t('composer.error.not_editable') }, 409);
    if (draft.photos.length >= MAX_PHOTOS) return c.json({ ok: false, message: t('composer.error.too_many_photos', { max: MAX_PHOTOS }) }, 422);
    const stream = c.req.raw.body;
    if (!stream || (c.req.header('content-type') ?? '').startsWith('application/x-www-form-urlencoded')) {
      return c.json({ ok: false, message: t('composer.error.no_file') }, 400);
    }
    const declared = Number(c.req.header('content-length'));
    let name = 'foto';
    try {
      name = decodeURIComponent(c.req.header('x-file-name') ?? 'foto');
    } catch {
      // A broken name is not worth refusing a photo for.
    }
    let stored;
    try {
      stored = await storeUpload(mediaDepsOf(deps), { unitId: unit.id, userId: actor.id, originalName: name, stream: stream as unknown as AsyncIterable<Uint8Array>, declaredBytes: Number.isFinite(declared) ? declared : null });
    } catch (error) {
      // The connection dropped mid-upload: nothing was stored; the script retries.
      c.get('logger').info({ err: error }, 'upload interrupted');
      return c.json({ ok: false, retry: true, message: t('composer.error.upload_interrupted') }, 400);
    }
    if (!stored.ok) return c.json({ ok: false, code: stored.error, message: refusalText(stored) }, 422);
    const item = stored.value.item;
    if (!stored.value.duplicate) await requestAvif(deps, item.id);
    const fresh = (await getDraft(deps.db, unit.id, draft.id))!;
    const photos = fresh.photos.some((p) => p.mediaId === item.id) ? fresh.photos : [...fresh.photos, { mediaId: item.id, alt: '' }];
    const saved = await saveDraft(composerDepsOf(deps), { unitId: unit.id, draftId: draft.id, userId: actor.id, session: sessionOf(c.req.header('x-editor-session')), patch: { photos, step: 'foto' } });
    if (!saved.ok) return c.json({ ok: false, message: t(`composer.error.${saved.error}`) }, 422);
    const index = photos.findIndex((p) => p.mediaId === item.id);
    const html = (<PhotoItem photo={{ mediaId: item.id, alt: photos[index]!.alt, thumb: thumbOf(item), width: item.width, height: item.height }} index={index} />).toString();
    return c.json({ ok: true, mediaId: item.id, duplicate: stored.value.duplicate, revision: saved.value.draft.revision, html: await html, message: t('composer.edit.upload_done') });
  });

  /** Autosave: the form's fields (no files), every few seconds and when a step is left. */
  app.post('/admin/unit/:slug/kabar/:id/simpan', unitGuard(deps), async (c) => {
    const actor = c.get('actor')!;
    const unit = c.get('unit');
    const draft = await getDraft(deps.db, unit.id, c.req.param('id'));
    if (!draft) return c.json({ ok: false, message: t('composer.flash.draft_gone') }, 404);
    const read = await readDraftForm(c, await listUnitChannels(deps.db, unit.id));
    if (!read.ok) return c.json({ ok: false, message: Object.values(read.errors).join(' '), fields: read.errors }, 422);
    const { form, patch } = read;
    // Photos are removed only by a full submit ("Hapus foto"). An autosave that left before an
    // upload finished must not drop the photo that upload just attached.
    if (patch.photos) patch.photos = [...patch.photos, ...draft.photos.filter((p) => !patch.photos!.some((q) => q.mediaId === p.mediaId))];
    const session = sessionOf(form.editor);
    const resolve = form.resolve;
    let d: Draft;
    if (resolve === 'mine' || resolve === 'theirs') {
      // The person chose after a clash; the version not chosen is set aside, never lost.
      const r = await resolveClash(composerDepsOf(deps), { unitId: unit.id, draftId: draft.id, userId: actor.id, userName: actor.displayName, session, patch, keep: resolve });
      if (!r.ok) return r.conflict ? c.json({ ok: false, conflict: await clashJson(deps, r.conflict), message: t('composer.clash.title') }, 409) : c.json({ ok: false, message: t(`composer.error.${r.error}`) }, 422);
      d = r.value;
    } else {
      const saved = await saveDraft(composerDepsOf(deps), { unitId: unit.id, draftId: draft.id, userId: actor.id, session, patch });
      if (!saved.ok && saved.conflict) return c.json({ ok: false, conflict: await clashJson(deps, saved.conflict), message: t('composer.clash.title') }, 409);
      if (!saved.ok) return c.json({ ok: false, message: t(`composer.error.${saved.error}`) }, saved.error === 'not_editable' ? 409 : 422);
      d = saved.value.draft;
    }
    const { chosen } = await chosenChannels(deps.db, d);
    const first = d.photos[0] ? await getMedia(deps.db, unit.id, d.photos[0].mediaId) : null;
    const previews = buildPreviews({ draft: d, chosen, firstPhoto: first?.ok ? first.value : null, link: await postLink(deps, unit.slug, d) });
    return c.json({
      ok: true,
      revision: d.revision,
      message: t('composer.edit.saved', { time: savedWhen(d.updatedAt, deps.clock.now()) }),
      title: d.title,
      previews: previews.map((p) => ({
        platform: p.platform,
        image: p.image,
        text: p.text,
        auto: p.caption.text,
        title: p.caption.title,
        edited: p.edited !== null,
        count: p.length > p.maxChars ? t('composer.edit.count_over', { length: p.length, max: p.maxChars }) : t('composer.edit.count', { length: p.length, max: p.maxChars }),
        over: p.length > p.maxChars,
      })),
    });
  });

  /**
   * The stored draft's text and revision, for a page coming back to the screen: when nothing was
   * typed there since its last save, a newer save made elsewhere simply replaces what it shows.
   */
  app.get('/admin/unit/:slug/kabar/:id/versi', unitGuard(deps), async (c) => {
    const unit = c.get('unit');
    if (!writerPowers(c.get('actor')!, unit, await approvalRequired(deps.db, unit.id)).canEdit) return c.json({ ok: false, message: t('composer.error.forbidden') }, 403);
    const draft = await getDraft(deps.db, unit.id, c.req.param('id'));
    if (!draft) return c.json({ ok: false, message: t('composer.flash.draft_gone') }, 404);
    c.header('Cache-Control', 'no-store');
    return c.json({ ok: true, published: draft.status === 'published', session: draft.editorSession, ...(await storedVersion(deps, draft)) });
  });

  return app;
}
