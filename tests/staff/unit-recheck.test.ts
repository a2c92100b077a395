import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobQueue } from '../../src/jobs/queue.js';
import { claimUnitRecheck } from '../../src/modules/monitoring/index.js';
import { createTestApp, type Session, type TestApp } from '../support/test-app.js';
import { testEngine } from '../support/test-db.js';

// Issue 14, point 6: a unit's own staff ask for a re-check from the unit's home, once per
// 15 minutes per unit (kept in the database), never for another unit.

describe(`operator re-check on ${testEngine()}`, () => {
  let a: TestApp;
  const sent: { name: string; data: Record<string, unknown> }[] = [];
  const s = {} as Record<string, Session>;
  let bacangId = '';
  beforeAll(async () => {
    a = await createTestApp();
    a.deps.jobs = { kind: 'embedded', send: async (name: string, data: Record<string, unknown>) => (sent.push({ name, data }), 'job-1') } as unknown as JobQueue;
    for (const u of ['operator.bacang', 'lurah.bacang', 'operator.asam', 'walikota', 'pendamping', 'admin', 'camat.bukit-intan']) s[u] = await a.loginAs(u);
    bacangId = (await a.t.db.selectFrom('units').select('id').where('slug', '=', 'bacang').executeTakeFirstOrThrow()).id;
  });
  afterAll(async () => a.close());

  it("shows the button to the unit's writers only", async () => {
    const form = 'action="/admin/unit/bacang/periksa"';
    expect(await (await s['operator.bacang']!.get('/admin/unit/bacang')).text()).toContain(form);
    expect(await (await s['lurah.bacang']!.get('/admin/unit/bacang')).text()).toContain(form);
    expect(await (await s.walikota!.get('/admin/unit/bacang')).text()).not.toContain(form);
  });

  it("queues exactly one check of the operator's unit, refuses a second within 15 minutes with the time, and refuses another unit's operator", async () => {
    const res = await s['operator.bacang']!.post('/admin/unit/bacang/periksa');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/admin/unit/bacang?pesan=recheck_queued#periksa-ulang');
    expect(sent).toEqual([{ name: 'monitoring.check-unit', data: { unitId: bacangId, region: a.deps.config.region } }]);
    const page = await (await s['operator.bacang']!.get('/admin/unit/bacang?pesan=recheck_queued')).text();
    expect(page).toContain('Pemeriksaan ulang sudah dijadwalkan');
    const audit = await a.t.db.selectFrom('audit_log').select(['action', 'unit_id']).where('action', '=', 'monitoring.recheck').execute();
    expect(audit).toEqual([{ action: 'monitoring.recheck', unit_id: bacangId }]);

    // The lurah of the same unit, ten minutes later: the unit's slot is taken until 02:15 UTC = 09.15 WIB.
    a.clock.advance(10 * 60_000);
    const again = await s['lurah.bacang']!.post('/admin/unit/bacang/periksa');
    expect(again.status).toBe(303);
    const where = again.headers.get('location')!;
    expect(where).toMatch(/^\/admin\/unit\/bacang\?pesan=recheck_too_soon&lagi=/);
    expect(sent).toHaveLength(1);
    const refused = await (await s['lurah.bacang']!.get(where)).text();
    expect(refused).toMatch(/Anda dapat memintanya lagi pada [^<]*09[.:]15 WIB/);

    expect((await s['operator.asam']!.post('/admin/unit/bacang/periksa')).status).toBe(403);
    expect(sent).toHaveLength(1);

    // After the window it can be asked again.
    a.clock.advance(5 * 60_000);
    expect((await s['operator.bacang']!.post('/admin/unit/bacang/periksa')).headers.get('location')).toContain('recheck_queued');
    expect(sent).toHaveLength(2);
  });

  it('lets only one of two simultaneous requests through', async () => {
    a.clock.advance(60 * 60_000);
    const user = (await a.t.db.selectFrom('users').select('id').where('username', '=', 'operator.bacang').executeTakeFirstOrThrow()).id;
    const both = await Promise.all([0, 1].map(() => claimUnitRecheck(a.t.db, a.clock, { unitId: bacangId, userId: user })));
    expect(both.filter((r) => r.ok)).toHaveLength(1);
  });

  it("is on the unit's monitoring page for the same roles, and answers there with the same flash", async () => {
    const page = '/admin/unit/bacang/pemantauan';
    const form = 'action="/admin/unit/bacang/periksa"';
    for (const u of ['operator.bacang', 'lurah.bacang', 'pendamping', 'admin']) {
      const html = await (await s[u]!.get(page)).text();
      expect(html, u).toContain(form);
      expect(html, u).toContain('name="kembali" value="pemantauan"');
    }
    for (const u of ['walikota', 'camat.bukit-intan']) {
      const res = await s[u]!.get(page);
      expect(res.status, u).toBe(200);
      expect(await res.text(), u).not.toContain(form);
    }
    a.clock.advance(60 * 60_000);
    const before = sent.length;
    const res = await s.pendamping!.post('/admin/unit/bacang/periksa', { kembali: 'pemantauan' });
    expect(res.headers.get('location')).toBe(`${page}?pesan=recheck_queued#periksa-ulang`);
    expect(sent).toHaveLength(before + 1);
    expect(await (await s.pendamping!.get(`${page}?pesan=recheck_queued`)).text()).toContain('Pemeriksaan ulang sudah dijadwalkan');
    const again = await s['operator.bacang']!.post('/admin/unit/bacang/periksa', { kembali: 'pemantauan' });
    const where = again.headers.get('location')!;
    expect(where).toMatch(/^\/admin\/unit\/bacang\/pemantauan\?pesan=recheck_too_soon&lagi=/);
    expect(await (await s['operator.bacang']!.get(where)).text()).toMatch(/Anda dapat memintanya lagi pada [^<]*WIB/);
    // Only the two known places: anything else goes back to the unit's home.
    a.clock.advance(60 * 60_000);
    expect((await s['operator.bacang']!.post('/admin/unit/bacang/periksa', { kembali: 'https://contoh.example' })).headers.get('location')).toBe('/admin/unit/bacang?pesan=recheck_queued#periksa-ulang');
  });
});
