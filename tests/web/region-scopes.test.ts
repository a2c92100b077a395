import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdmin } from '../../src/modules/accounts/index.js';
import { getRule, periodContaining, previousPeriod } from '../../src/modules/compliance/index.js';
import { importRegion } from '../../src/modules/units/index.js';
import { createTestApp, type Session, type TestApp } from '../support/test-app.js';
import { testEngine } from '../support/test-db.js';

// Many regions in one install (issue 18 point 3, decision 0017): Pangkalpinang (19.71, the demo's
// staff), Kabupaten Bangka (19.01, same province) and Aceh Selatan (11.01, another province).
// A regency admin reaches only their regency; a province admin both of its province and
// nothing of another province; a forged regency choice is not believed.
const PASSWORD = 'Wilayah-kerja-2026!';

describe(`roles scoped by region on ${testEngine()}`, () => {
  let a: TestApp;
  let cityAdmin: Session; // admin kota of 19.71 (demo)
  let bangkaAdmin: Session;
  let provinceAdmin: Session;
  let bangkaVillage = '';
  let acehVillage = '';
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    a = await createTestApp();
    for (const code of ['19.01', '11.01']) await importRegion(a.t.db, code, a.clock);
    const slugOf = async (region: string) =>
      (await a.t.db.selectFrom('units').select('slug').where('region_code', '=', region).where('kind', 'in', ['kelurahan', 'desa']).orderBy('code').executeTakeFirstOrThrow()).slug;
    bangkaVillage = await slugOf('19.01');
    acehVillage = await slugOf('11.01');
    for (const [username, region] of [['admin.bangka', '19.01'], ['admin.babel', '19'], ['admin.aceh', '11.01']] as const) {
      const r = await createAdmin(a.t.db, a.clock, { username, displayName: `Admin ${region}`, password: PASSWORD, region, mustChangePassword: false, via: 'cli' });
      if (!r.ok) throw new Error(r.error);
      ids[username] = r.value.id;
    }
    cityAdmin = await a.loginAs('admin');
    bangkaAdmin = await a.loginAs('admin.bangka', PASSWORD);
    provinceAdmin = await a.loginAs('admin.babel', PASSWORD);
  });
  afterAll(async () => a.close());

  const text = async (res: Response | Promise<Response>) => (await res).text();

  it('a regency admin cannot list, read or change units of another regency', async () => {
    const list = await text(cityAdmin.get('/admin/unit'));
    expect(list).toContain('/admin/unit/bacang');
    expect(list).not.toContain(`/admin/unit/${bangkaVillage}`);
    expect((await cityAdmin.get(`/admin/unit/${bangkaVillage}`)).status).toBe(403);
    expect((await cityAdmin.post(`/admin/unit/${bangkaVillage}/periksa`)).status).toBe(403);
    // And the other way round: Bangka's admin serves Bangka, not the install's own regency.
    const theirs = await text(bangkaAdmin.get('/admin/unit'));
    expect(theirs).toContain(`/admin/unit/${bangkaVillage}`);
    expect(theirs).not.toContain('/admin/unit/bacang');
    expect((await bangkaAdmin.get('/admin/unit/bacang')).status).toBe(403);
    expect((await bangkaAdmin.get(`/admin/unit/${bangkaVillage}`)).status).toBe(200);
  });

  it("staff serving another regency read its words (desa in a kabupaten), the install's own staff theirs", async () => {
    const aceh = await a.loginAs('admin.aceh', PASSWORD);
    expect(await text(aceh.get('/admin/unit'))).toContain('Setiap desa, kecamatan dan OPD');
    expect(await text(cityAdmin.get('/admin/unit'))).toContain('Setiap kelurahan, kecamatan dan OPD');
  });

  it("the audit log shows only what people of the reader's scope did", async () => {
    await a.loginAs('admin.aceh', PASSWORD);
    // A sign-in row: "Masuk" by that person.
    const signedIn = (page: string, username: string) => page.includes(`<td>Masuk</td><td>${username}</td>`);
    const bangka = await text(bangkaAdmin.get('/admin/audit'));
    expect(signedIn(bangka, 'admin.bangka')).toBe(true);
    for (const other of ['admin', 'admin.babel', 'admin.aceh']) expect(signedIn(bangka, other), other).toBe(false);
    const city = await text(cityAdmin.get('/admin/audit'));
    expect(signedIn(city, 'admin')).toBe(true);
    expect(signedIn(city, 'admin.bangka')).toBe(false);
    const province = await text(provinceAdmin.get('/admin/audit'));
    for (const own of ['admin', 'admin.bangka', 'admin.babel']) expect(signedIn(province, own), own).toBe(true);
    expect(signedIn(province, 'admin.aceh')).toBe(false);
  });

  it('a regency admin cannot list, read or change users of another regency', async () => {
    const users = await text(cityAdmin.get('/admin/pengguna'));
    expect(users).toContain('operator.bacang');
    for (const other of ['admin.bangka', 'admin.babel', 'admin.aceh']) expect(users).not.toContain(other);
    expect((await cityAdmin.get(`/admin/pengguna/${ids['admin.bangka']}`)).status).toBe(404);
    expect((await cityAdmin.post(`/admin/pengguna/${ids['admin.bangka']}/status`, { change: 'disable' })).status).toBe(404);
    // Nor the province admin above them.
    expect((await bangkaAdmin.get(`/admin/pengguna/${ids['admin.babel']}`)).status).toBe(404);
    const bangkaUsers = await text(bangkaAdmin.get('/admin/pengguna'));
    expect(bangkaUsers).toContain('admin.bangka');
    expect(bangkaUsers).not.toContain('operator.bacang');
  });

  it("a regency admin's dashboard is their regency's, and the working-area page is not theirs", async () => {
    expect(await text(bangkaAdmin.get('/admin/dasbor'))).toContain('Kabupaten Bangka');
    expect(await text(cityAdmin.get('/admin/dasbor'))).toContain('Kota Pangkalpinang');
    expect((await cityAdmin.get('/admin/cakupan')).status).toBe(403);
    // A forged choice of regency changes nothing for a regency admin.
    const forged = await a.request('/admin/unit', { cookie: `${cityAdmin.cookie}; beranda_wilayah=19.01` });
    expect(await forged.text()).not.toContain(`/admin/unit/${bangkaVillage}`);
  });

  it('a province admin sees both regencies of its province and nothing of another province', async () => {
    const page = await text(provinceAdmin.get('/admin/cakupan'));
    expect(page).toContain('Kota Pangkalpinang');
    expect(page).toContain('Kabupaten Bangka');
    expect(page).not.toContain('Aceh Selatan');
    expect(page).toMatch(/19\.71 · 7 kecamatan · 42 kelurahan\/desa · 0 OPD · \d+ akun staf/);
    expect((await provinceAdmin.get(`/admin/unit/${bangkaVillage}`)).status).toBe(200);
    expect((await provinceAdmin.get('/admin/unit/bacang')).status).toBe(200);
    expect((await provinceAdmin.get(`/admin/unit/${acehVillage}`)).status).toBe(403);
    const users = await text(provinceAdmin.get('/admin/pengguna'));
    for (const own of ['admin.bangka', 'operator.bacang', 'admin.babel']) expect(users).toContain(own);
    expect(users).not.toContain('admin.aceh');
    expect((await provinceAdmin.get(`/admin/pengguna/${ids['admin.aceh']}`)).status).toBe(404);
    expect((await provinceAdmin.get(`/admin/pengguna/${ids['admin.bangka']}`)).status).toBe(200);
  });

  it("the overview counts each regency's verdicts of the last whole period, and nothing of another province", async () => {
    const period = previousPeriod(periodContaining((await getRule(a.t.db, '19.71')).periodKind, a.clock.now()));
    const verdict = async (region: string, status: 'PASS' | 'FAIL', nth: number) => {
      const unit = (await a.t.db.selectFrom('units').select('id').where('region_code', '=', region).where('kind', 'in', ['kelurahan', 'desa']).orderBy('code').offset(nth).limit(1).executeTakeFirstOrThrow()).id;
      await a.t.db.insertInto('compliance_verdicts').values({
        id: `v-${region}-${nth}`, unit_id: unit, period_key: period.key, period_start: period.start, period_end: period.end, status, reasons: '[]', evidence: '[]',
        counted_items: 0, counted_by_channel: '{}', required_items: 1, alert: 0, ask_for_link: 0, override_dispute_id: null, evaluated_at: a.clock.now().toISOString(),
      }).execute();
    };
    await verdict('19.01', 'PASS', 0);
    await verdict('19.01', 'PASS', 1);
    await verdict('19.01', 'FAIL', 2);
    await verdict('11.01', 'FAIL', 0);
    const page = await text(provinceAdmin.get('/admin/cakupan'));
    expect(page).toContain(`periode ${period.key}`);
    const bangka = page.slice(page.indexOf('Kabupaten Bangka'));
    expect(bangka.slice(0, bangka.indexOf('</li>'))).toContain('2 memenuhi · 1 belum memenuhi');
  });

  it('a province admin opens one regency at a time, only inside its province', async () => {
    // Until a choice: the install's own regency (inside the province).
    expect(await text(provinceAdmin.get('/admin/unit'))).toContain('/admin/unit/bacang');
    expect((await provinceAdmin.post('/admin/cakupan', { kode: '11.01' })).status).toBe(403);
    const chosen = await provinceAdmin.post('/admin/cakupan', { kode: '19.01' });
    expect(chosen.status).toBe(303);
    const cookie = chosen.headers.getSetCookie().find((c) => c.startsWith('beranda_wilayah='))!.split(';')[0]!;
    expect(cookie).toBe('beranda_wilayah=19.01');
    const withChoice = (path: string) => a.request(path, { cookie: `${provinceAdmin.cookie}; ${cookie}` });
    const list = await text(withChoice('/admin/unit'));
    expect(list).toContain(`/admin/unit/${bangkaVillage}`);
    expect(list).not.toContain('/admin/unit/bacang');
    expect(await text(withChoice('/admin/dasbor'))).toContain('Kabupaten Bangka');
    expect(await text(withChoice('/admin/cakupan'))).toContain('Yang sedang dibuka: Kabupaten Bangka (19.01).');
    // A forged choice outside the province falls back to the install's regency.
    const forged = await text(a.request('/admin/unit', { cookie: `${provinceAdmin.cookie}; beranda_wilayah=11.01` }));
    expect(forged).toContain('/admin/unit/bacang');
    expect(forged).not.toContain(`/admin/unit/${acehVillage}`);
  });
});
