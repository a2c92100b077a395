import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFleet, type Fleet } from '../../src/fakes/fleet/server.js';
import { InMemoryOwnContent, InMemorySocialActivity } from '../../src/fakes/monitoring-sources.js';
import { Fetcher, runSweepBatch, startSweep, type MonitoringDeps, type RdapAnswerStore } from '../../src/modules/monitoring/index.js';
import { FixedClock } from '../../src/shared/clock.js';
import { newId } from '../../src/shared/ids.js';
import { createTestDb, type TestDb, testEngine } from '../support/test-db.js';

// Issue 18, the pool stall: at MONITOR_SWEEP_SITES=600 a batch sat claimed for 9 minutes, its
// lease renewed and its worker idle, behind checks waiting on the database (node-postgres's
// pool.connect can hang). Here one unit's check waits for ever on the database (its RDAP store
// never answers): the batch still ends, the unit is handed on to the follow-up batch, checked
// there once the database answers, and failed if it overruns again.
// And a check that fails with an error in a first pass: at MONITOR_SWEEP_SITES=1000 on a busy
// machine, 296 of 83,762 units failed with node-postgres's "timeout exceeded when trying to
// connect" (the pool busy for 5 s) and were shown failed, unchecked, for the whole sweep. Such an
// error passes: the unit is handed on to the follow-up once, like a silent site; only a
// follow-up's error marks it failed.

const clock = new FixedClock('2026-11-25T03:00:00Z');
// Short where only the stuck unit is in the batch; generous where healthy checks share it.
const LIMIT_MS = 300;
let t: TestDb;
let fleet: Fleet;
let deps: MonitoringDeps;
const units = ['kel-a', 'kel-b', 'kel-c'];
const STUCK = 'kel-b';
const never = <T>() => new Promise<T>(() => {});
/** A store that never answers for the stuck unit's site (a hung pool.connect), and keeps nothing else. */
const storeHangingOn = (domain: string): RdapAnswerStore => ({ get: (d) => (d === domain ? never() : Promise.resolve(null)), put: async () => {} });
const POOL_BUSY = 'timeout exceeded when trying to connect';
/** A store that fails for the stuck unit's site as a busy pool does, and keeps nothing else. */
const storeFailingOn = (domain: string): RdapAnswerStore => ({ get: (d) => (d === domain ? Promise.reject(new Error(POOL_BUSY)) : Promise.resolve(null)), put: async () => {} });
const healthy: RdapAnswerStore = { get: async () => null, put: async () => {} };

/** Resolves with the run's outcome, or 'still running' if it has not ended within a generous bound. */
const endsWithin = <T>(p: Promise<T>, ms = 15_000) => Promise.race([p, new Promise<'still running'>((r) => setTimeout(() => r('still running'), ms).unref())]);

async function stateOf(unitId: string, sweepId: string) {
  return t.db.selectFrom('monitor_sweep_units').select(['state', 'batch', 'claim', 'error']).where('unit_id', '=', unitId).where('sweep_id', '=', sweepId).executeTakeFirstOrThrow();
}

beforeAll(async () => {
  t = await createTestDb();
  fleet = await startFleet({ now: () => clock.now() });
  const fetcher = new Fetcher({ contactUrl: 'https://beranda.example/bot', lookup: fleet.lookup, clock, perHostIntervalMs: 0, ca: fleet.caPem ?? undefined });
  deps = { fetcher, clock, rdapBaseFor: () => fleet.rdapBase, social: new InMemorySocialActivity(), ownContent: new InMemoryOwnContent(), retries: 0, retryDelayMs: 0 };
  const now = clock.now().toISOString();
  const site = (id: string) => (id === STUCK ? 'portal-kota' : 'wp-segar');
  await t.db.insertInto('units').values(units.map((id) => ({ id, code: null, kind: 'kelurahan' as const, name: id, slug: id, parent_id: null, region_code: '19.71', settings: '{}', is_demo: 0, created_at: now, updated_at: now }))).execute();
  await t.db
    .insertInto('web_presences')
    .values(units.map((id) => ({ id: newId(), unit_id: id, kind: 'website' as const, url: fleet.url(site(id)), platform: null, handle: null, source: 'test', active: 1, presence_key: `${id}|website`, created_at: now, updated_at: now })))
    .execute();
}, 60_000);
afterAll(async () => {
  await fleet?.close();
  await t?.close();
});

