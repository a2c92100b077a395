import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFleet, type Fleet } from '../../src/fakes/fleet/server.js';
import { InMemoryOwnContent, InMemorySocialActivity } from '../../src/fakes/monitoring-sources.js';
import { Fetcher, dbRdapAnswers, runChecksForUnit, type MonitoringDeps, type RdapAnswer } from '../../src/modules/monitoring/index.js';
import { FixedClock } from '../../src/shared/clock.js';
import { newId } from '../../src/shared/ids.js';
import { createTestDb, type TestDb, testEngine } from '../support/test-db.js';

// Issue 18: RDAP answers kept across sweeps. Every .id domain goes to one slow server
// (rdap.pandi.id, ~1 request/s) and a national sweep covers ~75,000 domains, so the last answer
// per registrable domain is kept in the database and RDAP asked again only when that answer is a
// week old, its expiry is within 30 days, or it failed.

const DAY = 24 * 3600_000;
const clock = new FixedClock('2026-11-25T03:00:00Z');
let t: TestDb;
let fleet: Fleet;
let base: Omit<MonitoringDeps, 'rdapCache'>;
const UNIT = 'kel-rdap';
const DOMAIN = 'wp-segar.test';
const rdapHits = () => fleet.hits.get('rdap') ?? 0;
const rdapUrl = () => `${fleet.rdapBase}domain/${DOMAIN}`;

/** One sweep's check of the unit: a fresh per-sweep cache, as each sweep (and each worker) has. */
async function sweepOnce() {
  await runChecksForUnit(t.db, { ...base, rdapCache: new Map() }, UNIT);
  const row = await t.db.selectFrom('monitor_observations').select(['value', 'evidence']).where('unit_id', '=', UNIT).where('kind', '=', 'domain_expiry').orderBy('created_at', 'desc').orderBy('id', 'desc').executeTakeFirstOrThrow();
  return { value: JSON.parse(row.value) as { state: string; expiresAt: string | null }, evidence: JSON.parse(row.evidence) as { facts: Record<string, unknown> } };
}

async function keep(a: Partial<RdapAnswer>) {
  await dbRdapAnswers(t.db).put({ domain: DOMAIN, askedAt: clock.now().toISOString(), outcome: 'found', expiresAt: null, rdapUrl: rdapUrl(), ...a });
}

beforeAll(async () => {
  t = await createTestDb();
  fleet = await startFleet({ now: () => clock.now() });
  const fetcher = new Fetcher({ contactUrl: 'https://beranda.example/bot', lookup: fleet.lookup, clock, perHostIntervalMs: 0, ca: fleet.caPem ?? undefined });
  base = { fetcher, clock, rdapBaseFor: () => fleet.rdapBase, rdapAnswers: dbRdapAnswers(t.db), social: new InMemorySocialActivity(), ownContent: new InMemoryOwnContent(), retries: 0, retryDelayMs: 0 };
  const now = clock.now().toISOString();
  await t.db.insertInto('units').values({ id: UNIT, code: null, kind: 'kelurahan', name: UNIT, slug: UNIT, parent_id: null, region_code: '19.71', settings: '{}', is_demo: 0, created_at: now, updated_at: now }).execute();
  await t.db
    .insertInto('web_presences')
    .values({ id: newId(), unit_id: UNIT, kind: 'website', url: fleet.url('wp-segar'), platform: null, handle: null, source: 'test', active: 1, presence_key: `${UNIT}|website`, created_at: now, updated_at: now })
    .execute();
}, 60_000);
afterAll(async () => {
  await fleet?.close();
  await t?.close();
});

describe(`RDAP answers kept across sweeps on ${testEngine()}`, () => {
  it('asks RDAP once for two sweeps over the same domain, and again once the answer is a week old', async () => {
    const before = rdapHits();
    const first = await sweepOnce();
    expect(first.value.state).toBe('ok');
    expect(rdapHits()).toBe(before + 1);
    const kept = await dbRdapAnswers(t.db).get(DOMAIN);
    expect(kept).toMatchObject({ outcome: 'found', expiresAt: first.value.expiresAt, askedAt: clock.now().toISOString() });

    clock.advance(6 * 3_600_000);
    const second = await sweepOnce();
    expect(rdapHits()).toBe(before + 1);
    // The kept expiry, said as kept (when it was asked).
    expect(second.value).toMatchObject({ state: 'ok', expiresAt: first.value.expiresAt });
    expect(second.evidence.facts.askedAt).toBe(kept!.askedAt);

    clock.advance(7 * DAY);
    await sweepOnce();
    expect(rdapHits()).toBe(before + 2);
  });

  it('asks again when the kept expiry is within 30 days, and the renewal it finds clears the warning', async () => {
    await keep({ expiresAt: new Date(clock.now().getTime() + 20 * DAY).toISOString(), askedAt: new Date(clock.now().getTime() - 3_600_000).toISOString() });
    const before = rdapHits();
    const r = await sweepOnce();
    expect(rdapHits()).toBe(before + 1);
    // The fleet answers 200 days on: renewed.
    expect(r.value.state).toBe('ok');
    expect((await dbRdapAnswers(t.db).get(DOMAIN))!.askedAt).toBe(clock.now().toISOString());
  });

  it('asks again when the last answer failed', async () => {
    await keep({ outcome: 'unavailable', askedAt: new Date(clock.now().getTime() - 3_600_000).toISOString() });
    const before = rdapHits();
    expect((await sweepOnce()).value.state).toBe('ok');
    expect(rdapHits()).toBe(before + 1);
  });

  it('a kept, young, far answer stands though RDAP would now say otherwise', async () => {
    const far = new Date(clock.now().getTime() + 100 * DAY).toISOString();
    await keep({ expiresAt: far, askedAt: new Date(clock.now().getTime() - DAY).toISOString() });
    const before = rdapHits();
    expect((await sweepOnce()).value).toMatchObject({ state: 'ok', expiresAt: far });
    expect(rdapHits()).toBe(before);
  });
});
