import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import { registerDeclaredJobs } from '../../src/jobs/define-job.js';
import { EmbeddedQueue } from '../../src/jobs/embedded-queue.js';
import { loadConfig } from '../../src/config/index.js';
import { composeServices } from '../../src/main/compose.js';
import { monitoringSweepJobs, sweepBatchJob, sweepFollowUpJob, sweepJob, sweepSizing } from '../../src/main/monitoring-sweep-jobs.js';
import { LANE_SLOTS } from '../../src/jobs/queue.js';
import { type FixtureSite, fixtureSites } from '../../src/fakes/fleet/fixtures.js';
import { startFleet, type Fleet } from '../../src/fakes/fleet/server.js';
import { InMemoryOwnContent, InMemorySocialActivity } from '../../src/fakes/monitoring-sources.js';
import { Fetcher, getSweepProgress, markSweepQueued, runSweepBatch, startSweep, type MonitoringDeps, type SweepAttempts } from '../../src/modules/monitoring/index.js';
import { FixedClock } from '../../src/shared/clock.js';
import { newId } from '../../src/shared/ids.js';
import { createTestApp } from '../support/test-app.js';
import { createTestDb, type TestDb, testEngine } from '../support/test-db.js';

// Decision 0015, a sweep's attempts at a site: one quick first look, and a site that did not
// answer it is handed to a follow-up batch that looks once more with the full limits. A site that was
// only briefly silent is judged up; a dead one costs the two requests and is judged down once.
// The fake sites hang (never answer) rather than answer late, so no timing decides the outcome.

const clock = new FixedClock('2026-11-25T03:00:00Z');
const POLICY: SweepAttempts = { firstLook: { connectTimeoutMs: 300, totalTimeoutMs: 300 }, gapMs: 50 };
const hang = () => ({ stream: () => {} });
let t: TestDb;
let fleet: Fleet;
let deps: MonitoringDeps;

beforeAll(async () => {
  t = await createTestDb();
  const sites = fixtureSites();
  const segar = sites.find((s) => s.name === 'wp-segar')!;
  let firstHome = true;
  const extra: FixtureSite[] = [
    // Silent on the first request to its home page, a healthy WordPress site from then on.
    {
      name: 'pulih',
      scheme: 'http',
      handle: (r, s) => {
        if (r.path !== '/' || !firstHome) return segar.handle(r, s);
        firstHome = false;
        return hang();
      },
    },
    // Accepts connections and never answers anything.
    { name: 'diam', scheme: 'http', handle: hang },
  ];
  fleet = await startFleet({ now: () => clock.now(), sites: [...sites, ...extra] });
  const fetcher = new Fetcher({ contactUrl: 'https://beranda.example/bot', lookup: fleet.lookup, clock, perHostIntervalMs: 0, totalTimeoutMs: 1_500, connectTimeoutMs: 1_000, ca: fleet.caPem ?? undefined });
  // The production retries (2 more attempts) stay set: the sweep's policy replaces them.
  deps = { fetcher, clock, rdapBaseFor: () => fleet.rdapBase, social: new InMemorySocialActivity(), ownContent: new InMemoryOwnContent(), retries: 2, retryDelayMs: 10 };
  await addSites(t.db, { 'kel-pulih': 'pulih', 'kel-diam': 'diam', 'kel-segar': 'wp-segar' });
}, 60_000);
afterAll(async () => {
  await fleet?.close();
  await t?.close();
});

async function addSites(db: TestDb['db'], sitesOf: Record<string, string>) {
  const now = clock.now().toISOString();
  for (const [id, site] of Object.entries(sitesOf)) {
    await db.insertInto('units').values({ id, code: null, kind: 'kelurahan', name: id, slug: id, parent_id: null, region_code: '19.71', settings: '{}', is_demo: 0, created_at: now, updated_at: now }).execute();
    await db
      .insertInto('web_presences')
      .values({ id: newId(), unit_id: id, kind: 'website', url: fleet.url(site), platform: null, handle: null, source: 'test', active: 1, presence_key: `${id}|website`, created_at: now, updated_at: now })
      .execute();
  }
}

