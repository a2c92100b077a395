import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import type { Clock } from '../../shared/clock.js';
import { type Err, type Result, err } from '../../shared/result.js';
import type { Actor } from './actor.js';
import { type AuditEntry, recordAudit } from './audit.js';
import { type UnitAction, type UnitRef, can, canManageCity } from './policy.js';

// The shape every staff use case shares (issue 19 point 2): the use case itself is given the
// actor and refuses with a typed 'forbidden' — whatever route or job calls it —, and the change
// and its audit entry are written in one transaction: both or neither. A change that answers
// with an expected failure is rolled back too, so a half-written change never stays behind.

export interface AuditedChangeDeps {
  db: Kysely<DB>;
  clock: Clock;
}

type OkValue<R> = R extends { ok: true; value: infer V } ? V : never;

class RolledBack<R> {
  constructor(readonly result: R) {}
}

export async function auditedChange<R extends Result<unknown, string>>(
  deps: AuditedChangeDeps,
  args: {
    actor: Actor;
    unit: UnitRef;
    /** What the actor must be allowed to do on the unit; 'write' unless said. */
    need?: UnitAction;
  },
  change: (trx: Kysely<DB>) => Promise<R>,
  /** The entry to write when the change succeeded (actor and unit are filled in). */
  audit: (value: OkValue<R>) => Omit<AuditEntry, 'actorUserId' | 'unitId'>,
): Promise<R | Err<'forbidden'>> {
  if (!can(args.actor, args.need ?? 'write', args.unit)) return err('forbidden');
  return inOneTransaction(deps, change, (v) => ({ ...audit(v), actorUserId: args.actor.id, unitId: args.unit.id }));
}

/**
 * The same shape for a city-level change (a new unit, a reminder rule, a login throttle cleared,
 * monitoring settings): only admin kota may; others get 'forbidden' before anything runs. The
 * entry may name a unit; answering null writes no entry (nothing changed, e.g. it already existed).
 */
export async function cityAuditedChange<R extends Result<unknown, string>>(
  deps: AuditedChangeDeps,
  args: { actor: Actor },
  change: (trx: Kysely<DB>) => Promise<R>,
  audit: (value: OkValue<R>) => Omit<AuditEntry, 'actorUserId'> | null,
): Promise<R | Err<'forbidden'>> {
  if (!canManageCity(args.actor)) return err('forbidden');
  return inOneTransaction(deps, change, (v) => {
    const entry = audit(v);
    return entry && { ...entry, actorUserId: args.actor.id };
  });
}

async function inOneTransaction<R extends Result<unknown, string>>(
  deps: AuditedChangeDeps,
  change: (trx: Kysely<DB>) => Promise<R>,
  entry: (value: OkValue<R>) => AuditEntry | null,
): Promise<R> {
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const r = await change(trx);
      if (!r.ok) throw new RolledBack(r);
      const e = entry((r as { value: OkValue<R> }).value);
      if (e) await recordAudit(trx, deps.clock, e);
      return r;
    });
  } catch (e) {
    if (e instanceof RolledBack) return e.result as R;
    throw e;
  }
}
