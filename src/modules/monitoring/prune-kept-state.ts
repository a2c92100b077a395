import type { Kysely } from 'kysely';
import { pruneOldest } from '../../db/prune.js';
import type { DB } from '../../db/schema/index.js';
import { RDAP_KEEP_DAYS } from './checks/rdap-answers.js';

// Retention of what the sweep keeps between runs (issue 18), oldest first, at most `limit` per run.
const DAY = 86_400_000;

/**
 * RDAP answers the domain-expiry check can no longer use: it reuses an answer only while it is
 * under RDAP_KEEP_DAYS old (keptAnswerStands), so an older one is asked again and overwritten
 * anyway — or, for a domain no longer watched, never read again.
 */
export function pruneRdapAnswers(db: Kysely<DB>, now: Date, limit: number): Promise<number> {
  const before = new Date(now.getTime() - RDAP_KEEP_DAYS * DAY).toISOString();
  return pruneOldest(db, { table: 'monitor_rdap_answers', id: 'domain', time: 'asked_at', before, limit });
}

/**
 * Shared per-host spacing rows (PostgreSQL) of hosts not asked for a day: a reservation only
 * needs a host's next start while it lies within the last gap, and a missing row is recreated by
 * the next request. next_at is milliseconds of the database's clock; a day leaves room for
 * clocks that disagree.
 */
export function pruneHostSlots(db: Kysely<DB>, now: Date, limit: number): Promise<number> {
  return pruneOldest(db, { table: 'monitor_host_slots', id: 'host', time: 'next_at', before: now.getTime() - DAY, limit });
}
