import type { Context } from 'hono';
import { Hono } from 'hono';
import { platformOf } from '../../../modules/channels/index.js';
import {
  type Draft,
  type WithdrawKind,
  MAX_ALT,
  MAX_BODY,
  MAX_TITLE,
  checkWithdraw,
  editPublished,
  publishedEditFormSchema,
  withdrawFormSchema,
  withdrawPublished,
} from '../../../modules/composer/index.js';
import { getMedia, storeUpload } from '../../../modules/media/index.js';
import { type DeliveryView, listDeliveries } from '../../../modules/publishing/index.js';
import { ON_DEMAND_JOBS } from '../../../jobs/job-names.js';
import { t } from '../../../i18n/index.js';
import { clientIp } from '../../client-ip.js';
import type { AppEnv } from '../../context.js';
import type { AppDeps } from '../../deps.js';
import { renderForbidden } from '../../errors.js';
import { unitGuard } from '../../middleware/unit-guard.js';
import { type EditFormValues, type EditPhotoRow, EditPublishedPage, NEW_PHOTO_SLOTS, WithdrawPage } from './after-publish-view.js';
import { composerDepsOf, lineageNames, mediaDepsOf } from './composer-deps.js';
import { DraftGone } from './done-view.js';
import { type FormValues, fieldErrors, formFiles, formLists, parseForm } from '../../forms/parse-form.js';
import type { FieldProblem } from '../../../shared/field-problems.js';
import { thumbOf } from './editor-data.js';
import { errorText } from './editor-routes.js';
import { placeholderProblems } from './placeholder-problems.js';
import { refusalText, requestAvif } from './upload-route.js';
import { draftUrl, homeUrl, platformList } from './paths.js';

// GET/POST /admin/unit/:slug/kabar/:id/ubah          change a published post (website copy)
// GET/POST /admin/unit/:slug/kabar/:id/tarik         take it off the website (back to drafts)
// GET/POST /admin/unit/:slug/kabar/:id/hapus-terbit  delete it
// Those who may publish only (the one publishing policy, asked by the use cases). A POST without
// the confirmation form's "yakin" shows the question again and changes nothing. Copies already
// out on a platform whose API allows it get the new text after an edit, and are deleted with
// the post when "Hapus juga dari …" stays ticked; the job "publishing.run-changes" is woken.

type C = Context<AppEnv>;

/** The new photo slots of the edit form: "Foto baru 1", "Foto baru 2". */
const NEW_SLOTS = Array.from({ length: NEW_PHOTO_SLOTS }, (_, i) => i);

