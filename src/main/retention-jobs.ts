import { defineJob } from '../jobs/define-job.js';
import { runRetention } from './retention/run-retention.js';
import type { WorkerDeps } from './worker-deps.js';

/**
 * Hourly at :40 WIB: rows past their retention period (RETENTION_* settings) are deleted in
 * bounded batches; old audit rows are archived to a file first. Replaces the daily session
 * prune, which it includes.
 */
export const retentionJob = defineJob<WorkerDeps>({
  name: 'maintenance.retention',
  schedule: '40 * * * *',
  lane: 'maintenance',
  timeoutMs: 10 * 60_000,
  retry: { limit: 2, delayMs: 5 * 60_000, backoff: 'exponential' },
  // Nothing half-done to undo: each batch is one statement, and the next hour tries again.
  onFinalFailure: 'log',
  async run(_job, deps) {
    const r = await runRetention(deps.db, deps.clock, deps.config.retention, deps.config.dataDir);
    // Every count in the report (auditFile is the one name in it).
    const total = Object.values(r).reduce<number>((n, v) => n + (typeof v === 'number' ? v : 0), 0);
    if (total > 0) deps.logger.info(r, 'retention: old rows removed');
    if (r.auditFile) deps.logger.info({ file: r.auditFile, rows: r.auditArchived }, 'retention: audit rows archived to file');
  },
});

export const retentionJobs = [retentionJob];
