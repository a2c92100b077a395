import { type Actor, recordAudit } from '../accounts/index.js';
import { deleteContent, setContentStatus } from '../content/index.js';
import { askPostChanges, withdrawUnsentDeliveries } from '../publishing/index.js';
import type { UnitRow } from '../units/index.js';
import { iso } from '../../shared/clock.js';
import { type Result, err, ok } from '../../shared/result.js';
import { approvalRequired, writerPowers } from './approval-policy.js';
import { deleteComments } from './comments.js';
import type { ComposerDeps } from './deps.js';
import { type Draft, draftRepo } from './draft-repo.js';
import { deleteHelpRequestsOf } from './help-requests.js';

// After publishing, staff stay in control (#14 point 3): a published post can be taken off the
// website ("Tarik dari situs": it goes back to the drafts, to be fixed and published again) or
// deleted for good ("Hapus kabar": the website copy and the draft with its notes). Both change
// what the public sees, so both ask the one publishing policy. Taking it off the website leaves
// the copies on social media alone (the page says so). Deleting it may also delete them where the
// platform's API allows it ("Hapus juga dari Facebook", `deleteSocial`, sent by the job
// "publishing.run-changes"); the others stay until someone removes them there, and the pages
// say so and link each one. Deliveries that went out stay as the record of what went where (and
// of the deletion); those that did not are removed, so a post taken back is not posted afterwards.

export type WithdrawError = 'not_found' | 'forbidden' | 'not_published';
export type WithdrawKind = 'unpublish' | 'delete';

/** Who may take this published post back, and the draft; the role is checked before the lookup. */
export async function checkWithdraw(
  deps: Pick<ComposerDeps, 'db'>,
  args: { actor: Actor; unit: UnitRow; draftId: string },
): Promise<Result<Draft, WithdrawError>> {
  const powers = writerPowers(args.actor, args.unit, await approvalRequired(deps.db, args.unit.id));
  if (!powers.canEdit) return err('forbidden');
  const draft = await draftRepo.byId(deps.db, args.unit.id, args.draftId);
  if (!draft) return err('not_found');
  if (!powers.canPublish) return err('forbidden');
  if (draft.status !== 'published') return err('not_published');
  return ok(draft);
}

export async function withdrawPublished(
  deps: Pick<ComposerDeps, 'db' | 'clock' | 'onPublicChange'>,
  args: { actor: Actor; unit: UnitRow; draftId: string; kind: WithdrawKind; ip?: string | null; deleteSocial?: boolean; socialPlatforms?: readonly string[] },
): Promise<Result<Draft, WithdrawError> & { socialDeletes?: string[] }> {
  const checked = await checkWithdraw(deps, args);
  if (!checked.ok) return checked;
  const draft = checked.value;
  const unitId = args.unit.id;
  const nowIso = iso(deps.clock.now());
  let socialDeletes: string[] = [];
  const done = await deps.db.transaction().execute(async (trx) => {
    if (args.kind === 'unpublish') {
      // Back among the drafts; only if it is still published (a second tap changes nothing).
      const moved = await draftRepo.update(trx, unitId, draft.id, { status: 'draft', publish_at: null, late_note: null, revision: draft.revision + 1, updated_at: nowIso, updated_by: args.actor.id }, ['published']);
      if (!moved) return false;
      if (draft.contentId) await setContentStatus({ db: trx, clock: deps.clock }, { unitId, id: draft.contentId, status: 'archived', actorId: args.actor.id });
    } else {
      await deleteComments(trx, unitId, draft.id);
      await deleteHelpRequestsOf(trx, unitId, draft.id);
      if (!(await draftRepo.delete(trx, unitId, draft.id, ['published']))) return false;
      if (draft.contentId) await deleteContent({ db: trx }, { unitId, id: draft.contentId });
    }
    // What has not gone out to social media will not any more (a republish queues it afresh).
    const withdrawn = draft.contentId ? await withdrawUnsentDeliveries({ db: trx, clock: deps.clock }, { unitId, postId: draft.contentId }) : 0;
    if (args.kind === 'delete' && args.deleteSocial && draft.contentId) {
      socialDeletes = await askPostChanges({ db: trx, clock: deps.clock }, { unitId, postId: draft.contentId, kind: 'delete', requestedBy: args.actor.id, ...(args.socialPlatforms ? { platforms: args.socialPlatforms } : {}) });
    }
    await recordAudit(trx, deps.clock, {
      actorUserId: args.actor.id,
      action: args.kind === 'unpublish' ? 'composer.published.unpublish' : 'composer.published.delete',
      unitId,
      target: draft.title.trim().slice(0, 200) || null,
      ip: args.ip ?? null,
      detail: { draftId: draft.id, contentId: draft.contentId, publishedAt: draft.publishedAt, unsentWithdrawn: withdrawn, socialDeletes },
    });
    return true;
  });
  if (!done) return err('not_published');
  deps.onPublicChange?.(unitId);
  return { ...ok(draft), socialDeletes };
}
