import * as z from 'zod';
import { PLATFORMS } from '../channels/index.js';
import { getMedia, updateMediaAlt } from '../media/index.js';
import { limitsFor } from '../publishing-captions/index.js';
import { iso } from '../../shared/clock.js';
import { type Result, err, ok } from '../../shared/result.js';
import type { ComposerDeps } from './deps.js';
import { type Draft, draftRepo } from './draft-repo.js';
import { syncScheduledContent } from './sync-content.js';
import { type Written, differingFields, writtenOf } from './draft-versions.js';
import { mayPublish } from '../accounts/index.js';

// Autosave and every form submit land here. Fields are optional: a save carries what the page
// had, and whatever is absent stays as it was. Limits are generous but finite; a value over a
// limit is refused with a code the form shows next to the field, and nothing typed is dropped
// (the page re-renders with what was sent).

export const MAX_TITLE = 200;
export const MAX_BODY = 20_000;
// As many photos as every platform takes in one post (Facebook and an Instagram carousel: 10).
export const MAX_PHOTOS = Math.min(PLATFORMS.facebook.media.maxImages, PLATFORMS.instagram.media.maxImages);
export const MAX_HASHTAGS = 30;
export const MAX_CAPTION = limitsFor('facebook').maxChars + 1_000;
export const STEPS = ['tulis', 'foto', 'saluran', 'pratinjau', 'jadwal'] as const;

export const draftPatchSchema = z.object({
  title: z.string().max(MAX_TITLE).optional(),
  body: z.string().max(MAX_BODY).optional(),
  hashtags: z.array(z.string().max(60)).max(MAX_HASHTAGS).optional(),
  photos: z.array(z.object({ mediaId: z.string().min(1).max(40), alt: z.string().max(300) })).max(MAX_PHOTOS).optional(),
  channelIds: z.array(z.string().min(1).max(40)).max(20).nullable().optional(),
  // Over-long captions are kept (what was typed is never refused by an autosave); publishing
  // refuses them with the count, see goLive.
  captions: z
    .object({
      facebook: z.string().max(MAX_CAPTION).optional(),
      instagram: z.string().max(MAX_CAPTION).optional(),
      tiktok: z.string().max(MAX_CAPTION).optional(),
    })
    .optional(),
  tiktokPrivacy: z.string().max(40).nullable().optional(),
  step: z.enum(STEPS).optional(),
  /** The revision the page was showing; a lower number than stored means another tab saved since. */
  baseRevision: z.number().int().optional(),
});
export type DraftPatch = z.input<typeof draftPatchSchema>;

export type SaveDraftError = 'not_found' | 'invalid' | 'not_editable' | 'photo_not_found' | 'scheduled_locked' | 'conflict';

/** A save refused because someone else saved different text since the page's revision. */
export interface SaveConflict {
  /** The draft as stored now (the other person's version). */
  current: Draft;
  /** Form field names whose text differs (see differingFields). */
  fields: string[];
}

export interface SavedDraft {
  draft: Draft;
  /** True when another tab or person saved in between (the page may want to say so). */
  overtook: boolean;
}

export async function saveDraft(
  deps: Pick<ComposerDeps, 'db' | 'clock' | 'onPublicChange' | 'siteBaseOf'> & Partial<ComposerDeps>,
  args: {
    unitId: string;
    draftId: string;
    userId: string | null;
    patch: DraftPatch;
    /** The editor page saving (a random id per page load); null for saves from no page. */
    session?: string | null;
  },
): Promise<Result<SavedDraft, SaveDraftError> & { problems?: string[]; conflict?: SaveConflict }> {
  const parsed = draftPatchSchema.safeParse(args.patch);
  if (!parsed.success) return { ...err('invalid'), problems: parsed.error.issues.map((i) => i.path.join('.')) };
  // Compare-and-set on the revision: a save that raced another one reads again and is judged again.
  for (let attempt = 0; attempt < 3; attempt++) {
    const r = await saveOnce(deps, args, parsed.data);
    if (r !== 'raced') return r;
  }
  return err('conflict');
}

