import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FixtureSite } from '../../src/fakes/fleet/fixtures.js';
import { fixtureSites } from '../../src/fakes/fleet/fixtures.js';
import { startFleet, type Fleet } from '../../src/fakes/fleet/server.js';
import { InMemoryOwnContent, InMemorySocialActivity } from '../../src/fakes/monitoring-sources.js';
import { Fetcher, runChecksForUnit, runSweepBatch, startSweep, type MonitoringDeps } from '../../src/modules/monitoring/index.js';
import { FixedClock } from '../../src/shared/clock.js';
import { newId } from '../../src/shared/ids.js';
import { createTestDb, type TestDb, testEngine } from '../support/test-db.js';

// Issue 18: a unit's check in a sweep batch is bounded (UNIT_CHECK_LIMIT_MS); past it the batch
// goes on without it. The check let go used to keep running in the background, asking the site
// page after page until its own limits ended it; only its commit was refused. Now its signal is
// aborted: the request in flight is closed and no further one is sent. The fake site here holds
// every answer until the test lets it answer, so the check is still waiting on it when let go.

const clock = new FixedClock('2026-11-25T03:00:00Z');
const SITE = 'tahan';
const UNIT = 'kel-tahan';
let t: TestDb;
let fleet: Fleet;
let open = false;
/** Answers held by the site, with whether the client closed them before an answer. */
const held: { res: ServerResponse; closed: Promise<'closed by the client'> }[] = [];
let onRequest: () => void = () => {};

const wordpress = fixtureSites().find((s) => s.name === 'wp-segar')!;
const holding: FixtureSite = {
  name: SITE,
  scheme: 'http',
  handle: (r, state) => {
    onRequest();
    if (open) return wordpress.handle({ ...r, name: 'wp-segar' }, state);
    return { stream: (res) => void held.push({ res, closed: new Promise((done) => res.on('close', () => done('closed by the client'))) }) };
  },
};

/** Resolves with the value, or `fallback` if it has not come within a generous bound. */
const within = <T, F extends string>(p: Promise<T>, fallback: F, ms = 10_000) => Promise.race([p, new Promise<F>((r) => setTimeout(() => r(fallback), ms).unref())]);

const depsWith = (fetcher: Fetcher): MonitoringDeps => ({ fetcher, clock, rdapBaseFor: () => fleet.rdapBase, social: new InMemorySocialActivity(), ownContent: new InMemoryOwnContent(), retries: 0, retryDelayMs: 0 });
// Limits far longer than the tests wait: only the abort can end a held request in time.
const newFetcher = () => new Fetcher({ contactUrl: 'https://beranda.example/bot', lookup: fleet.lookup, clock, perHostIntervalMs: 0, totalTimeoutMs: 120_000, connectTimeoutMs: 120_000 });

beforeAll(async () => {
  t = await createTestDb();
  fleet = await startFleet({ now: () => clock.now(), sites: [holding], withHttps: false });
  const now = clock.now().toISOString();
  await t.db.insertInto('units').values({ id: UNIT, code: null, kind: 'kelurahan', name: UNIT, slug: UNIT, parent_id: null, region_code: '19.71', settings: '{}', is_demo: 0, created_at: now, updated_at: now }).execute();
  await t.db
    .insertInto('web_presences')
    .values({ id: newId(), unit_id: UNIT, kind: 'website', url: fleet.url(SITE), platform: null, handle: null, source: 'test', active: 1, presence_key: `${UNIT}|website`, created_at: now, updated_at: now })
    .execute();
}, 60_000);
afterAll(async () => {
  open = true;
  for (const h of held) if (!h.res.destroyed) h.res.end();
  await fleet?.close();
  await t?.close();
});

/** Requests the fleet served, to the site and to its RDAP server alike. */
const hits = () => [...fleet.hits.values()].reduce((n, h) => n + h, 0);
const observations = async () => (await t.db.selectFrom('monitor_observations').select('id').where('unit_id', '=', UNIT).execute()).length;

describe(`a check let go stops asking the site on ${testEngine()}`, () => {
  it('a unit check aborted while it waits on the site ends at once: the request is closed, none follows, nothing is stored', async () => {
    const fetcher = newFetcher();
    const letGo = new AbortController();
    onRequest = () => letGo.abort();
    const run = within(runChecksForUnit(t.db, depsWith(fetcher), UNIT, undefined, { signal: letGo.signal }), 'still running');
    const outcome = await run;
    onRequest = () => {};
    expect(outcome).toMatchObject({ skipped: true, observations: 0 });
    expect(await within(held[0]!.closed, 'still open')).toBe('closed by the client');
    // Ended: every request it made is counted now. Only the one in flight when it was let go.
    expect(hits()).toBe(1);
    expect(fetcher.requests).toBe(1);
    expect(await observations()).toBe(0);
  });

  it('a sweep batch lets an overrunning check go and the check sends no request after the bound', async () => {
    const before = hits();
    await startSweep(t.db, clock, { sweepId: 'sweep-let-go', unitIds: [UNIT], batchSize: 10 });
    const stuck = newFetcher();
    const first = await within(runSweepBatch(t.db, depsWith(stuck), { sweepId: 'sweep-let-go', batch: 0, leaseMs: 60_000, attempts: null, unitLimitMs: 300 }), 'still running');
    expect(first).toMatchObject({ overran: 1, deferred: 1, followUpBatch: 1 });
    // The home page request it was waiting on is closed by the fetcher, not left to its 120 s limit.
    expect(await within(held.at(-1)!.closed, 'still open')).toBe('closed by the client');
    expect(hits() - before).toBe(1);

    // The site answers again; the follow-up batch (its own fetcher) checks the unit. Every request
    // the site sees from now on is the follow-up's: the let-go check asks nothing more.
    open = true;
    const again = newFetcher();
    const second = await within(runSweepBatch(t.db, depsWith(again), { sweepId: 'sweep-let-go', batch: 1, leaseMs: 60_000, attempts: null, unitLimitMs: 60_000 }), 'still running');
    expect(second).toMatchObject({ checked: 1, overran: 0, finishedSweep: true });
    expect(again.requests).toBeGreaterThan(1);
    expect(hits() - before).toBe(1 + again.requests);
    expect(stuck.requests).toBe(1);
  });
});