describe(`a unit check that waits for ever on ${testEngine()}`, () => {
  it('is let go: the batch ends, the unit is handed on and checked in the follow-up, or failed if it overruns there too', async () => {
    await startSweep(t.db, clock, { sweepId: 'sweep-stall', batchSize: 10 });
    const stuckDeps = { ...deps, rdapAnswers: storeHangingOn('portal-kota.test') };
    const first = await endsWithin(runSweepBatch(t.db, stuckDeps, { sweepId: 'sweep-stall', batch: 0, leaseMs: 60_000, concurrency: 3, attempts: null, unitLimitMs: 5_000 }));
    expect(first).not.toBe('still running');
    if (first === 'still running') return;
    expect(first).toMatchObject({ units: 3, checked: 2, overran: 1, deferred: 1, followUpBatch: 1 });
    expect(await stateOf(STUCK, 'sweep-stall')).toMatchObject({ state: 'queued', batch: 1, claim: null });

    // The follow-up, with the database answering again, checks it.
    const second = await endsWithin(runSweepBatch(t.db, { ...deps, rdapAnswers: healthy }, { sweepId: 'sweep-stall', batch: 1, leaseMs: 60_000, attempts: null, unitLimitMs: 60_000 }));
    expect(second).toMatchObject({ units: 1, checked: 1, overran: 0, finishedSweep: true });
    expect(await stateOf(STUCK, 'sweep-stall')).toMatchObject({ state: 'done' });
  });

  it('a follow-up batch whose check overruns again marks the unit failed instead of holding the batch', async () => {
    await startSweep(t.db, clock, { sweepId: 'sweep-stall-2', batchSize: 10, unitIds: [STUCK] });
    const stuckDeps = { ...deps, rdapAnswers: storeHangingOn('portal-kota.test') };
    const first = await endsWithin(runSweepBatch(t.db, stuckDeps, { sweepId: 'sweep-stall-2', batch: 0, leaseMs: 60_000, attempts: null, unitLimitMs: LIMIT_MS }));
    expect(first).toMatchObject({ overran: 1, deferred: 1, followUpBatch: 1 });
    const again = await endsWithin(runSweepBatch(t.db, stuckDeps, { sweepId: 'sweep-stall-2', batch: 1, leaseMs: 60_000, attempts: null, unitLimitMs: LIMIT_MS }));
    expect(again).toMatchObject({ overran: 1, deferred: 0, finishedSweep: true });
    const row = await t.db.selectFrom('monitor_sweep_units').select(['state', 'error']).where('sweep_id', '=', 'sweep-stall-2').executeTakeFirstOrThrow();
    expect(row.state).toBe('failed');
    expect(row.error).toContain('overran');
  });
});

describe(`a unit check that fails with an error on ${testEngine()}`, () => {
  it('in a first pass is handed on to the follow-up, which checks it once the error has passed', async () => {
    await startSweep(t.db, clock, { sweepId: 'sweep-err', batchSize: 10 });
    const first = await endsWithin(runSweepBatch(t.db, { ...deps, rdapAnswers: storeFailingOn('portal-kota.test') }, { sweepId: 'sweep-err', batch: 0, leaseMs: 60_000, concurrency: 3, attempts: null }));
    expect(first).not.toBe('still running');
    if (first === 'still running') return;
    expect(first).toMatchObject({ units: 3, checked: 2, erred: 1, deferred: 1, followUpBatch: 1, failed: [] });
    expect(await stateOf(STUCK, 'sweep-err')).toMatchObject({ state: 'queued', batch: 1, claim: null, error: null });

    const second = await endsWithin(runSweepBatch(t.db, { ...deps, rdapAnswers: healthy }, { sweepId: 'sweep-err', batch: 1, leaseMs: 60_000, attempts: null }));
    expect(second).toMatchObject({ units: 1, checked: 1, erred: 0, finishedSweep: true });
    expect(await stateOf(STUCK, 'sweep-err')).toMatchObject({ state: 'done' });
  });

  it('in a follow-up marks the unit failed with the error, and the sweep still finishes', async () => {
    await startSweep(t.db, clock, { sweepId: 'sweep-err-2', batchSize: 10, unitIds: [STUCK] });
    const broken = { ...deps, rdapAnswers: storeFailingOn('portal-kota.test') };
    expect(await endsWithin(runSweepBatch(t.db, broken, { sweepId: 'sweep-err-2', batch: 0, leaseMs: 60_000, attempts: null }))).toMatchObject({ erred: 1, deferred: 1, followUpBatch: 1 });
    const again = await endsWithin(runSweepBatch(t.db, broken, { sweepId: 'sweep-err-2', batch: 1, leaseMs: 60_000, attempts: null }));
    expect(again).toMatchObject({ erred: 0, deferred: 0, finishedSweep: true, failed: [{ unitId: STUCK, error: POOL_BUSY }] });
    const row = await t.db.selectFrom('monitor_sweep_units').select(['state', 'error']).where('sweep_id', '=', 'sweep-err-2').executeTakeFirstOrThrow();
    expect(row).toEqual({ state: 'failed', error: POOL_BUSY });
  });
});
