import { type QueryExecutorProvider, sql } from 'kysely';
import { pruneOldest } from '../db/prune.js';

// Retention of the embedded queue (issue 13): jobs that finished (completed, or failed for good)
// before the cut-off are deleted, oldest first, at most `limit` per run; on PostgreSQL pg-boss
// keeps its own tables (deleteAfterDays) and only our once-per-key ledger is pruned here.
// A deleted job's singleton key may be used again — harmless, as keys name a cron slot or one
// step of one delivery, which never comes round again weeks later.
export async function pruneFinishedJobs(db: QueryExecutorProvider, before: string, limit: number): Promise<{ jobs: number; singletons: number }> {
  const jobs = await pruneOldest(db, { table: 'jobs', time: 'completed_at', before, where: sql`state in ('completed', 'failed')`, limit });
  // No single-column key: the cut-off moves back to the limit-th oldest row instead.
  const r = await sql`delete from job_singletons where created_at < ${before} and created_at <= coalesce(
      (select created_at from job_singletons where created_at < ${before} order by created_at limit 1 offset ${limit - 1}), ${before})`.execute(db);
  return { jobs, singletons: Number(r.numAffectedRows ?? 0n) };
}
