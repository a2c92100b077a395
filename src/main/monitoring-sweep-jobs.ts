import { hostname } from 'node:os';
import {
  type MonitoringDeps, SWEEP_ATTEMPTS, SWEEP_BATCH_SIZE, SWEEP_BATCH_JOB, SWEEP_FOLLOWUP_JOB, getSweepProgress, pruneSweeps, queueSweepBatches, runSweepBatch, stalledSweepBatches, startSweep, syncAllRegistrations, unqueuedSweeps,
} from '../modules/monitoring/index.js';
import { defineJob } from '../jobs/define-job.js';
import { evaluateUnits, monitoringOf, registrationOf } from './dashboard-jobs.js';
import { type WorkerDeps, oncePerWorker } from './worker-deps.js';

// The six-hourly monitoring sweep as batches that any worker takes (issue 18 point 4; the use
// cases are modules/monitoring/sweep-batches.ts). The sweep job only records the sweep and queues
// one job per batch; batch jobs check their units, each exactly once per sweep; a minutely
// rescue takes over batches whose worker died (lease lapsed) without waiting for the queue's
// own expiry of the dead job. Batch jobs run two at a time per worker in the monitoring lane,
// so a sweep never delays publishing, and M workers sweep M times as fast; follow-up batches
// (second looks at sites a first look found silent) are a job of their own, two at a time beside
// them.

const MINUTE = 60_000;
/** Batch jobs one worker runs at once (the monitoring lane has 5 slots: 2 follow-ups, the rest for the rescue, a re-check). */
const BATCHES_AT_ONCE = 2;
/** Follow-up batches one worker runs at once: a few units each, mostly waiting on silent sites. */
const FOLLOWUPS_AT_ONCE = 2;

/**
 * How a worker's MONITOR_SWEEP_SITES (sites checked at once) is spread: over its 2 batch jobs,
 * each checking its whole share at once. A sweep mostly waits (the per-host gap of 1 s between a
 * site's ~8 requests, slow servers), and waits divide by the sites in flight; the fetcher's
 * requests cap grows with the setting (compose.ts). A batch holds two rounds of a job's share so
 * a round's slowest site does not idle the job; never fewer than SWEEP_BATCH_SIZE units, so a
 * city's small sweep is still split among workers.
 */
export function sweepSizing(sitesAtOnce: number): { unitsAtOnce: number; batchSize: number } {
  const unitsAtOnce = Math.max(1, Math.ceil(sitesAtOnce / BATCHES_AT_ONCE));
  return { unitsAtOnce, batchSize: Math.max(SWEEP_BATCH_SIZE, 2 * unitsAtOnce) };
}
const KEEP_SWEEPS_MS = 14 * 24 * 3_600_000;
const HOLDER = `${hostname()}:${process.pid}`;

// One RDAP answer per domain per sweep (domain expiry changes once a year): the cache lives as
// long as this worker works on the same sweep.
const rdapOf = oncePerWorker(() => ({ sweepId: '', cache: new Map() as NonNullable<MonitoringDeps['rdapCache']> }));
function sweepDeps(deps: WorkerDeps, sweepId: string): MonitoringDeps {
  const r = rdapOf(deps);
  if (r.sweepId !== sweepId) Object.assign(r, { sweepId, cache: new Map() });
  return { ...monitoringOf(deps), rdapCache: r.cache };
}

async function runBatch(deps: WorkerDeps, sweepId: string, batch: number, signal: AbortSignal, why: string) {
  const r = await runSweepBatch(deps.db, sweepDeps(deps, sweepId), { sweepId, batch, leaseMs: deps.config.workLeaseMs, concurrency: sweepSizing(deps.config.monitorSweepSites).unitsAtOnce, signal, holder: HOLDER, attempts: SWEEP_ATTEMPTS });
  // Sites the first look found silent get their one more look in a follow-up batch, a little later.
  if (r.followUpBatch !== undefined) {
    const startAfter = new Date(deps.clock.now().getTime() + SWEEP_ATTEMPTS.gapMs);
    await deps.jobs.send(SWEEP_FOLLOWUP_JOB, { sweepId, batch: r.followUpBatch }, { singletonKey: `${sweepId}:${r.followUpBatch}`, startAfter });
  }
  // This period's live verdicts of the units just checked, each under its regency's rule.
  if (r.checkedUnits.length > 0) await evaluateUnits(deps, r.checkedUnits);
  const { failed, checkedUnits: _, ...counts } = r;
  deps.logger.info({ ...counts, failed: failed.length, why }, 'monitoring sweep batch');
  if (r.finishedSweep) deps.logger.info(await getSweepProgress(deps.db, sweepId), 'monitoring sweep finished');
}

