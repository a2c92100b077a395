import type { Actor } from '../accounts/index.js';
import { setContentStatus } from '../content/index.js';
import type { UnitRow } from '../units/index.js';
import { iso } from '../../shared/clock.js';
import { type Result, err, ok } from '../../shared/result.js';
import { approvalRequired, writerPowers } from './approval-policy.js';
import type { ComposerDeps } from './deps.js';
import { type Draft, draftRepo } from './draft-repo.js';
import { type GoLiveError, type ReadinessProblem, goLive } from './go-live.js';
import { fromWibLocal, wibLocalInput } from '../../shared/wib-time.js';

/** A time at least this far ahead: anything sooner is simply "publish now". */
export const MIN_LEAD_MS = 2 * 60_000;
/** Scheduling further ahead than this is almost always a typo in the year. */
export const MAX_LEAD_MS = 366 * 86_400_000;

/** "2026-11-28T08:00" typed in WIB (the datetime-local field has no zone) → ISO UTC. */
export function wibToIso(local: string): string | null {
  return fromWibLocal(local.trim())?.toISOString() ?? null;
}

/** ISO UTC → the value a datetime-local field shows in WIB. */
export function isoToWib(isoTime: string): string {
  return wibLocalInput(isoTime);
}

export type ScheduleError = GoLiveError | 'not_found' | 'forbidden' | 'approval_required' | 'bad_time' | 'time_past' | 'time_too_far';

/** "Jadwalkan" and "Ubah jadwal": the same call; a scheduled draft simply gets its new time. */
export async function scheduleDraft(
  deps: ComposerDeps,
  args: { actor: Actor; unit: UnitRow; draftId: string; whenWib: string },
): Promise<Result<Draft, ScheduleError> & { problems?: ReadinessProblem[] }> {
  const draft = await draftRepo.byId(deps.db, args.unit.id, args.draftId);
  if (!draft) return err('not_found');
  const powers = writerPowers(args.actor, args.unit, await approvalRequired(deps.db, args.unit.id));
  if (!powers.canEdit) return err('forbidden');
  if (!powers.canPublish) return err('approval_required');
  const at = wibToIso(args.whenWib);
  if (!at) return err('bad_time');
  const now = deps.clock.now().getTime();
  if (new Date(at).getTime() < now + MIN_LEAD_MS) return err('time_past');
  if (new Date(at).getTime() > now + MAX_LEAD_MS) return err('time_too_far');
  return goLive(deps, { draft, unit: args.unit, userId: args.actor.id, at });
}

/** "Batalkan jadwal": back to a draft, and the website copy is hidden again. */
export async function cancelSchedule(
  deps: ComposerDeps,
  args: { actor: Actor; unit: UnitRow; draftId: string },
): Promise<Result<Draft, 'not_found' | 'forbidden' | 'not_scheduled'>> {
  const draft = await draftRepo.byId(deps.db, args.unit.id, args.draftId);
  if (!draft) return err('not_found');
  if (!writerPowers(args.actor, args.unit, false).canEdit) return err('forbidden');
  const now = iso(deps.clock.now());
  const changed = await draftRepo.update(deps.db, args.unit.id, draft.id, { status: 'draft', publish_at: null, updated_at: now, updated_by: args.actor.id, revision: draft.revision + 1 }, ['scheduled']);
  if (!changed) return err('not_scheduled');
  if (draft.contentId) await setContentStatus({ db: deps.db, clock: deps.clock, onPublicChange: deps.onPublicChange }, { unitId: args.unit.id, id: draft.contentId, status: 'draft', actorId: args.actor.id });
  return ok((await draftRepo.byId(deps.db, args.unit.id, draft.id))!);
}
