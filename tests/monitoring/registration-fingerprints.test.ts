import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { monitoringRepository } from '../../src/modules/monitoring/monitoring-repository.js';
import { registrationContext, syncAllRegistrations, type RegistrationContext } from '../../src/modules/monitoring/index.js';
import { updateProfileSection } from '../../src/modules/profile/index.js';
import { importRegion, unitRepository } from '../../src/modules/units/index.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { testEngine } from '../support/test-db.js';

// The worker's start and every sweep sync the monitoring registration of every imported regency
// (decision 0017); nationally a run with nothing to change read all 91,554 units (~4.9 s) and an
// interrupted run started over. A regency is now synced only when its fingerprint changed, and
// one finished before an interruption is not synced again. Pangkalpinang (19.71, the install's
// own), Simeulue (11.01) and Bangka (19.01).
describe(`registration fingerprints per regency on ${testEngine()}`, () => {
  let a: TestApp;
  let ctx: RegistrationContext;
  const REGIONS = ['11.01', '19.01', '19.71'];
  const ruleUnits = async () => a.t.db.selectFrom('units').select('id').where('kind', 'in', ['kelurahan', 'desa', 'opd']).execute();
  const activeSites = async () => a.t.db.selectFrom('web_presences').select('unit_id').where('kind', '=', 'beranda_site').where('active', '=', 1).execute();
  const snapshot = async () => ({
    presences: await a.t.db.selectFrom('web_presences').select(['id', 'active', 'url', 'updated_at']).orderBy('id').execute(),
    syncs: await a.t.db.selectFrom('monitor_registration_syncs').selectAll().orderBy('region_code').execute(),
  });
  /** The regencies whose units a run read (a regency synced reads its units once). */
  const regionsRead = (spy: { mock: { calls: unknown[][] } }) => spy.mock.calls.map((c) => c[1]);

  beforeAll(async () => {
    a = await createTestApp({ demo: false });
    for (const code of ['11.01', '19.01']) if (!(await importRegion(a.t.db, code, a.clock)).ok) throw new Error(`import of ${code} failed`);
    ctx = registrationContext(a.deps.config);
  });
  afterEach(() => vi.restoreAllMocks());
  afterAll(async () => a.close());

  it('a second run with nothing changed reads only the fingerprints and writes nothing', async () => {
    const first = await syncAllRegistrations(a.t.db, a.clock, ctx);
    expect(first).toMatchObject({ regions: 3, synced: 3, unchanged: 0, added: (await ruleUnits()).length });
    const before = await snapshot();
    expect(before.syncs.map((s) => s.region_code)).toEqual(REGIONS);

    a.clock.advance(60_000);
    const ofRegion = vi.spyOn(unitRepository, 'ofRegion');
    const presencesOf = vi.spyOn(monitoringRepository, 'presencesOf');
    const writes = [vi.spyOn(monitoringRepository, 'upsertPresence'), vi.spyOn(monitoringRepository, 'deactivatePresence'), vi.spyOn(monitoringRepository, 'deactivateAllOf'), vi.spyOn(monitoringRepository, 'saveRegistrationSync')];
    const second = await syncAllRegistrations(a.t.db, a.clock, ctx);
    expect(second).toMatchObject({ regions: 3, synced: 0, unchanged: 3, added: 0, removed: 0 });
    expect(ofRegion).not.toHaveBeenCalled();
    expect(presencesOf).not.toHaveBeenCalled();
    for (const w of writes) expect(w).not.toHaveBeenCalled();
    // Nothing written: a write would carry the advanced clock's time.
    expect(await snapshot()).toEqual(before);
  });

  it('a change in one regency re-syncs that regency only', async () => {
    await syncAllRegistrations(a.t.db, a.clock, ctx);
    const desa = await a.t.db.selectFrom('units').select('id').where('region_code', '=', '19.01').where('kind', '=', 'desa').orderBy('id').limit(1).executeTakeFirstOrThrow();
    a.clock.advance(60_000);
    const saved = await updateProfileSection(a.t.db, a.clock, { unitId: desa.id, section: 'identitas', data: { media: [{ platform: 'instagram', url: 'https://www.instagram.com/desa.contoh' }] }, actorId: null });
    expect(saved.ok).toBe(true);

    a.clock.advance(60_000);
    const ofRegion = vi.spyOn(unitRepository, 'ofRegion');
    const run = await syncAllRegistrations(a.t.db, a.clock, ctx);
    expect(run).toMatchObject({ synced: 1, unchanged: 2, added: 1, removed: 0 });
    expect(regionsRead(ofRegion)).toEqual(['19.01']);
    const handle = await a.t.db.selectFrom('web_presences').select(['handle', 'source', 'active']).where('unit_id', '=', desa.id).where('kind', '=', 'social').execute();
    expect(handle).toEqual([{ handle: 'desa.contoh', source: 'profile', active: 1 }]);
    // And it is settled: the next run skips every regency.
    expect(await syncAllRegistrations(a.t.db, a.clock, ctx)).toMatchObject({ synced: 0, unchanged: 3 });
  });

  it('an entry switched off by hand, or one on a row the rules do not judge, re-syncs its regency', async () => {
    await syncAllRegistrations(a.t.db, a.clock, ctx);
    const site = await a.t.db.selectFrom('web_presences').innerJoin('units', 'units.id', 'web_presences.unit_id').select(['web_presences.id', 'units.region_code']).where('units.region_code', '=', '11.01').where('web_presences.kind', '=', 'beranda_site').limit(1).executeTakeFirstOrThrow();
    // No updated_at written: the count of active entries still tells.
    await a.t.db.updateTable('web_presences').set({ active: 0 }).where('id', '=', site.id).execute();
    const kabupaten = await a.t.db.selectFrom('units').select('id').where('region_code', '=', '19.01').where('kind', '=', 'kabupaten').executeTakeFirstOrThrow();
    const template = await a.t.db.selectFrom('web_presences').selectAll().where('id', '=', site.id).executeTakeFirstOrThrow();
    await a.t.db.insertInto('web_presences').values({ ...template, id: 'stray-kab', unit_id: kabupaten.id, active: 1, source: 'manual', presence_key: `${kabupaten.id}|website|https://stray.example/` }).execute();

    const ofRegion = vi.spyOn(unitRepository, 'ofRegion');
    const run = await syncAllRegistrations(a.t.db, a.clock, ctx);
    expect(run).toMatchObject({ synced: 2, unchanged: 1, added: 1, removed: 1 });
    expect(regionsRead(ofRegion)).toEqual(['11.01', '19.01']);
    expect(await a.t.db.selectFrom('web_presences').select('active').where('id', '=', site.id).executeTakeFirstOrThrow()).toEqual({ active: 1 });
    expect(await a.t.db.selectFrom('web_presences').select('active').where('id', '=', 'stray-kab').executeTakeFirstOrThrow()).toEqual({ active: 0 });
  });

  it('an interrupted run resumes at the first regency it had not finished', async () => {
    await a.t.db.updateTable('web_presences').set({ active: 0 }).execute();
    const original = unitRepository.ofRegion;
    let calls = 0;
    vi.spyOn(unitRepository, 'ofRegion').mockImplementation((...args) => {
      // The worker stops (SIGTERM, a crash) while it reads the second regency.
      if (++calls === 2) return Promise.reject(new Error('worker stopped'));
      return original(...args);
    });
    await expect(syncAllRegistrations(a.t.db, a.clock, ctx, { slice: 7 })).rejects.toThrow('worker stopped');
    vi.restoreAllMocks();
    const done = await a.t.db.selectFrom('web_presences').innerJoin('units', 'units.id', 'web_presences.unit_id').select('units.region_code').distinct().where('web_presences.active', '=', 1).execute();
    expect(done.map((r) => r.region_code)).toEqual(['11.01']);

    const ofRegion = vi.spyOn(unitRepository, 'ofRegion');
    const resumed = await syncAllRegistrations(a.t.db, a.clock, ctx, { slice: 7 });
    expect(regionsRead(ofRegion)).toEqual(['19.01', '19.71']);
    expect(resumed).toMatchObject({ synced: 2, unchanged: 1, removed: 0 });
    expect((await activeSites()).length).toBe((await ruleUnits()).length);
  });
});
