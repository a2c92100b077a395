import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import { startFleet, type Fleet } from '../../src/fakes/fleet/server.js';
import { registerDeclaredJobs } from '../../src/jobs/define-job.js';
import { EmbeddedQueue } from '../../src/jobs/embedded-queue.js';
import { monitoringSweepJobs, sweepJob, sweepSizing } from '../../src/main/monitoring-sweep-jobs.js';
import {
  Fetcher,
  getSweepProgress,
  markSweepQueued,
  runChecksForUnit,
  runSweepBatch,
  stalledSweepBatches,
  startSweep,
  unqueuedSweeps,
  type MonitoringDeps,
} from '../../src/modules/monitoring/index.js';
import { InMemoryOwnContent, InMemorySocialActivity } from '../../src/fakes/monitoring-sources.js';
import { sweepRepository } from '../../src/modules/monitoring/sweep-repository.js';
import { FixedClock } from '../../src/shared/clock.js';
import { newId } from '../../src/shared/ids.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { createTestDb, type TestDb, testEngine } from '../support/test-db.js';

// Issue 18 point 4: a sweep split into batches that several workers take. Each unit is checked
// exactly once per sweep: runs of one batch at once share its units, a dead worker's batch (its
// lease lapsed) is taken over without re-checking what it had committed, and a run whose claim
// was taken over cannot commit afterwards. The sweep records when it finished.

const clock = new FixedClock('2026-11-25T03:00:00Z');
const LEASE = 60_000;
let t: TestDb;
let fleet: Fleet;
let deps: MonitoringDeps;
const units = Array.from({ length: 30 }, (_, i) => `kel-${String(i).padStart(2, '0')}`);

/** Availability observations per unit: one per committed check of its one website. */
async function checksPerUnit(db = t.db) {
  const rows = await db.selectFrom('monitor_observations').select(['unit_id']).where('kind', '=', 'availability').execute();
  const n = new Map<string, number>();
  for (const r of rows) n.set(r.unit_id, (n.get(r.unit_id) ?? 0) + 1);
  return n;
}

async function addUnits(db: TestDb['db'], ids: readonly string[], url: string) {
  const now = clock.now().toISOString();
  await db.insertInto('units').values(ids.map((id) => ({ id, code: null, kind: 'kelurahan' as const, name: id, slug: id, parent_id: null, region_code: '19.71', settings: '{}', is_demo: 0, created_at: now, updated_at: now }))).execute();
  await db
    .insertInto('web_presences')
    .values(ids.map((id) => ({ id: newId(), unit_id: id, kind: 'website' as const, url, platform: null, handle: null, source: 'test', active: 1, presence_key: `${id}|website`, created_at: now, updated_at: now })))
    .execute();
}

beforeAll(async () => {
  t = await createTestDb();
  fleet = await startFleet({ now: () => clock.now() });
  const fetcher = new Fetcher({ contactUrl: 'https://beranda.example/bot', lookup: fleet.lookup, clock, perHostIntervalMs: 0, ca: fleet.caPem ?? undefined });
  deps = { fetcher, clock, rdapBaseFor: () => fleet.rdapBase, social: new InMemorySocialActivity(), ownContent: new InMemoryOwnContent(), retries: 0, retryDelayMs: 0 };
  await addUnits(t.db, units, fleet.url('wp-segar'));
}, 60_000);
afterAll(async () => {
  await fleet?.close();
  await t?.close();
});

