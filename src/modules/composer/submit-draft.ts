import type { Actor } from '../accounts/index.js';
import type { UnitRow } from '../units/index.js';
import { iso } from '../../shared/clock.js';
import { type Result, err, ok } from '../../shared/result.js';
import { approvalRequired, writerPowers } from './approval-policy.js';
import { recordComment } from './comments.js';
import type { ComposerDeps } from './deps.js';
import { type Draft, draftRepo } from './draft-repo.js';
import { type ReadinessProblem, readiness } from './go-live.js';
import { MIN_LEAD_MS, wibToIso } from './schedule-draft.js';

/**
 * "Kirim ke Lurah" (or, for a pendamping, "Serahkan ke kelurahan"): the draft waits for someone
 * who may publish. A wished time travels with it; the decision then schedules or publishes.
 */
export async function submitDraft(
  deps: ComposerDeps,
  args: { actor: Actor; unit: UnitRow; draftId: string; note?: string; whenWib?: string },
): Promise<Result<Draft, 'not_found' | 'forbidden' | 'not_ready' | 'bad_time' | 'time_past' | 'not_editable'> & { problems?: ReadinessProblem[] }> {
  const draft = await draftRepo.byId(deps.db, args.unit.id, args.draftId);
  if (!draft) return err('not_found');
  if (!writerPowers(args.actor, args.unit, await approvalRequired(deps.db, args.unit.id)).canEdit) return err('forbidden');
  const problems = readiness(draft);
  if (problems.length) return { ...err('not_ready'), problems };
  let wished: string | null = null;
  if (args.whenWib?.trim()) {
    wished = wibToIso(args.whenWib);
    if (!wished) return err('bad_time');
    if (new Date(wished).getTime() < deps.clock.now().getTime() + MIN_LEAD_MS) return err('time_past');
  }
  const now = iso(deps.clock.now());
  const changed = await draftRepo.update(
    deps.db,
    args.unit.id,
    draft.id,
    { status: 'submitted', publish_at: wished, updated_at: now, updated_by: args.actor.id, revision: draft.revision + 1 },
    ['draft', 'returned', 'submitted'],
  );
  if (!changed) return err('not_editable');
  await recordComment(deps, { unitId: args.unit.id, draftId: draft.id, authorId: args.actor.id, authorName: args.actor.displayName, kind: 'submitted', body: args.note ?? '' });
  return ok((await draftRepo.byId(deps.db, args.unit.id, draft.id))!);
}
