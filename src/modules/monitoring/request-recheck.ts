import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import type { Clock } from '../../shared/clock.js';
import { type Result, err, ok } from '../../shared/result.js';

/** A unit's own staff may ask for a re-check once in this window (the sweep runs every 6 h anyway). */
export const UNIT_RECHECK_WINDOW_MS = 15 * 60_000;

/**
 * Takes the unit's re-check slot if the last accepted request is older than the window. One
 * statement (insert, or update only when the old one has expired), so two processes asking at
 * once cannot both win. On refusal, `detail` is the ISO time it can be asked again.
 */
export async function claimUnitRecheck(
  db: Kysely<DB>,
  clock: Clock,
  p: { unitId: string; userId: string; windowMs?: number },
): Promise<Result<{ requestedAt: Date }, 'too_soon'>> {
  const now = clock.now();
  const windowMs = p.windowMs ?? UNIT_RECHECK_WINDOW_MS;
  const cutoff = new Date(now.getTime() - windowMs).toISOString();
  const won = await db
    .insertInto('unit_recheck_requests')
    .values({ unit_id: p.unitId, requested_at: now.toISOString(), requested_by: p.userId })
    .onConflict((oc) =>
      oc
        .column('unit_id')
        .doUpdateSet((eb) => ({ requested_at: eb.ref('excluded.requested_at'), requested_by: eb.ref('excluded.requested_by') }))
        .where('unit_recheck_requests.requested_at', '<=', cutoff),
    )
    .returning('unit_id')
    .executeTakeFirst();
  if (won) return ok({ requestedAt: now });
  const last = await db.selectFrom('unit_recheck_requests').select('requested_at').where('unit_id', '=', p.unitId).executeTakeFirstOrThrow();
  return err('too_soon', new Date(new Date(last.requested_at).getTime() + windowMs).toISOString());
}
