import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import type { JobHandler, JobQueue } from '../../src/jobs/queue.js';
import { registerDeclaredJobs } from '../../src/jobs/define-job.js';
import { composeServices } from '../../src/main/compose.js';
import { checkUnitJob, closePeriodJob, dashboardJobs, raporJob } from '../../src/main/dashboard-jobs.js';
import { monitoringSweepJobs, sweepBatchJob } from '../../src/main/monitoring-sweep-jobs.js';
import { startFleet, type Fleet } from '../../src/fakes/fleet/server.js';
import { getVerdictsForPeriod, listStoredRapor, setRule } from '../../src/modules/compliance/index.js';
import { Fetcher, getSweepProgress, startSweep } from '../../src/modules/monitoring/index.js';
import { importRegion } from '../../src/modules/units/index.js';
import { FixedClock } from '../../src/shared/clock.js';
import { newId } from '../../src/shared/ids.js';
import { createTestDb, type TestDb, testEngine } from '../support/test-db.js';

// Issue 18 point 3 (decision 0017): an install of 19.71 (Pangkalpinang) that also imports 19.01
// (Bangka). The worker's monitoring jobs judge every regency's units under that regency's own
// rule: here Bangka has a monthly rule, Pangkalpinang none (the weekly defaults).

const handlers = new Map<string, JobHandler>();
const queue = {
  kind: 'embedded',
  work: async (name: string, h: JobHandler) => void handlers.set(name, h),
  schedule: async () => {},
  unschedule: async () => {},
  send: async () => 'x',
} as unknown as JobQueue;
const run = (name: string, data: object = {}) => handlers.get(name)!({ id: newId(), name, data, attempt: 1, signal: new AbortController().signal });

// Thursday 26 November 2026, 09:05 WIB.
const clock = new FixedClock('2026-11-26T02:05:00Z');
let t: TestDb;
let fleet: Fleet;
let dir: string;
let kota: string;
let bangka: string;

async function firstVillage(region: string) {
  const u = await t.db.selectFrom('units').select('id').where('region_code', '=', region).where('kind', 'in', ['kelurahan', 'desa']).orderBy('id').executeTakeFirstOrThrow();
  return u.id;
}

async function watchWebsite(unitId: string, url: string) {
  const now = clock.now().toISOString();
  await t.db
    .insertInto('web_presences')
    .values({ id: newId(), unit_id: unitId, kind: 'website', url, platform: null, handle: null, source: 'test', active: 1, presence_key: `${unitId}|website`, created_at: now, updated_at: now })
    .execute();
}

const verdict = async (periodKey: string, unitId: string) => (await getVerdictsForPeriod(t.db, periodKey, [unitId]))[0];

beforeAll(async () => {
  t = await createTestDb();
  fleet = await startFleet({ now: () => clock.now() });
  dir = mkdtempSync(path.join(os.tmpdir(), 'beranda-regions-'));
  await importRegion(t.db, '19.71', clock);
  await importRegion(t.db, '19.01', clock);
  expect((await setRule(t.db, '19.01', { periodKind: 'month' }, null, clock)).ok).toBe(true);
  kota = await firstVillage('19.71');
  bangka = await firstVillage('19.01');
  await watchWebsite(kota, fleet.url('wp-segar'));
  await watchWebsite(bangka, fleet.url('wp-segar'));
  const config = { ...loadConfig({ BERANDA_SECRET: 'x'.repeat(40), LOG_LEVEL: 'silent' }), dataDir: dir };
  expect(config.region).toBe('19.71');
  const logger = pino({ level: 'silent' });
  const fetcher = new Fetcher({ contactUrl: 'https://beranda.example/bot', lookup: fleet.lookup, clock, perHostIntervalMs: 0, ca: fleet.caPem ?? undefined });
  const services = { ...composeServices({ db: t.db, clock, config }), fetcher };
  const deps = { db: t.db, config, clock, logger, jobs: queue, services };
  await registerDeclaredJobs(queue, [...dashboardJobs, ...monitoringSweepJobs], deps, { log: logger, now: () => clock.now() });
}, 120_000);
afterAll(async () => {
  await fleet?.close();
  await t?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe(`monitoring jobs over two regencies on ${testEngine()}`, () => {
  it('a sweep batch judges each regency’s unit under its own rule', async () => {
    const s = await startSweep(t.db, clock, { sweepId: 'sweep-regions' });
    for (let batch = 0; batch < s.batches; batch++) await run(sweepBatchJob.name, { sweepId: s.sweepId, batch });
    expect(await getSweepProgress(t.db, s.sweepId)).toMatchObject({ expected: 2, done: 2, failed: 0 });
    // Pangkalpinang: the default weekly rule, as before.
    expect(await verdict('2026-W48', kota)).toMatchObject({ unitId: kota, periodKey: '2026-W48' });
    expect(await verdict('2026-11', kota)).toBeUndefined();
    // Bangka: its own monthly rule (without the fix it had no verdict at all: "Belum dinilai").
    expect(await verdict('2026-11', bangka)).toMatchObject({ unitId: bangka, periodKey: '2026-11' });
    expect(await verdict('2026-W48', bangka)).toBeUndefined();
  }, 60_000);

  it('the one-unit check of a Bangka unit evaluates it again; a job naming the wrong regency is skipped', async () => {
    const before = (await verdict('2026-11', bangka))!;
    clock.advance(60_000);
    await run(checkUnitJob.name, { unitId: bangka, region: '19.71' });
    expect((await verdict('2026-11', bangka))!.evaluatedAt).toBe(before.evaluatedAt);
    await run(checkUnitJob.name, { unitId: bangka, region: '19.01' });
    expect((await verdict('2026-11', bangka))!.evaluatedAt).toBe(clock.now().toISOString());
  }, 60_000);

  it('closing periods gives each regency its own last period’s final word', async () => {
    // Tuesday 1 December 2026, 00:30 WIB: November (Bangka) and week 48 (Pangkalpinang) ended.
    clock.set('2026-11-30T17:30:00Z');
    await run(closePeriodJob.name);
    expect((await verdict('2026-11', bangka))!.evaluatedAt).toBe(clock.now().toISOString());
    expect((await verdict('2026-W48', kota))!.evaluatedAt).toBe(clock.now().toISOString());
  }, 60_000);

  it('stores the weekly rapor of every regency with staff, each listed for its own regency only', async () => {
    const now = clock.now().toISOString();
    const user = { display_name: 'Admin', password_hash: 'x', role: 'admin_kota' as const, email: null, phone: null, status: 'active' as const, must_change_password: 0, is_demo: 0, created_at: now, updated_at: now, last_login_at: null };
    await t.db.insertInto('users').values({ ...user, id: newId(), username: 'admin.bangka', region_code: '19.01' }).execute();
    await run(raporJob.name);
    const files = path.join(dir, 'rapor');
    expect((await listStoredRapor(files, '19.01')).map((f) => f.name)).toEqual(['rapor-19.01-2026-11.pdf', 'rapor-19.01-2026-11.xlsx']);
    // The install's own regency keeps its rapor though nobody of it has an account yet (as before).
    expect((await listStoredRapor(files, '19.71')).map((f) => f.name)).toEqual(['rapor-19.71-2026-W48.pdf', 'rapor-19.71-2026-W48.xlsx']);
  }, 120_000);
});
