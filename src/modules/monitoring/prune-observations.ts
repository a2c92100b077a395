import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import { pruneOldest } from '../../db/prune.js';

// Retention (issue 13): raw observations older than the cut-off go, oldest first, at most
// `limit` per run. Trends do not need them: monitor_daily keeps the per-day roll-up and
// compliance_verdicts the weekly outcome with its evidence; the current state reads 30 days.
export function pruneObservations(db: Kysely<DB>, before: string, limit: number): Promise<number> {
  return pruneOldest(db, { table: 'monitor_observations', time: 'fetched_at', before, limit });
}
