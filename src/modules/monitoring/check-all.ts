import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import type { Clock } from '../../shared/clock.js';
import { newId } from '../../shared/ids.js';
import { checkBatchRepository as repo } from './check-batch-repository.js';

// "Periksa semua sekarang" (issue 15 §1): admin kota asks for every unit to be checked now.
// One job is queued per unit, so each unit's check is retried on its own and progress is one
// row per unit. Whichever of those jobs runs first also takes the batch's other queued units,
// a bounded number at a time (`claimNext` hands each unit to exactly one runner), so the batch
// is checked in parallel whatever the job system's own concurrency; the later jobs find their
// unit done and return. A unit left 'running' by a crashed process is taken again after a lease.

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

export async function createCheckBatch(
  db: Kysely<DB>,
  clock: Clock,
  o: { region: string; requestedBy: string | null; unitIds: readonly string[] },
): Promise<{ batchId: string; total: number }> {
  const id = newId();
  await repo.create(db, { id, region: o.region, requestedBy: o.requestedBy, createdAt: clock.now().toISOString(), unitIds: o.unitIds });
  return { batchId: id, total: o.unitIds.length };
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
  const b = await repo.batch(db, region, batchId);
  if (!b) return null;
  const units = await repo.units(db, batchId);
  const count = (s: string) => units.filter((u) => u.state === s).length;
  const p = { queued: count('queued'), running: count('running'), done: count('done'), failed: count('failed') };
  return {
    id: b.id,
    createdAt: b.created_at,
    total: b.total,
    ...p,
    finished: p.queued === 0 && p.running === 0,
    units: units.map((u) => ({ unitId: u.unit_id, state: u.state, finishedAt: u.finished_at, error: u.error })),
  };
}

export const latestCheckBatchId = (db: Kysely<DB>, region: string) => repo.latestId(db, region);
