import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import type { Clock } from '../../shared/clock.js';
import { newId } from '../../shared/ids.js';
import { keyedHash } from './codes.js';

// Rate limits of the public forms, kept in the database so several web processes share them.
// Keys are keyed hashes ("ip:…", "phone:…"): the ledger never holds an address or a number.

export interface Limit {
  /** What is counted, e.g. "ip:203.0.113.9" or "phone:6281234567890". */
  subject: string;
  max: number;
  windowMs: number;
}

/** The limits a citizen's request or complaint passes: one shared kelurahan office IP sends many, one phone few. */
export const SUBMIT_LIMITS = {
  perIp: { max: 20, windowMs: 3600_000 },
  perPhone: { max: 5, windowMs: 24 * 3600_000 },
} as const;

/**
 * Checks every limit and, only when all pass, records one hit on each. Returns the first limit
 * that is full. Two requests at the same instant may both pass: a limit here slows abuse down,
 * it is not a quota that must be exact.
 */
export async function takeThrottle(db: Kysely<DB>, clock: Clock, secret: string, limits: Limit[]): Promise<Limit | null> {
  const now = clock.now();
  const keys = limits.map((l) => keyedHash(secret, l.subject));
  for (const [i, l] of limits.entries()) {
    const since = new Date(now.getTime() - l.windowMs).toISOString();
    const row = await db
      .selectFrom('pelayanan_throttle')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('key', '=', keys[i]!)
      .where('at', '>', since)
      .executeTakeFirst();
    if (Number(row?.n ?? 0) >= l.max) return l;
  }
  const at = now.toISOString();
  if (keys.length > 0) await db.insertInto('pelayanan_throttle').values(keys.map((key) => ({ id: newId(now.getTime()), key, at }))).execute();
  return null;
}

/** Counts without recording (a form checks its address before reading its body). */
export async function isThrottled(db: Kysely<DB>, clock: Clock, secret: string, limit: Limit): Promise<boolean> {
  const since = new Date(clock.now().getTime() - limit.windowMs).toISOString();
  const row = await db
    .selectFrom('pelayanan_throttle')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('key', '=', keyedHash(secret, limit.subject))
    .where('at', '>', since)
    .executeTakeFirst();
  return Number(row?.n ?? 0) >= limit.max;
}

/** Forgets hits older than the longest window, the PIN misses' included (run by the retention job). */
export async function pruneThrottle(db: Kysely<DB>, clock: Clock): Promise<number> {
  const before = new Date(clock.now().getTime() - 2 * 24 * 3600_000).toISOString();
  const r = await db.deleteFrom('pelayanan_throttle').where('at', '<', before).executeTakeFirst();
  return Number(r.numDeletedRows);
}