export function afterPublishRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  /** The published draft this person may change, or the response that says why not. */
  async function allowed(c: C): Promise<Draft | Response> {
    const r = await checkWithdraw(deps, { actor: c.get('actor')!, unit: c.get('unit'), draftId: c.req.param('id')! });
    if (r.ok) return r.value;
    if (r.error === 'forbidden') return renderForbidden(c, 'publish.refused');
    if (r.error === 'not_found') return gone(c);
    // No longer published (taken back a moment ago): its own page says what it is now.
    return c.redirect(draftUrl(c.get('unit').slug, c.req.param('id')!), 303);
  }

  app.get('/admin/unit/:slug/kabar/:id/ubah', unitGuard(deps), async (c) => {
    const draft = await allowed(c);
    if (draft instanceof Response) return draft;
    return c.html(<EditPublishedPage actor={c.get('actor')!} unit={c.get('unit')} csrf={c.get('csrfToken')} draftId={draft.id} v={await valuesOf(deps, c, draft)} errors={[]} fieldErrors={{}} socialEdited={await copiesOut(deps, draft, 'edit')} />);
  });

  app.post('/admin/unit/:slug/kabar/:id/ubah', unitGuard(deps), async (c) => {
    const actor = c.get('actor')!;
    const unit = c.get('unit');
    const draft = await allowed(c);
    if (draft instanceof Response) return draft;
    // The text fields through the composer's schema; the new photos' files beside it (formFiles:
    // their bytes are checked by the media pipeline, which no form schema can do).
    const form = await readEditForm(deps, c, draft);
    const typed = form.typed;
    const files = await formFiles(c, NEW_SLOTS.map((i) => `foto_baru_${i}`));
    // New photos from the phone: the composer's media pipeline and its checks (kind, size,
    // dimensions). Those accepted stay with the form even when something else is refused; a
    // refused one is said next to its slot.
    const problems: Record<string, string> = { ...form.errors };
    for (const i of NEW_SLOTS) {
      const file = files[`foto_baru_${i}`]![0];
      if (!file) continue;
      const stored = await storeUpload(mediaDepsOf(deps), { unitId: unit.id, userId: actor.id, originalName: file.name, bytes: Buffer.from(await file.arrayBuffer()) });
      if (!stored.ok) {
        problems[`foto_baru_${i}`] = `${file.name}: ${refusalText(stored)}`;
        continue;
      }
      if (!stored.value.duplicate) await requestAvif(deps, stored.value.item.id);
      if (!typed.added.some((p) => p.mediaId === stored.value.item.id)) {
        typed.added.push({ mediaId: stored.value.item.id, alt: typed.newAlts?.[i] ?? '', keep: true, thumb: thumbOf(stored.value.item) });
        if (typed.newAlts) typed.newAlts[i] = '';
      }
    }
    if (Object.keys(problems).length) {
      c.status(422);
      return c.html(<EditPublishedPage actor={actor} unit={unit} csrf={c.get('csrfToken')} draftId={draft.id} v={typed} errors={Object.values(problems)} fieldErrors={problems} socialEdited={await copiesOut(deps, draft, 'edit')} />);
    }
    const cdeps = composerDepsOf(deps, (await lineageNames(deps, unit)).city ?? '');
    const r = await editPublished(cdeps, {
      actor,
      unit,
      draftId: draft.id,
      ip: clientIp(c),
      edit: { title: typed.title, body: typed.body, photos: [...typed.photos, ...typed.added].filter((p) => p.keep).map((p) => ({ mediaId: p.mediaId, alt: p.alt })), revision: typed.revision },
    });
    if (r.ok) {
      const updating = r.socialUpdates ?? [];
      if (updating.length) await wakeChanges(deps, c);
      return c.redirect(`${draftUrl(unit.slug, draft.id)}?diubah=1${updating.length ? `&sosmed=${updating.join(',')}` : ''}`, 303);
    }
    if (r.error === 'forbidden') return renderForbidden(c, 'publish.refused');
    if (r.error === 'not_found') return gone(c);
    if (r.error === 'not_published') return c.redirect(draftUrl(unit.slug, draft.id), 303);
    const edited = await copiesOut(deps, draft, 'edit');
    const page = (errors: string[], fieldErrors: Record<string, string>, v: EditFormValues, notice: string | null = null) => {
      c.status(r.error === 'changed' ? 409 : 422);
      return c.html(<EditPublishedPage actor={actor} unit={unit} csrf={c.get('csrfToken')} draftId={draft.id} v={v} errors={errors} fieldErrors={fieldErrors} notice={notice} socialEdited={edited} />);
    };
    // Someone changed it meanwhile: what was typed stays in the fields, on the newest revision.
    if (r.error === 'changed') return page([], {}, { ...typed, revision: draft.revision }, t('composer.after.changed'));
    // Each problem next to its field (and on top), everything typed kept.
    const fields: Record<string, string> = {};
    const errors: string[] = [];
    const marks = placeholderProblems({ title: typed.title, body: typed.body, captions: {} });
    for (const code of r.problems ?? [r.error]) {
      if (code === 'placeholder_left') continue;
      const text = errorText(code === 'too_long' ? 'invalid' : code);
      errors.push(text);
      if (code === 'title_missing') fields.title = text;
      if (code === 'text_missing') fields.body = text;
    }
    errors.push(...marks.summary);
    if (marks.fields.title) fields.title = marks.fields.title;
    if (marks.fields.body) fields.body = marks.fields.body;
    return page(errors, fields, typed);
  });

  for (const kind of ['unpublish', 'delete'] as const) {
    const path = `/admin/unit/:slug/kabar/:id/${kind === 'unpublish' ? 'tarik' : 'hapus-terbit'}`;
    app.get(path, unitGuard(deps), async (c) => {
      const draft = await allowed(c);
      if (draft instanceof Response) return draft;
      return c.html(<WithdrawPage actor={c.get('actor')!} unit={c.get('unit')} csrf={c.get('csrfToken')} draft={draft} kind={kind} deletable={kind === 'delete' ? await copiesOut(deps, draft, 'delete') : []} />);
    });
    app.post(path, unitGuard(deps), async (c) => withdraw(c, kind));
  }

  async function withdraw(c: C, kind: WithdrawKind) {
    const actor = c.get('actor')!;
    const unit = c.get('unit');
    const draft = await allowed(c);
    if (draft instanceof Response) return draft;
    const deletable = kind === 'delete' ? await copiesOut(deps, draft, 'delete') : [];
    // "Hapus juga dari Facebook" (ticked by default): the platforms still ticked when sent.
    const form = await parseForm(c, withdrawFormSchema, ['yakin', ...deletable.map((p) => `hapus_di_${p}`)], (v) => ({ yakin: v.yakin, deleteOn: deletable.filter((p) => v[`hapus_di_${p}`] === '1') }));
    // Not confirmed (no yakin=1, or one sent as a file): the question again, nothing changed.
    if (!form.ok || !form.data.yakin) return c.html(<WithdrawPage actor={actor} unit={unit} csrf={c.get('csrfToken')} draft={draft} kind={kind} deletable={deletable} />);
    const ticked = form.data.deleteOn;
    // The social copies that are (or may be) out stay there; the home page names them.
    const out = draft.contentId
      ? (await listDeliveries(deps.db, draft.contentId, { tiktokAudited: deps.config.tiktokAudited })).filter((d) => d.audience === 'public' || d.audience === 'owner_only' || d.state === 'unconfirmed')
      : [];
    const r = await withdrawPublished(composerDepsOf(deps), { actor, unit, draftId: draft.id, kind, ip: clientIp(c), deleteSocial: ticked.length > 0, socialPlatforms: ticked });
    if (!r.ok) return r.error === 'forbidden' ? renderForbidden(c, 'publish.refused') : c.redirect(draftUrl(unit.slug, draft.id), 303);
    const deleting = r.socialDeletes ?? [];
    if (deleting.length) await wakeChanges(deps, c);
    const stay = [...new Set(out.map((d) => d.platform))].filter((p) => !deleting.includes(p));
    const left = `${stay.length ? `&sosmed=${encodeURIComponent(stay.join(','))}` : ''}${deleting.length ? `&sosmed_hapus=${encodeURIComponent(deleting.join(','))}` : ''}`;
    return c.redirect(`${homeUrl(unit.slug, kind === 'unpublish' ? 'unpublished' : 'post_deleted')}${left}`, 303);
  }

  return app;
}