async function saveOnce(
  deps: Parameters<typeof saveDraft>[0],
  args: Parameters<typeof saveDraft>[1],
  p: z.output<typeof draftPatchSchema>,
): Promise<(Result<SavedDraft, SaveDraftError> & { problems?: string[]; conflict?: SaveConflict }) | 'raced'> {
  const draft = await draftRepo.byId(deps.db, args.unitId, args.draftId);
  if (!draft) return err('not_found');
  if (draft.status === 'published') return err('not_editable');
  // A scheduled post goes public by itself: changing it is publishing, so the one publishing
  // policy decides (an operator under approval cannot change what the lurah approved).
  if (draft.status === 'scheduled' && args.userId !== null && !(await mayPublish(deps.db, args.userId, args.unitId))) return err('scheduled_locked');

  if (p.photos) {
    // Only photos of this unit's own library can be attached (ids of other units find nothing).
    for (const ph of p.photos) if (!(await getMedia(deps.db, args.unitId, ph.mediaId)).ok) return err('photo_not_found');
  }

  const session = args.session ?? null;
  const patch: Record<string, unknown> = { ...columnsFromPatch(draft, p), updated_at: iso(deps.clock.now()), updated_by: args.userId, revision: draft.revision + 1, editor_session: session };

  // Nothing written is overwritten silently: a page that last saw an older revision, while the
  // newer ones came from another page, may not replace text that differs — it gets the stored
  // version back and the person chooses (draft-versions.ts keeps the one not chosen).
  if (p.baseRevision !== undefined && p.baseRevision < draft.revision && (session === null || draft.editorSession !== session)) {
    const fields = differingFields(writtenOf(draft), writtenAfter(draft, patch));
    if (fields.length > 0) return { ...err('conflict'), conflict: { current: draft, fields } };
  }

  if (!(await draftRepo.update(deps.db, args.unitId, args.draftId, patch, undefined, draft.revision))) return 'raced';
  // A description typed here becomes the library's description too (when it had none), so the
  // photo keeps it when it is reused in a later post.
  for (const ph of p.photos ?? []) {
    const alt = ph.alt.replace(/\s+/g, ' ').trim();
    if (!alt) continue;
    const m = await getMedia(deps.db, args.unitId, ph.mediaId);
    if (m.ok && !m.value.alt) await updateMediaAlt(deps.db, args.unitId, ph.mediaId, alt);
  }
  const saved = (await draftRepo.byId(deps.db, args.unitId, args.draftId))!;
  // A scheduled post that is edited keeps its website copy in step (it goes public by itself).
  if (saved.status === 'scheduled' && saved.contentId) await syncScheduledContent(deps, saved, args.userId);
  return ok({ draft: saved, overtook: p.baseRevision !== undefined && p.baseRevision < draft.revision });
}

/** The draft's columns a patch changes, normalised as they are stored. */
function columnsFromPatch(draft: Draft, p: z.output<typeof draftPatchSchema>): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  if (p.title !== undefined) patch.title = p.title.replace(/\s+/g, ' ').trim() === '' ? '' : p.title.replace(/[\r\n]+/g, ' ');
  if (p.body !== undefined) patch.body = p.body.replace(/\r\n?/g, '\n');
  if (p.hashtags !== undefined) patch.hashtags = JSON.stringify(p.hashtags.map((h) => h.trim()).filter(Boolean));
  if (p.photos !== undefined) patch.photos = JSON.stringify(dedupe(p.photos.map((ph) => ({ mediaId: ph.mediaId, alt: ph.alt.replace(/\s+/g, ' ').trim() }))));
  if (p.channelIds !== undefined) patch.channel_ids = p.channelIds === null ? null : JSON.stringify([...new Set(p.channelIds)]);
  if (p.captions !== undefined) {
    const merged = { ...draft.captions, ...p.captions };
    for (const k of Object.keys(merged) as (keyof typeof merged)[]) if (!merged[k]?.trim()) delete merged[k];
    patch.captions = JSON.stringify(merged);
  }
  if (p.tiktokPrivacy !== undefined) patch.tiktok_privacy = p.tiktokPrivacy || null;
  if (p.step !== undefined) patch.step = p.step;
  return patch;
}

/** The written text a draft would hold after this patch (what a clash sets aside or compares). */
export function writtenWithPatch(draft: Draft, patch: DraftPatch): Written | null {
  const parsed = draftPatchSchema.safeParse(patch);
  return parsed.success ? writtenAfter(draft, columnsFromPatch(draft, parsed.data)) : null;
}

function writtenAfter(draft: Draft, patch: Record<string, unknown>): Written {
  const col = <T>(name: string, fallback: T): T => (patch[name] === undefined ? fallback : (JSON.parse(patch[name] as string) as T));
  return writtenOf({
    title: patch.title === undefined ? draft.title : (patch.title as string),
    body: patch.body === undefined ? draft.body : (patch.body as string),
    hashtags: col('hashtags', draft.hashtags),
    captions: col('captions', draft.captions),
    photos: col('photos', draft.photos),
  });
}

function dedupe<T extends { mediaId: string }>(list: T[]): T[] {
  const seen = new Set<string>();
  return list.filter((x) => (seen.has(x.mediaId) ? false : (seen.add(x.mediaId), true)));
}
