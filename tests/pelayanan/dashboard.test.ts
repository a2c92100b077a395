import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pelayananStats } from '../../src/modules/pelayanan/index.js';
import { formatDuration } from '../../src/web/pelayanan/format.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { testEngine } from '../support/test-db.js';
import { GOOD_NIK, makeRequest } from './helpers.js';

// The mayor's "Pelayanan" view (issue 17 point 4): requests per unit, median completion time,
// share within the deadline, overdue now — counts, never a citizen.

describe(`the Pelayanan dashboard view on ${testEngine()}`, () => {
  let a: TestApp;
  let bacang: string;
  let gabek: string;
  beforeAll(async () => {
    a = await createTestApp({ demo: false });
    const id = async (slug: string) => (await a.t.db.selectFrom('units').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;
    bacang = await id('bacang');
    gabek = await id('gabek-satu');
    const done = (minutes: number, within: number) => ({ status: 'selesai' as const, closed_at: '2026-11-20T02:00:00.000Z', completion_minutes: minutes, within_deadline: within });
    // Bacang: three done (30 min, 2 h, 3 days; one late), one refused, one late and still open.
    await makeRequest(a.t.db, bacang, { submitted_at: '2026-03-02T02:00:00.000Z', ...done(30, 1), applicant_name: 'Nama Rahasia' });
    await makeRequest(a.t.db, bacang, { submitted_at: '2026-05-02T02:00:00.000Z', ...done(120, 1) });
    await makeRequest(a.t.db, bacang, { submitted_at: '2026-07-02T02:00:00.000Z', ...done(3 * 1440, 0) });
    await makeRequest(a.t.db, bacang, { submitted_at: '2026-08-02T02:00:00.000Z', status: 'ditolak', closed_at: '2026-08-03T02:00:00.000Z' });
    await makeRequest(a.t.db, bacang, { submitted_at: '2026-11-20T02:00:00.000Z', status: 'diproses', deadline_at: '2026-11-23T17:00:00.000Z' });
    // Last year's request does not count for this year.
    await makeRequest(a.t.db, bacang, { submitted_at: '2025-12-31T16:00:00.000Z', ...done(10, 1) });
    // Gabek Satu (another kecamatan): one done in 5 hours.
    await makeRequest(a.t.db, gabek, { submitted_at: '2026-06-01T02:00:00.000Z', ...done(300, 1) });
  });
  afterAll(async () => a.close());

  it('computes counts, medians and the share on time per unit and for the city', async () => {
    const s = await pelayananStats(a.t.db, { unitIds: null, from: '2025-12-31T17:00:00.000Z', to: '2026-12-31T17:00:00.000Z', now: a.clock.now() });
    expect(s.byUnit.get(bacang)).toMatchObject({ received: 5, done: 3, refused: 1, open: 1, medianMinutes: 120, overdueNow: 1 });
    expect(s.byUnit.get(bacang)!.withinShare).toBeCloseTo(2 / 3);
    expect(s.byUnit.get(gabek)).toMatchObject({ received: 1, done: 1, medianMinutes: 300, withinShare: 1, overdueNow: 0 });
    // City: done in 30, 120, 300, 4320 minutes → median (120 + 300) / 2.
    expect(s.total).toMatchObject({ received: 6, done: 4, medianMinutes: 210, overdueNow: 1 });
    expect(s.total.withinShare).toBeCloseTo(3 / 4);
    expect(formatDuration(45)).toBe('45 menit');
    expect(formatDuration(210)).toBe('3,5 jam');
    expect(formatDuration(4320)).toBe('3 hari');
  });

  it('shows the mayor every unit and the camat only their kecamatan, without any personal data', async () => {
    const mayor = await a.loginAs('walikota');
    const page = await mayor.get('/admin/dasbor/pelayanan');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Bacang');
    expect(html).toContain('Gabek Satu');
    expect(html).toContain('67%');
    expect(html).not.toContain('Nama Rahasia');
    expect(html).not.toContain(GOOD_NIK);
    // Reached by tapping: the dashboard's tabs link it.
    expect(await (await mayor.get('/admin/dasbor')).text()).toMatch(/href="\/admin\/dasbor\/pelayanan[?"]/);
    const camat = await a.loginAs('camat.bukit-intan');
    const own = await (await camat.get('/admin/dasbor/pelayanan')).text();
    expect(own).toContain('Bacang');
    expect(own).not.toContain('Gabek Satu');
    const lurah = await a.loginAs('lurah.bacang');
    expect((await lurah.get('/admin/dasbor/pelayanan')).status).toBe(403);
    // Another year.
    const last = await (await mayor.get('/admin/dasbor/pelayanan?tahun=2025')).text();
    expect(last).toContain('tahun 2025');
  });
});
