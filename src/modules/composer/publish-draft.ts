import type { Actor } from '../accounts/index.js';
import type { UnitRow } from '../units/index.js';
import { type Result, err } from '../../shared/result.js';
import { approvalRequired, writerPowers } from './approval-policy.js';
import type { ComposerDeps } from './deps.js';
import { type Draft, draftRepo } from './draft-repo.js';
import { type GoLiveError, type ReadinessProblem, goLive } from './go-live.js';

export type PublishDraftError = GoLiveError | 'not_found' | 'forbidden' | 'approval_required';

/** "Terbitkan sekarang": the website at once, and one delivery per ticked channel. */
export async function publishDraft(
  deps: ComposerDeps,
  args: { actor: Actor; unit: UnitRow; draftId: string },
): Promise<Result<Draft, PublishDraftError> & { problems?: ReadinessProblem[] }> {
  const draft = await draftRepo.byId(deps.db, args.unit.id, args.draftId);
  if (!draft) return err('not_found');
  const powers = writerPowers(args.actor, args.unit, await approvalRequired(deps.db, args.unit.id));
  if (!powers.canEdit) return err('forbidden');
  if (!powers.canPublish) return err('approval_required');
  return goLive(deps, { draft, unit: args.unit, userId: args.actor.id, at: 'now' });
}
