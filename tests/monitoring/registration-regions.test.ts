import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobQueue } from '../../src/jobs/queue.js';
import { prepareDashboardWorker } from '../../src/main/dashboard-jobs.js';
import { registrationContext, syncAllRegistrations } from '../../src/modules/monitoring/index.js';
import { importRegion } from '../../src/modules/units/index.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { testEngine } from '../support/test-db.js';

// Automatic registration of Beranda's own sites for monitoring covers every imported regency
// (issue 18 point 3, decision 0017), a regency and a slice at a time; Pangkalpinang (19.71, the
// install's own), Simeulue (11.01) and Bangka (19.01).
describe(`monitoring registration of every imported regency on ${testEngine()}`, () => {
  let a: TestApp;
  const ruleUnits = async () =>
    a.t.db.selectFrom('units').select(['id', 'slug', 'region_code']).where('kind', 'in', ['kelurahan', 'desa', 'opd']).execute();
  const activeSites = async () =>
    a.t.db.selectFrom('web_presences').select(['unit_id', 'url']).where('kind', '=', 'beranda_site').where('active', '=', 1).execute();

  beforeAll(async () => {
    a = await createTestApp({ demo: false });
    for (const code of ['11.01', '19.01']) if (!(await importRegion(a.t.db, code, a.clock)).ok) throw new Error(`import of ${code} failed`);
  });
  afterAll(async () => a.close());

  it("the worker's start registers the Beranda site of every kelurahan, desa and OPD of every regency", async () => {
    const worker = { db: a.t.db, config: a.deps.config, clock: a.clock, logger: pino({ level: 'silent' }), jobs: {} as JobQueue, services: a.services };
    await prepareDashboardWorker(worker as never);
    const units = await ruleUnits();
    expect(new Set(units.map((u) => u.region_code))).toEqual(new Set(['19.71', '11.01', '19.01']));
    const sites = await activeSites();
    const ctx = registrationContext(a.deps.config);
    expect(new Map(sites.map((s) => [s.unit_id, s.url]))).toEqual(new Map(units.map((u) => [u.id, ctx.berandaUrlOf(u.slug)])));
  });

  it('in slices smaller than a regency it makes the same entries, a second run changes nothing, and entries of units no longer watched stop', async () => {
    const ctx = registrationContext(a.deps.config);
    await a.t.db.updateTable('web_presences').set({ active: 0 }).execute();
    const first = await syncAllRegistrations(a.t.db, a.clock, ctx, { slice: 7 });
    const units = await ruleUnits();
    expect(first).toMatchObject({ added: units.length, regions: 3 });
    expect((await activeSites()).length).toBe(units.length);
    expect(await syncAllRegistrations(a.t.db, a.clock, ctx, { slice: 7 })).toMatchObject({ added: 0, removed: 0 });

    // An entry on a regency's own row (not a unit the rules judge) is stopped, in any regency.
    const template = await a.t.db.selectFrom('web_presences').selectAll().where('active', '=', 1).limit(1).executeTakeFirstOrThrow();
    const roots = await a.t.db.selectFrom('units').select('id').where('kind', 'in', ['kota', 'kabupaten']).where('region_code', 'in', ['11.01', '19.01']).execute();
    for (const [i, r] of roots.entries()) {
      await a.t.db.insertInto('web_presences').values({ ...template, id: `stray-${i}`, unit_id: r.id, source: 'manual', presence_key: `${r.id}|website|https://stray.example/` }).execute();
    }
    const third = await syncAllRegistrations(a.t.db, a.clock, ctx, { slice: 7 });
    expect(third).toMatchObject({ added: 0, removed: roots.length });
    expect(await a.t.db.selectFrom('web_presences').select('id').where('id', 'like', 'stray-%').where('active', '=', 1).execute()).toEqual([]);
  });
});