/** Platforms where a copy of this post is out and the API allows this change (Facebook). */
async function copiesOut(deps: AppDeps, draft: Draft, kind: 'edit' | 'delete'): Promise<string[]> {
  if (!draft.contentId) return [];
  const ds: DeliveryView[] = await listDeliveries(deps.db, draft.contentId);
  const ok = ds.filter((d) => d.state === 'published' && d.change?.kind !== 'delete' && (kind === 'edit' ? platformOf(d.platform)?.afterPublish.editText : platformOf(d.platform)?.afterPublish.delete));
  return [...new Set(ok.map((d) => d.platform))];
}

/** The minute's run would do; woken now so staff see the status change while they look. */
async function wakeChanges(deps: AppDeps, c: C): Promise<void> {
  await deps.jobs?.send(ON_DEMAND_JOBS.runPostChanges, {}).catch((e) => c.get('logger').warn({ err: e }, 'could not wake the social changes runner'));
}

/** The form as the saved post fills it: every photo kept. */
async function valuesOf(deps: AppDeps, c: C, draft: Draft): Promise<EditFormValues> {
  const photos = [];
  for (const ph of draft.photos) {
    const m = await getMedia(deps.db, c.get('unit').id, ph.mediaId);
    photos.push({ mediaId: ph.mediaId, alt: ph.alt, keep: true, thumb: m.ok ? thumbOf(m.value) : null });
  }
  return { title: draft.title, body: draft.body, photos, added: [], revision: draft.revision };
}

/**
 * The edit form as it was sent, read with the composer's publishedEditFormSchema: what was typed
 * (always, to show again) and each problem by form field — a photo's description is
 * `alt_<media id>`, a new slot's `alt_baru_<n>`. Only the post's own photos and those this unit
 * stored by an earlier refused submit are read (ids from elsewhere are ignored).
 */
