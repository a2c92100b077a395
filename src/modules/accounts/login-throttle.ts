import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import { pruneOldest } from '../../db/prune.js';

// Login throttling that a stranger cannot turn against staff (OWASP Authentication and
// Credential Stuffing cheat sheets). There is no lock: failures grow a delay, capped at
// MAX_DELAY_MS, on three kinds of key —
//   pair     the username tried from one address: slows guessing one account from one place;
//   address  every username tried from one address: slows spraying many accounts from one place;
//   device   a device that signed in as this user before (a signed cookie): its own key only, so
//            others' failures never slow the owner's known phone.
// A request during a delay is refused without checking the password and still counts (the
// next delay grows), but it does not push the current delay further: once it has passed, the
// next attempt is checked, so the owner on a new device waits at most MAX_DELAY_MS.
// Failures older than FORGET_AFTER_MS are forgotten. The state is in the database, so several
// web processes share it; counting is one atomic upsert per key.

export type ThrottleKind = 'pair' | 'address' | 'device';

export interface ThrottleKey {
  key: string;
  kind: ThrottleKind;
  username: string | null;
  address: string | null;
}

/** Failures allowed before the first delay, per kind. */
export const FREE_FAILURES: Record<ThrottleKind, number> = { pair: 3, address: 10, device: 5 };
export const MAX_DELAY_MS = 60_000;
export const FORGET_AFTER_MS = 60 * 60_000;

/** The delay after the n-th failure: none while free, then 1 s, 2 s, 4 s … up to MAX_DELAY_MS. */
export function delayAfter(kind: ThrottleKind, failures: number): number {
  const over = failures - FREE_FAILURES[kind];
  if (over <= 0) return 0;
  return Math.min(MAX_DELAY_MS, 1000 * 2 ** Math.min(over - 1, 20));
}

/** The keys an attempt is counted on: its known device alone, or its pair and its address. */
export function keysFor(username: string, address: string | null, deviceId: string | null): ThrottleKey[] {
  if (deviceId) return [{ key: `device:${deviceId}`, kind: 'device', username, address }];
  const where = address ?? 'unknown';
  return [
    { key: `pair:${username} ${where}`, kind: 'pair', username, address: where },
    { key: `address:${where}`, kind: 'address', username: null, address: where },
  ];
}

/** Milliseconds the attempt must still wait (0: go ahead). */
export async function waitFor(db: Kysely<DB>, keys: ThrottleKey[], now: Date): Promise<number> {
  const rows = await db
    .selectFrom('login_throttle')
    .select(['delay_until', 'last_failure_at'])
    .where('key', 'in', keys.map((k) => k.key))
    .execute();
  const nowIso = now.toISOString();
  const forgetBefore = new Date(now.getTime() - FORGET_AFTER_MS).toISOString();
  let wait = 0;
  for (const r of rows) {
    if (r.last_failure_at < forgetBefore || !r.delay_until || r.delay_until <= nowIso) continue;
    wait = Math.max(wait, Date.parse(r.delay_until) - now.getTime());
  }
  return wait;
}

/**
 * Counts a failure on each key. `during` marks an attempt made during a delay: it counts, but
 * the delay it met is not extended.
 */
export async function countFailure(db: Kysely<DB>, keys: ThrottleKey[], now: Date, during = false): Promise<void> {
  const nowIso = now.toISOString();
  const forgetBefore = new Date(now.getTime() - FORGET_AFTER_MS).toISOString();
  for (const k of keys) {
    const first = delayAfter(k.kind, 1);
    await db
      .insertInto('login_throttle')
      .values({
        key: k.key, kind: k.kind, username: k.username, address: k.address, failures: 1,
        first_failure_at: nowIso, last_failure_at: nowIso, delay_until: first ? new Date(now.getTime() + first).toISOString() : null,
      })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet((eb) => {
          // Old failures are forgotten: the count starts again.
          const stale = eb(eb.ref('login_throttle.last_failure_at'), '<', forgetBefore);
          const failures = eb.case().when(stale).then(sql<number>`1`).else(sql<number>`login_throttle.failures + 1`).end();
          return {
            failures,
            first_failure_at: eb.case().when(stale).then(nowIso).else(eb.ref('login_throttle.first_failure_at')).end(),
            last_failure_at: nowIso,
            // The delay is computed in SQL from the new count (see delayUntilSql), so two web
            // processes counting at once both see the grown delay.
            delay_until: during ? eb.ref('login_throttle.delay_until') : delayUntilSql(k.kind, now, failures),
          };
        }),
      )
      .execute();
  }
}

/** delay_until = now + delayAfter(kind, failures), written as SQL over the new failure count. */
function delayUntilSql(kind: ThrottleKind, now: Date, failures: unknown) {
  const parts = [];
  // A CASE over the small number of steps before the cap keeps this portable (no pow() on SQLite).
  for (let n = 1; delayAfter(kind, n) < MAX_DELAY_MS; n++) {
    const d = delayAfter(kind, n);
    parts.push(sql`when ${failures} = ${n} then ${d ? new Date(now.getTime() + d).toISOString() : null}`);
  }
  return sql<string | null>`case ${sql.join(parts, sql` `)} else ${new Date(now.getTime() + MAX_DELAY_MS).toISOString()} end`;
}

/** A successful sign-in clears its own keys (the pair or the device, never the whole address). */
export async function clearOnSuccess(db: Kysely<DB>, keys: ThrottleKey[]): Promise<void> {
  const own = keys.filter((k) => k.kind !== 'address').map((k) => k.key);
  if (own.length) await db.deleteFrom('login_throttle').where('key', 'in', own).execute();
}

export interface ThrottledRow {
  key: string;
  kind: ThrottleKind;
  username: string | null;
  address: string | null;
  failures: number;
  lastFailureAt: string;
  delayUntil: string | null;
}

/** What admin kota sees: keys with recent failures past their free allowance, newest first. */
export async function listThrottled(db: Kysely<DB>, now: Date): Promise<ThrottledRow[]> {
  const rows = await db
    .selectFrom('login_throttle')
    .selectAll()
    .where('last_failure_at', '>=', new Date(now.getTime() - FORGET_AFTER_MS).toISOString())
    .orderBy('last_failure_at', 'desc')
    .limit(500)
    .execute();
  return rows
    .filter((r) => r.failures > FREE_FAILURES[r.kind as ThrottleKind])
    .map((r) => ({ key: r.key, kind: r.kind as ThrottleKind, username: r.username, address: r.address, failures: r.failures, lastFailureAt: r.last_failure_at, delayUntil: r.delay_until }));
}

/** Admin kota clears one key, or every key of a username (its pairs and devices). */
export async function clearThrottle(db: Kysely<DB>, target: { key: string } | { username: string }): Promise<number> {
  const q = db.deleteFrom('login_throttle');
  const r = await ('key' in target ? q.where('key', '=', target.key) : q.where('username', '=', target.username).where('kind', '!=', 'address')).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/**
 * Part of the hourly retention job: forgotten failures are deleted, oldest first and at most
 * `limit` per run (a password spray from many addresses leaves many rows; the next run goes on).
 */
export async function pruneThrottle(db: Kysely<DB>, now: Date, limit = 100_000): Promise<number> {
  return pruneOldest(db, { table: 'login_throttle', id: 'key', time: 'last_failure_at', before: new Date(now.getTime() - FORGET_AFTER_MS).toISOString(), limit });
}
