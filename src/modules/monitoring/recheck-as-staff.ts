import type { Kysely } from 'kysely';
import * as z from 'zod';
import type { DB } from '../../db/schema/index.js';
import { type Actor, type UnitRef, auditedChange, cityAuditedChange } from '../accounts/index.js';
import type { Clock } from '../../shared/clock.js';
import { ok, type Result } from '../../shared/result.js';
import { CHECK_UNIT_JOB, createCheckBatch } from './check-all.js';
import { claimUnitRecheck } from './request-recheck.js';

// Asking for checks now, as staff use cases (issue 19 point 2): a unit's re-check and admin kota's
// "Periksa semua". The use case refuses the actor itself; the claim of the unit's re-check slot
// (or the sweep), the queued check jobs and the audit entry are written in one transaction.
//
// What holds: the queue keeps its jobs in the application's own database — the embedded queue in
// the same SQLite file, pg-boss in its schema of the same PostgreSQL database — and the job is
// written through this transaction's handle (`SendWithin`, the queue's `within`). So a job is
// queued if and only if its audit entry (and the claimed slot, or the batch) is committed: no
// check runs that nobody asked for on the record, and no entry says a check was queued when it
// was not. The worker may pick a job up only after the commit. It may still fail later; that is
// the job's own retry, not this transaction's.

/** The job queue's send, writing the job in the given transaction; null when its singleton key was already used. */
export type SendWithin = (within: Kysely<DB>, name: string, data: object, o?: { singletonKey?: string; startAfter?: Date }) => Promise<string | null>;

type Deps = { db: Kysely<DB>; clock: Clock; send: SendWithin };

/** The re-check button's form: where to go back to (the unit's home unless 'pemantauan'). */
export const recheckFormSchema = z.object({ kembali: z.string() });

/**
 * A re-check of one unit, for whoever may write for it. `oncePerWindow` (the unit's own staff):
 * refused with 'too_soon' while the last accepted request is younger than the window, `detail`
 * the ISO time it can be asked again; admin kota's dashboard button asks without the window.
 */
export async function requestRecheckAsStaff(
  deps: Deps,
  args: { actor: Actor; unit: UnitRef; region: string; oncePerWindow: boolean },
): Promise<Result<true, 'too_soon' | 'forbidden'>> {
  return auditedChange(
    deps,
    args,
    async (trx) => {
      if (args.oncePerWindow) {
        const claim = await claimUnitRecheck(trx, deps.clock, { unitId: args.unit.id, userId: args.actor.id });
        if (!claim.ok) return claim;
      }
      await deps.send(trx, CHECK_UNIT_JOB, { unitId: args.unit.id, region: args.region });
      return ok(true as const);
    },
    () => ({ action: 'monitoring.recheck', target: args.oncePerWindow ? 'unit' : 'dashboard' }),
  );
}

/** "Periksa semua sekarang": a sweep of the given units, its batch jobs queued (admin kota only). */
export async function checkAllAsAdmin(
  deps: Deps,
  args: { actor: Actor; region: string; unitIds: readonly string[] },
): Promise<Result<{ batchId: string; total: number }, 'forbidden'>> {
  return cityAuditedChange(
    deps,
    args,
    async (trx) => ok(await createCheckBatch(trx, deps.clock, { region: args.region, requestedBy: args.actor.id, unitIds: args.unitIds }, (name, data, o) => deps.send(trx, name, data, o))),
    (b) => ({ action: 'monitoring.check_all', target: b.batchId, detail: { units: b.total } }),
  );
}
