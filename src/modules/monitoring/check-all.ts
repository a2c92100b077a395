import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import type { Clock } from '../../shared/clock.js';
import { checkBatchRepository as repo } from './check-batch-repository.js';
import { type SendJob, queueSweepBatches, startSweep } from './sweep-batches.js';
import { sweepRepository as sweeps } from './sweep-repository.js';

// "Periksa semua sekarang" (issue 15 §1): admin kota asks for every unit to be checked now.
// Since issue 18 it is a sweep like the six-hourly one (sweep-batches.ts), recorded with its
// regency and who asked: batch jobs any worker takes, each unit checked exactly once with the
// sweep's attempts policy, a dead worker's batch rescued, progress one row per unit
// (monitor_sweep_units). The older mechanism below (a job per unit, the first taking the rest,
// check_batches) is kept only for jobs queued before the upgrade.

/** The job that checks one unit (alone, or as part of a batch); declared in src/main. */
export const CHECK_UNIT_JOB = 'monitoring.check-unit';

export interface BatchProgress {
  id: string;
  createdAt: string;
  total: number;
  queued: number;
  running: number;
  done: number;
  failed: number;
  finished: boolean;
  units: { unitId: string; state: string; finishedAt: string | null; error: string | null }[];
}

const LEASE_MS = 10 * 60_000;

/**
 * Records the check of these units as a sweep of the regency and queues its batches through
 * `send` (the web's job queue). Answers the sweep's id, which the progress page shows.
 */
export async function createCheckBatch(
  db: Kysely<DB>,
  clock: Clock,
  o: { region: string; requestedBy: string | null; unitIds: readonly string[] },
  send: SendJob,
): Promise<{ batchId: string; total: number }> {
  const s = await startSweep(db, clock, { region: o.region, requestedBy: o.requestedBy, unitIds: o.unitIds });
  await queueSweepBatches(db, clock, send, s.sweepId, s.batches);
  return { batchId: s.sweepId, total: o.unitIds.length };
}

/** Takes one unit of the batch to check (the preferred one first); null when none is left. */
async function claimNext(db: Kysely<DB>, batchId: string, now: Date, prefer?: string): Promise<string | null> {
  const candidates = await repo.claimable(db, batchId, new Date(now.getTime() - LEASE_MS).toISOString());
  const ordered = prefer ? [...candidates.filter((c) => c.unit_id === prefer), ...candidates.filter((c) => c.unit_id !== prefer)] : candidates;
  for (const c of ordered) if (await repo.claim(db, batchId, c, now.toISOString())) return c.unit_id;
  return null;
}

/**
 * The handler of one unit's job in a batch: checks that unit (unless another runner already
 * did) and helps with the rest of the batch, `concurrency` units at a time. Idempotent.
 */
export async function runCheckBatchJob(
  db: Kysely<DB>,
  clock: Clock,
  o: { batchId: string; unitId: string; concurrency: number; check: (unitId: string) => Promise<void> },
): Promise<{ checked: number; failed: number }> {
  let checked = 0;
  let failed = 0;
  let first = true;
  const worker = async () => {
    for (;;) {
      const prefer = first ? o.unitId : undefined;
      first = false;
      const unitId = await claimNext(db, o.batchId, clock.now(), prefer);
      if (!unitId) return;
      try {
        await o.check(unitId);
        await repo.finish(db, o.batchId, unitId, 'done', clock.now().toISOString(), null);
        checked++;
      } catch (e) {
        // A bug in one unit's check must not stop the batch; it is shown on the progress page.
        await repo.finish(db, o.batchId, unitId, 'failed', clock.now().toISOString(), (e as Error).message.slice(0, 300));
        failed++;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, o.concurrency) }, worker));
  return { checked, failed };
}

export async function getCheckBatch(db: Kysely<DB>, region: string, batchId: string): Promise<BatchProgress | null> {
  const b = await sweeps.ofRegion(db, region, batchId);
  if (!b) return null;
  const units = await sweeps.units(db, batchId);
  const count = (s: string) => units.filter((u) => u.state === s).length;
  const p = { queued: count('queued'), running: count('running'), done: count('done'), failed: count('failed') };
  return {
    id: b.id,
    createdAt: b.started_at,
    total: Number(b.expected),
    ...p,
    finished: p.queued === 0 && p.running === 0,
    units: units.map((u) => ({ unitId: u.unit_id, state: u.state, finishedAt: u.checked_at, error: u.error })),
  };
}

export const latestCheckBatchId = async (db: Kysely<DB>, region: string) => (await sweeps.latestOfRegion(db, region))?.id ?? null;