async function readEditForm(deps: AppDeps, c: C, draft: Draft): Promise<{ typed: EditFormValues; errors: Record<string, string> }> {
  const saved = (await valuesOf(deps, c, draft)).photos;
  const added = await addedRows(deps, c, saved, (await formLists(c, ['baru'])).baru!);
  const photoFields = (rows: EditPhotoRow[]) => rows.flatMap((p) => [`keep_${p.mediaId}`, `alt_${p.mediaId}`]);
  // A description not sent at all keeps the one the photo has (a form from before it had one).
  const sent = await formLists(c, photoFields(saved));
  const altOf = (p: EditPhotoRow, v: FormValues) => (sent[`alt_${p.mediaId}`]?.length === 0 ? p.alt : v[`alt_${p.mediaId}`]!);
  const rowsOf = (rows: EditPhotoRow[], v: FormValues) => rows.map((p) => ({ mediaId: p.mediaId, keep: v[`keep_${p.mediaId}`]!, alt: altOf(p, v) }));
  const fields = ['title', 'body', 'revision', ...photoFields(saved), ...photoFields(added), ...NEW_SLOTS.map((i) => `alt_baru_${i}`)];
  const form = await parseForm(c, publishedEditFormSchema, fields, (v) => ({ title: v.title, body: v.body, revision: v.revision, photos: rowsOf(saved, v), added: rowsOf(added, v), newAlts: NEW_SLOTS.map((i) => v[`alt_baru_${i}`]) }));
  const v = form.values;
  const typedRows = (rows: EditPhotoRow[]) => rows.map((p) => ({ ...p, keep: v[`keep_${p.mediaId}`] === '1', alt: altOf(p, v) }));
  const typed: EditFormValues = {
    title: v.title!,
    body: v.body!,
    revision: form.ok ? form.data.revision : /^\d{1,15}$/.test(v.revision!) ? Number(v.revision) : -1,
    photos: typedRows(saved),
    added: typedRows(added),
    newAlts: NEW_SLOTS.map((i) => v[`alt_baru_${i}`]!),
  };
  if (form.ok) return { typed, errors: {} };
  // The form field a problem's path names: title, body, or a photo row's description.
  const fieldOf = (path: string) => {
    const [list, i] = path.split('.');
    if (list === 'photos') return `alt_${saved[Number(i)]!.mediaId}`;
    if (list === 'added') return `alt_${added[Number(i)]!.mediaId}`;
    if (list === 'newAlts') return `alt_baru_${i}`;
    return list!;
  };
  const max: Record<string, number> = { title: MAX_TITLE, body: MAX_BODY };
  const text = (p: FieldProblem) => {
    const field = fieldOf(p.path);
    return p.code === 'too_big' ? t('composer.error.too_long', { max: max[field] ?? MAX_ALT, length: (v[field] ?? '').length }) : errorText('invalid');
  };
  return { typed, errors: fieldErrors(form.problems, text, fieldOf) };
}

/** New photos stored by an earlier, refused submit (hidden "baru" fields): this unit's only. */
async function addedRows(deps: AppDeps, c: C, had: EditPhotoRow[], ids: string[]): Promise<EditPhotoRow[]> {
  const rows: EditPhotoRow[] = [];
  for (const id of ids.slice(0, 10)) {
    if (had.some((p) => p.mediaId === id) || rows.some((p) => p.mediaId === id)) continue;
    const m = await getMedia(deps.db, c.get('unit').id, id);
    if (m.ok) rows.push({ mediaId: id, alt: '', keep: true, thumb: thumbOf(m.value) });
  }
  return rows;
}

function gone(c: C) {
  c.status(404);
  return c.html(<DraftGone actor={c.get('actor')!} unit={c.get('unit')} csrf={c.get('csrfToken')} />);
}

/** "Salinan di media sosial tetap ada …" / "… sedang dihapus" for the home page after taking a post back. */
export function socialLeftNote(platforms: string | undefined, deleting?: string | undefined): string | null {
  const left = platformList(platforms);
  const gone = platformList(deleting);
  const notes = [left ? t('composer.after.social_left', { list: left }) : '', gone ? t('social_change.deleting', { list: gone }) : ''].filter(Boolean);
  return notes.length ? notes.join(' ') : null;
}

