import type { Actor } from '../accounts/index.js';
import type { UnitRow } from '../units/index.js';
import { iso } from '../../shared/clock.js';
import { type Result, err, ok } from '../../shared/result.js';
import { approvalRequired, writerPowers } from './approval-policy.js';
import { recordComment } from './comments.js';
import type { ComposerDeps } from './deps.js';
import { type Draft, draftRepo } from './draft-repo.js';
import { type GoLiveError, type ReadinessProblem, goLive } from './go-live.js';

/** The lurah's "Setujui": published now, or at the time the writer asked for if still ahead. */
export async function approveDraft(
  deps: ComposerDeps,
  args: { actor: Actor; unit: UnitRow; draftId: string },
): Promise<Result<Draft, GoLiveError | 'not_found' | 'forbidden' | 'not_submitted'> & { problems?: ReadinessProblem[] }> {
  const draft = await draftRepo.byId(deps.db, args.unit.id, args.draftId);
  if (!draft) return err('not_found');
  if (!writerPowers(args.actor, args.unit, await approvalRequired(deps.db, args.unit.id)).canDecide) return err('forbidden');
  if (draft.status !== 'submitted') return err('not_submitted');
  const at = draft.publishAt && draft.publishAt > iso(deps.clock.now()) ? draft.publishAt : 'now';
  const r = await goLive(deps, { draft, unit: args.unit, userId: args.actor.id, at, fromStatuses: ['submitted'] });
  if (r.ok) await recordComment(deps, { unitId: args.unit.id, draftId: draft.id, authorId: args.actor.id, authorName: args.actor.displayName, kind: 'approved', body: '' });
  return r;
}

/** "Kembalikan dengan catatan": the writer sees the note on top of the draft and fixes it. */
export async function returnDraft(
  deps: ComposerDeps,
  args: { actor: Actor; unit: UnitRow; draftId: string; note: string },
): Promise<Result<Draft, 'not_found' | 'forbidden' | 'not_submitted' | 'note_missing'>> {
  const draft = await draftRepo.byId(deps.db, args.unit.id, args.draftId);
  if (!draft) return err('not_found');
  if (!writerPowers(args.actor, args.unit, await approvalRequired(deps.db, args.unit.id)).canDecide) return err('forbidden');
  if (args.note.trim().length < 3) return err('note_missing');
  const now = iso(deps.clock.now());
  const changed = await draftRepo.update(deps.db, args.unit.id, draft.id, { status: 'returned', updated_at: now, updated_by: args.actor.id, revision: draft.revision + 1 }, ['submitted']);
  if (!changed) return err('not_submitted');
  await recordComment(deps, { unitId: args.unit.id, draftId: draft.id, authorId: args.actor.id, authorName: args.actor.displayName, kind: 'returned', body: args.note });
  return ok((await draftRepo.byId(deps.db, args.unit.id, draft.id))!);
}