/** Queues one job per batch, once per batch for ever (a second call re-sends nothing). */
const queueBatches = (deps: WorkerDeps, sweepId: string, batches: number) =>
  queueSweepBatches(deps.db, deps.clock, (name, data, o) => deps.jobs.send(name, data, o), sweepId, batches);

/**
 * Every six hours: registration follows the units, then the sweep is recorded and its batches
 * queued (6–24 h is polite and fresh enough for a weekly rule). A retry of this job (same job
 * id) records nothing new and re-sends only batches not sent yet.
 */
export const sweepJob = defineJob<WorkerDeps>({
  name: 'monitoring.sweep',
  schedule: '20 */6 * * *',
  lane: 'monitoring',
  timeoutMs: 15 * MINUTE,
  retry: { limit: 2, delayMs: 5 * MINUTE, backoff: 'fixed' },
  onFinalFailure: 'log',
  async run(job, deps) {
    await syncAllRegistrations(deps.db, deps.clock, registrationOf(deps));
    const s = await startSweep(deps.db, deps.clock, { sweepId: `sweep-${job.id}`, batchSize: sweepSizing(deps.config.monitorSweepSites).batchSize });
    await queueBatches(deps, s.sweepId, s.batches);
    await pruneSweeps(deps.db, deps.clock, KEEP_SWEEPS_MS);
    deps.logger.info({ sweepId: s.sweepId, batches: s.batches, created: s.created }, 'monitoring sweep queued');
  },
});

export const sweepBatchJob = defineJob<WorkerDeps, { sweepId: string; batch: number }>({
  name: SWEEP_BATCH_JOB,
  lane: 'monitoring',
  concurrency: BATCHES_AT_ONCE,
  timeoutMs: 15 * MINUTE,
  retry: { limit: 3, delayMs: MINUTE, backoff: 'exponential' },
  // The minutely rescue takes what is left; the next sweep checks every unit again anyway.
  onFinalFailure: 'log',
  async run(job, deps) {
    await runBatch(deps, job.data.sweepId, job.data.batch, job.signal, 'queued');
  },
});

/**
 * Every minute: a sweep whose sweep job died while queuing gets its other batches queued, and
 * batches whose worker stopped renewing its lease are finished here.
 */
export const sweepRescueJob = defineJob<WorkerDeps>({
  name: 'monitoring.sweep-rescue',
  schedule: '* * * * *',
  lane: 'monitoring',
  timeoutMs: 15 * MINUTE,
  retry: { limit: 0, delayMs: MINUTE, backoff: 'fixed' },
  onFinalFailure: 'log',
  async run(job, deps) {
    for (const s of await unqueuedSweeps(deps.db, deps.clock, deps.config.workLeaseMs)) {
      await queueBatches(deps, s.sweepId, s.batches);
      deps.logger.warn({ sweepId: s.sweepId }, 'monitoring sweep: batches queued by the rescue');
    }
    for (const s of await stalledSweepBatches(deps.db, deps.clock, deps.config.workLeaseMs)) {
      if (job.signal.aborted) return;
      await runBatch(deps, s.sweepId, s.batch, job.signal, 'rescued');
    }
  },
});

/** The second looks a first-pass batch handed on (same use case; its batch number says which pass). */
export const sweepFollowUpJob = defineJob<WorkerDeps, { sweepId: string; batch: number }>({
  ...sweepBatchJob,
  name: SWEEP_FOLLOWUP_JOB,
  concurrency: FOLLOWUPS_AT_ONCE,
  async run(job, deps) {
    await runBatch(deps, job.data.sweepId, job.data.batch, job.signal, 'follow-up');
  },
});

export const monitoringSweepJobs = [sweepJob, sweepBatchJob, sweepFollowUpJob, sweepRescueJob];