describe(`a sweep in batches on ${testEngine()}`, () => {
  it('checks every unit exactly once though runs overlap, a worker dies mid-batch and a stale run wakes up', async () => {
    const s = await startSweep(t.db, clock, { sweepId: 'sweep-1', batchSize: 10 });
    // Until the sweep job says its batches are all queued, the rescue (after its grace) would queue them.
    expect(await unqueuedSweeps(t.db, clock, 0)).toEqual([]);
    clock.advance(1);
    expect(await unqueuedSweeps(t.db, clock, 0)).toEqual([{ sweepId: 'sweep-1', batches: 3 }]);
    await markSweepQueued(t.db, clock, 'sweep-1');
    expect(await unqueuedSweeps(t.db, clock, 0)).toEqual([]);
    expect(s).toMatchObject({ batches: 3, created: true });
    // A retried start records nothing new.
    expect(await startSweep(t.db, clock, { sweepId: 'sweep-1', batchSize: 10 })).toMatchObject({ batches: 3, created: false });

    // A worker took batch 0, committed its first unit, then died (its lease is never renewed).
    const now = clock.now().toISOString();
    const held = await sweepRepository.claimBatch(t.db, 'sweep-1', 0, 'dead', now, new Date(clock.now().getTime() + LEASE).toISOString());
    expect(held).toEqual(units.slice(0, 10));
    expect((await runChecksForUnit(t.db, deps, units[0]!, (trx) => sweepRepository.markChecked(trx, 'sweep-1', units[0]!, 'dead', now))).skipped).toBeUndefined();

    // Batches 1 and 2, each delivered twice and run at the same time (at-least-once delivery).
    const runs = await Promise.all([1, 2, 1, 2].map((batch) => runSweepBatch(t.db, deps, { sweepId: 'sweep-1', batch, leaseMs: LEASE, concurrency: 4 })));
    expect(runs.reduce((n, r) => n + r.checked, 0)).toBe(20);
    expect(runs.some((r) => r.finishedSweep)).toBe(false);

    // Nothing is stalled while the dead worker's lease runs; once it lapsed, batch 0 is.
    expect(await stalledSweepBatches(t.db, clock, LEASE)).toEqual([]);
    clock.advance(LEASE + 1_000);
    expect(await stalledSweepBatches(t.db, clock, LEASE)).toEqual([{ sweepId: 'sweep-1', batch: 0 }]);
    const rescued = await runSweepBatch(t.db, deps, { sweepId: 'sweep-1', batch: 0, leaseMs: LEASE });
    expect(rescued).toMatchObject({ units: 9, checked: 9, finishedSweep: true });

    // The dead worker was only slow: its late commit of a unit it no longer holds is refused.
    const late = await runChecksForUnit(t.db, deps, units[1]!, (trx) => sweepRepository.markChecked(trx, 'sweep-1', units[1]!, 'dead', now));
    expect(late.skipped).toBe(true);

    const perUnit = await checksPerUnit();
    expect(units.map((u) => perUnit.get(u) ?? 0)).toEqual(units.map(() => 1));
    const p = await getSweepProgress(t.db, 'sweep-1');
    expect(p).toMatchObject({ id: 'sweep-1', expected: 30, done: 30, queued: 0, running: 0, failed: 0, finishedAt: clock.now().toISOString() });
    // A sweep whose batch jobs all went to a worker that died before claiming anything: once no
    // unit has been under a live lease for a lease, its first waiting batch is taken over.
    await startSweep(t.db, clock, { sweepId: 'sweep-2', unitIds: units.slice(0, 4), batchSize: 2 });
    await markSweepQueued(t.db, clock, 'sweep-2');
    expect(await stalledSweepBatches(t.db, clock, LEASE)).toEqual([]);
    clock.advance(LEASE + 1);
    expect(await stalledSweepBatches(t.db, clock, LEASE)).toEqual([{ sweepId: 'sweep-2', batch: 0 }]);
    await runSweepBatch(t.db, deps, { sweepId: 'sweep-2', batch: 0, leaseMs: LEASE });
    // Batch 0's lease is still live a moment later: the sweep is not idle.
    expect(await stalledSweepBatches(t.db, clock, LEASE)).toEqual([]);
    clock.advance(LEASE + 1);
    expect(await stalledSweepBatches(t.db, clock, LEASE)).toEqual([{ sweepId: 'sweep-2', batch: 1 }]);
    // A batch delivered again after the sweep finished finds nothing to do.
    expect(await runSweepBatch(t.db, deps, { sweepId: 'sweep-1', batch: 1, leaseMs: LEASE })).toMatchObject({ units: 0, checked: 0, finishedSweep: false });
  });
});

describe(`the sweep jobs on the embedded queue (${testEngine()})`, () => {
  let a: TestApp;
  beforeAll(async () => {
    a = await createTestApp({ demo: false, monitorAllow: ['.test'] });
  }, 60_000);
  afterAll(async () => {
    await a?.close();
  });

  it('the scheduled sweep queues batches that the worker takes, each unit is checked once and the sweep finishes', async () => {
    const q = new EmbeddedQueue(a.t.db, { clock: a.clock, pollIntervalMs: 0 });
    const ids = Array.from({ length: 60 }, (_, i) => `opd-${String(i).padStart(2, '0')}`);
    await addUnits(a.t.db, ids, fleet.url('wp-segar'));
    const fetcher = new Fetcher({ contactUrl: 'https://beranda.example/bot', lookup: fleet.lookup, clock: a.clock, perHostIntervalMs: 0, ca: fleet.caPem ?? undefined });
    const logger = pino({ level: 'silent' });
    const worker = { db: a.t.db, config: a.deps.config, clock: a.clock, logger, jobs: q, services: { ...a.services, fetcher } };
    await registerDeclaredJobs(q, monitoringSweepJobs, worker, { log: logger, now: () => a.clock.now() });
    await q.send(sweepJob.name, {});
    for (let i = 0; i < 20 && !(await getSweepProgress(a.t.db))?.finishedAt; i++) await q.runDue();
    const p = (await getSweepProgress(a.t.db))!;
    // The test app's own kelurahan have their Beranda sites registered too: every unit is in.
    expect(p.expected).toBeGreaterThanOrEqual(60);
    expect(p.batches).toBe(Math.ceil(p.expected / sweepSizing(a.deps.config.monitorSweepSites).batchSize));
    expect(p).toMatchObject({ done: p.expected, failed: 0 });
    expect(p.finishedAt).not.toBeNull();
    const perUnit = await checksPerUnit(a.t.db);
    expect(ids.map((u) => perUnit.get(u) ?? 0)).toEqual(ids.map(() => 1));
    await q.stop({ graceMs: 1_000 });
  }, 60_000);
});
