import { type Actor, recordAudit } from '../accounts/index.js';
import { contentRepository, setContentStatus } from '../content/index.js';
import type { UnitRow } from '../units/index.js';
import { type Result, err, ok } from '../../shared/result.js';
import { approvalRequired, writerPowers } from './approval-policy.js';
import { deleteComments, lastSubmitterId } from './comments.js';
import type { ComposerDeps } from './deps.js';
import { type Draft, draftRepo } from './draft-repo.js';
import { deleteHelpRequestsOf } from './help-requests.js';

// "Hapus draf": a draft nobody wants any more leaves the unit's list for good. Only what has not
// gone out can go: a published post is public (and maybe on social media), and a scheduled one
// will be, so it must be brought back with "Batalkan jadwal" first. A draft waiting for the
// lurah's decision may be withdrawn only by whoever wrote or sent it; the lurah returns it with a
// note instead. The draft's comments and help requests go with it; its photos stay in the unit's
// media library (they may be used elsewhere).

export type DiscardError = 'not_found' | 'forbidden' | 'is_published' | 'is_scheduled' | 'submitted_by_other';

/**
 * Why this person may not discard this draft, or null when they may. `canEdit` is the writer
 * power on the unit; `submitterId` the author of the last "submitted" comment (if any).
 */
export function discardRefusal(draft: Draft, actorId: string, canEdit: boolean, submitterId: string | null): Exclude<DiscardError, 'not_found'> | null {
  if (!canEdit) return 'forbidden';
  if (draft.status === 'published') return 'is_published';
  if (draft.status === 'scheduled') return 'is_scheduled';
  if (draft.status === 'submitted' && actorId !== draft.createdBy && actorId !== submitterId) return 'submitted_by_other';
  return null;
}

export type DiscardRefusal = Exclude<DiscardError, 'not_found' | 'forbidden'>;

/**
 * The draft and why this person may not discard it (null: they may), for the question page and
 * the deletion alike. The role is checked before the draft is looked up, so a read-only role
 * learns nothing about which drafts exist; the unit id is part of the lookup, so another unit's
 * draft id finds nothing here.
 */
export async function checkDiscard(
  deps: Pick<ComposerDeps, 'db'>,
  args: { actor: Actor; unit: UnitRow; draftId: string },
): Promise<Result<{ draft: Draft; refusal: DiscardRefusal | null }, 'forbidden' | 'not_found'>> {
  const canEdit = writerPowers(args.actor, args.unit, await approvalRequired(deps.db, args.unit.id)).canEdit;
  if (!canEdit) return err('forbidden');
  const draft = await draftRepo.byId(deps.db, args.unit.id, args.draftId);
  if (!draft) return err('not_found');
  const submitter = draft.status === 'submitted' ? await lastSubmitterId(deps.db, args.unit.id, draft.id) : null;
  return ok({ draft, refusal: discardRefusal(draft, args.actor.id, canEdit, submitter) as DiscardRefusal | null });
}

/** Deletes a draft of the unit with its comments and help requests; returns what was deleted. */
export async function discardDraft(
  deps: Pick<ComposerDeps, 'db' | 'clock'>,
  args: { actor: Actor; unit: UnitRow; draftId: string; ip?: string | null },
  attempt = 1,
): Promise<Result<Draft, DiscardError>> {
  const checked = await checkDiscard(deps, args);
  if (!checked.ok) return checked;
  const { draft, refusal } = checked.value;
  if (refusal) return err(refusal);

  const unitId = args.unit.id;
  const deleted = await deps.db
    .transaction()
    .execute(async (trx) => {
      await deleteComments(trx, unitId, draft.id);
      await deleteHelpRequestsOf(trx, unitId, draft.id);
      // Only if it is still what we checked: a scheduling or publishing a moment ago wins.
      if (!(await draftRepo.delete(trx, unitId, draft.id, [draft.status]))) throw new Changed();
      // A schedule that was cancelled left a hidden website copy behind; it goes to the archive.
      if (draft.contentId) {
        const item = await contentRepository.byId(trx, unitId, draft.contentId);
        if (item?.status === 'draft') await setContentStatus({ db: trx, clock: deps.clock }, { unitId, id: item.id, status: 'archived', actorId: null });
      }
      await recordAudit(trx, deps.clock, {
        actorUserId: args.actor.id,
        action: 'composer.draft.discard',
        unitId,
        target: draft.title.trim().slice(0, 200) || null,
        ip: args.ip ?? null,
        detail: { draftId: draft.id, status: draft.status, template: draft.template },
      });
      return true;
    })
    .catch((e) => {
      if (e instanceof Changed) return false;
      throw e;
    });
  // It changed under us (scheduled, published, sent or deleted a moment ago): check again.
  if (!deleted) return attempt < 3 ? discardDraft(deps, args, attempt + 1) : err('not_found');
  return ok(draft);
}

class Changed extends Error {}
