import { type Result, err, ok } from '../../shared/result.js';
import { iso } from '../../shared/clock.js';
import type { ComposerDeps } from './deps.js';
import { type Draft, draftRepo } from './draft-repo.js';
import { deleteVersion, lastEditorName, setAside, versionById, writtenOf } from './draft-versions.js';
import { type DraftPatch, type SaveConflict, type SaveDraftError, saveDraft, writtenWithPatch } from './save-draft.js';

// The person's choice after two saves clashed (#14 point 1): keep the text on this phone or the
// stored one. Either way the other is set aside, not thrown away, and can be taken back later
// from the draft's "Versi lain" list (useVersion).

type Deps = Pick<ComposerDeps, 'db' | 'clock' | 'onPublicChange' | 'siteBaseOf'> & Partial<ComposerDeps>;
type Writer = { unitId: string; draftId: string; userId: string; userName: string; session: string | null };

export type ClashError = SaveDraftError;

/**
 * `mine`: the patch (what this page holds) becomes the draft; the stored text is set aside.
 * `theirs`: the stored draft stays; the patch's text is set aside.
 */
export async function resolveClash(
  deps: Deps,
  args: Writer & { patch: DraftPatch; keep: 'mine' | 'theirs' },
): Promise<Result<Draft, ClashError> & { conflict?: SaveConflict }> {
  const current = await draftRepo.byId(deps.db, args.unitId, args.draftId);
  if (!current) return err('not_found');
  if (current.status === 'published') return err('not_editable');
  const mine = writtenWithPatch(current, args.patch);
  if (!mine) return err('invalid');
  if (args.keep === 'theirs') {
    await setAside(deps, { unitId: args.unitId, draftId: current.id, written: mine, byId: args.userId, byName: args.userName, at: iso(deps.clock.now()) });
    return ok(current);
  }
  await setAside(deps, { unitId: args.unitId, draftId: current.id, written: writtenOf(current), byId: current.updatedBy, byName: await lastEditorName(deps.db, current), at: current.updatedAt });
  const saved = await saveDraft(deps, { unitId: args.unitId, draftId: current.id, userId: args.userId, session: args.session, patch: { ...args.patch, baseRevision: current.revision } });
  return saved.ok ? ok(saved.value.draft) : { ...err(saved.error), ...(saved.conflict ? { conflict: saved.conflict } : {}) };
}

/** Takes a set-aside version back: it becomes the draft's text, and the text it replaces is set aside. */
export async function useVersion(deps: Deps, args: Writer & { versionId: string }): Promise<Result<Draft, ClashError>> {
  const current = await draftRepo.byId(deps.db, args.unitId, args.draftId);
  if (!current) return err('not_found');
  if (current.status === 'published') return err('not_editable');
  const version = await versionById(deps.db, args.unitId, args.draftId, args.versionId);
  if (!version) return err('not_found');
  await setAside(deps, { unitId: args.unitId, draftId: current.id, written: writtenOf(current), byId: current.updatedBy, byName: await lastEditorName(deps.db, current), at: current.updatedAt });
  const patch: DraftPatch = {
    title: version.title,
    body: version.body,
    hashtags: version.hashtags,
    captions: { facebook: version.captions.facebook ?? '', instagram: version.captions.instagram ?? '', tiktok: version.captions.tiktok ?? '' },
    // Descriptions come back for the photos the draft still has; photos added since stay.
    photos: current.photos.map((p) => ({ mediaId: p.mediaId, alt: version.alts[p.mediaId] ?? p.alt })),
    baseRevision: current.revision,
  };
  const saved = await saveDraft(deps, { unitId: args.unitId, draftId: current.id, userId: args.userId, session: args.session, patch });
  if (!saved.ok) return err(saved.error);
  await deleteVersion(deps.db, args.unitId, version.id);
  return ok(saved.value.draft);
}