describe(`a sweep's attempts at a site (${testEngine()})`, () => {
  it('judges a site that missed the first look but answers the second up, and asks a dead one exactly twice', async () => {
    await startSweep(t.db, clock, { sweepId: 'sweep-a', unitIds: ['kel-diam', 'kel-pulih', 'kel-segar'], batchSize: 10 });
    await markSweepQueued(t.db, clock, 'sweep-a');
    const first = await runSweepBatch(t.db, deps, { sweepId: 'sweep-a', batch: 0, leaseMs: 60_000, concurrency: 3, attempts: POLICY });
    // The two silent sites are handed on unchecked to the follow-up batch (1 batch + batch 0).
    expect(first).toMatchObject({ units: 3, checked: 1, deferred: 2, followUpBatch: 1, down: 0, failed: [], finishedSweep: false });
    expect(await getSweepProgress(t.db, 'sweep-a')).toMatchObject({ expected: 3, done: 1, queued: 2 });
    const second = await runSweepBatch(t.db, deps, { sweepId: 'sweep-a', batch: 1, leaseMs: 60_000, concurrency: 3, attempts: POLICY });
    expect(second).toMatchObject({ units: 2, checked: 2, deferred: 0, down: 1, failed: [], finishedSweep: true });
    expect(second.followUpBatch).toBeUndefined();

    const rows = await t.db.selectFrom('monitor_observations').select(['unit_id', 'value']).where('kind', '=', 'availability').orderBy('unit_id').execute();
    // One recorded look per unit: the first looks that found a site silent were not stored.
    expect(rows.map((o) => [o.unit_id, (JSON.parse(o.value) as { state: string }).state])).toEqual([
      ['kel-diam', 'down'],
      ['kel-pulih', 'up'],
      ['kel-segar', 'up'],
    ]);
    expect(JSON.parse(rows[0]!.value)).toMatchObject({ attempts: 1, end: 'timeout_total' });
    // The dead site: the quick look and the one full look, not 1 + the 2 production retries.
    expect(fleet.hits.get('diam')).toBe(2);
    // The briefly silent site was read in full the second time (home, feed, sitemap …).
    expect(fleet.hits.get('pulih')!).toBeGreaterThan(2);
    expect(await getSweepProgress(t.db, 'sweep-a')).toMatchObject({ expected: 3, done: 3, failed: 0 });
  }, 30_000);

  it('with the policy switched off (null) a sweep keeps the production retries', async () => {
    const before = fleet.hits.get('diam') ?? 0;
    await startSweep(t.db, clock, { sweepId: 'sweep-b', unitIds: ['kel-diam'], batchSize: 10 });
    const r = await runSweepBatch(t.db, deps, { sweepId: 'sweep-b', batch: 0, leaseMs: 60_000, attempts: null });
    expect(r).toMatchObject({ checked: 1, deferred: 0, down: 1 });
    expect((fleet.hits.get('diam') ?? 0) - before).toBe(3);
  }, 30_000);
});

describe(`the sweep jobs queue the follow-up batch (${testEngine()})`, () => {
  it('a silent site is looked at again by the follow-up batch job, a little later, and the sweep finishes', async () => {
    const a = await createTestApp({ demo: false, monitorAllow: ['.test'] });
    try {
      await addSites(a.t.db, { 'opd-diam': 'diam', 'opd-segar': 'wp-segar' });
      const q = new EmbeddedQueue(a.t.db, { clock: a.clock, pollIntervalMs: 0 });
      const logger = pino({ level: 'silent' });
      const worker = { db: a.t.db, config: a.deps.config, clock: a.clock, logger, jobs: q, services: { ...a.services, fetcher: deps.fetcher } };
      await registerDeclaredJobs(q, monitoringSweepJobs, worker, { log: logger, now: () => a.clock.now() });
      const before = fleet.hits.get('diam') ?? 0;
      await q.send(sweepJob.name, {});
      for (let i = 0; i < 10; i++) await q.runDue();
      // The first pass is done; the follow-up waits for its gap on the queue's clock.
      const p = (await getSweepProgress(a.t.db))!;
      expect(p).toMatchObject({ queued: 1, finishedAt: null });
      // The second look waits as a follow-up job of its own, not in a first-pass batch slot.
      const waiting = await a.t.db.selectFrom('jobs').select('name').where('state', '=', 'created').where('name', 'like', 'monitoring.sweep-%').execute();
      expect(waiting.map((j) => j.name)).toEqual([sweepFollowUpJob.name]);
      expect((fleet.hits.get('diam') ?? 0) - before).toBe(1);
      a.clock.advance(60_000);
      for (let i = 0; i < 10 && !(await getSweepProgress(a.t.db))?.finishedAt; i++) await q.runDue();
      expect(await getSweepProgress(a.t.db)).toMatchObject({ done: p.expected, failed: 0, queued: 0 });
      expect((await getSweepProgress(a.t.db))?.finishedAt).not.toBeNull();
      expect((fleet.hits.get('diam') ?? 0) - before).toBe(2);
      const diam = await a.t.db.selectFrom('monitor_observations').select('value').where('unit_id', '=', 'opd-diam').where('kind', '=', 'availability').execute();
      expect(diam.map((o) => (JSON.parse(o.value) as { state: string }).state)).toEqual(['down']);
      await q.stop({ graceMs: 1_000 });
    } finally {
      await a.close();
    }
  }, 60_000);
});

describe('a worker\'s monitoring lane', () => {
  it('holds its two first-pass batches and two follow-ups at once, with a slot left for a re-check or the rescue', () => {
    expect(sweepFollowUpJob.name).not.toBe(sweepBatchJob.name);
    expect(sweepBatchJob.lane).toBe('monitoring');
    expect(sweepFollowUpJob.lane).toBe('monitoring');
    expect((sweepBatchJob.concurrency ?? 1) + (sweepFollowUpJob.concurrency ?? 1)).toBeLessThan(LANE_SLOTS.monitoring);
  });
});

describe('sites a worker checks at once (MONITOR_SWEEP_SITES)', () => {
  it('are spread over its two batch jobs, batches hold two rounds (never under 25), and the crawler cap follows', () => {
    expect(sweepSizing(32)).toEqual({ unitsAtOnce: 16, batchSize: 32 });
    expect(sweepSizing(10)).toEqual({ unitsAtOnce: 5, batchSize: 25 });
    expect(sweepSizing(560)).toEqual({ unitsAtOnce: 280, batchSize: 560 });
    const config = loadConfig({ BERANDA_SECRET: 'x'.repeat(40), LOG_LEVEL: 'silent' });
    expect(composeServices({ db: t.db, clock, config }).fetcher.options.globalConcurrency).toBe(32);
    expect(composeServices({ db: t.db, clock, config: { ...config, monitorSweepSites: 560 } }).fetcher.options.globalConcurrency).toBe(560);
  });
});
