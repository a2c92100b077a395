import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, createAdmin, createImportedStaff } from '../../src/modules/accounts/index.js';
import { broadcastAuthor } from '../../src/i18n/broadcast-author.js';
import { sendBroadcast } from '../../src/modules/composer/index.js';
import { importRegion } from '../../src/modules/units/index.js';
import { createTestApp, csrfFrom, type Session, type TestApp } from '../support/test-app.js';
import { testEngine } from '../support/test-db.js';

// Many regions in one install (issue 18 point 3, decision 0017): a province admin working in a
// chosen regency ("Wilayah kerja") imports staff, sends a broadcast and lets staff go in that
// regency's units — and only inside its province. Pangkalpinang (19.71, the demo), Kabupaten
// Bangka (19.01, same province), Aceh Selatan (11.01, another province).
const PASSWORD = 'Wilayah-kerja-2026!';

describe(`staff import and broadcasts in the regency served, on ${testEngine()}`, () => {
  let a: TestApp;
  let province: Session;
  let cityAdmin: Session;
  let provinceActor: Actor;
  let desa: { id: string; name: string };
  let villages19_01 = 0;

  beforeAll(async () => {
    a = await createTestApp();
    for (const code of ['19.01', '11.01']) await importRegion(a.t.db, code, a.clock);
    const r = await createAdmin(a.t.db, a.clock, { username: 'admin.babel', displayName: 'Admin Babel', password: PASSWORD, region: '19', mustChangePassword: false, via: 'cli' });
    if (!r.ok) throw new Error(r.error);
    provinceActor = { id: r.value.id, role: 'admin_kota', regionCode: '19', unitIds: [] } as unknown as Actor;
    const villages = await a.t.db.selectFrom('units').select(['id', 'name']).where('region_code', '=', '19.01').where('kind', 'in', ['kelurahan', 'desa']).orderBy('code').execute();
    villages19_01 = villages.length;
    // A desa whose name is the only one of its kind in Bangka (the sheet names units by name).
    desa = villages.find((v) => villages.filter((w) => w.name === v.name).length === 1)!;
    province = await a.loginAs('admin.babel', PASSWORD);
    cityAdmin = await a.loginAs('admin');
  });
  afterAll(async () => a.close());

  /** The session with a regency chosen on "Wilayah kerja" (the cookie it sets). */
  const serving = async (s: Session, code: string): Promise<Session> => {
    const chosen = await s.post('/admin/cakupan', { kode: code });
    const pair = chosen.headers.getSetCookie().find((c) => c.startsWith('beranda_wilayah='))?.split(';')[0] ?? `beranda_wilayah=${code}`;
    const cookie = `${s.cookie}; ${pair}`;
    return {
      cookie,
      csrf: s.csrf,
      get: (path) => a.request(path, { cookie }),
      post: (path, form = {}) =>
        a.request(path, { method: 'POST', cookie, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(Object.entries({ _csrf: s.csrf, ...form }).flatMap(([k, v]): [string, string][] => (Array.isArray(v) ? v.map((x) => [k, x]) : [[k, v]]))) }),
    };
  };

  it("a province admin imports staff into the chosen regency's units; the accounts belong to that regency", async () => {
    const bangka = await serving(province, '19.01');
    const form = new FormData();
    form.append('_csrf', bangka.csrf);
    form.append('berkas', new Blob([`nama,username,peran,unit\nSiti Bangka,siti.bangka,operator,${desa.name}\nBudi,budi.bacang,operator,Bacang\n`], { type: 'text/csv' }), 'staf.csv');
    const dry = await a.request('/admin/pengguna/impor', { method: 'POST', cookie: bangka.cookie, body: form });
    expect(dry.status).toBe(200);
    const html = await dry.text();
    // Bacang is Pangkalpinang's, not Bangka's.
    expect(html).toContain('Unit &quot;Bacang&quot; tidak ditemukan');
    expect(html).toContain('Buat 1 akun sekarang');
    const rows = /name="rows" value="([^"]+)"/.exec(html)![1]!.replace(/&quot;/g, '"').replace(/&amp;/g, '&');
    const made = await bangka.post('/admin/pengguna/impor/buat', { _csrf: csrfFrom(html), rows });
    expect(made.status).toBe(303);
    const at = made.headers.get('location')!;
    expect(at).toMatch(/^\/admin\/pengguna\/impor\/hasil\//);
    expect(await (await bangka.get(at)).text()).toContain('1 akun dibuat');
    const user = await a.t.db.selectFrom('users').select(['id', 'region_code']).where('username', '=', 'siti.bangka').executeTakeFirstOrThrow();
    expect(user.region_code).toBe('19.01');
    const links = await a.t.db.selectFrom('user_units').select('unit_id').where('user_id', '=', user.id).execute();
    expect(links.map((l) => l.unit_id)).toEqual([desa.id]);
    expect((await a.t.db.selectFrom('staff_handovers').select('region_code').executeTakeFirstOrThrow()).region_code).toBe('19.01');

    // The leavers page of Bangka lists the new account, and lets it go.
    const leavers = await (await bangka.get('/admin/pengguna/nonaktifkan')).text();
    expect(leavers).toContain('siti.bangka');
    expect(leavers).not.toContain('operator.bacang');
    expect((await bangka.post('/admin/pengguna/nonaktifkan', { userIds: [user.id] })).status).toBe(303);
    expect((await a.t.db.selectFrom('users').select('status').where('id', '=', user.id).executeTakeFirstOrThrow()).status).toBe('disabled');
  });

  it("a province admin's broadcast reaches the chosen regency's villages, none of another", async () => {
    const bangka = await serving(province, '19.01');
    expect(await (await bangka.get('/admin/siaran')).text()).toContain(desa.name);
    const res = await bangka.post('/admin/siaran', { title: 'Musim tanam lada', body: 'Penyuluhan musim tanam lada untuk semua desa.', to: 'all' });
    expect(res.headers.get('location')).toBe(`/admin/siaran?terkirim=${villages19_01}`);
    const items = await a.t.db.selectFrom('content_items').innerJoin('units', 'units.id', 'content_items.unit_id').select(['units.region_code', 'content_items.author_name']).where('content_items.title', '=', 'Musim tanam lada').execute();
    expect(items.length).toBe(villages19_01);
    expect(items.every((i) => i.region_code === '19.01')).toBe(true);
    // Signed by the regency it goes to, in its own word — not as the install's city.
    expect(new Set(items.map((i) => i.author_name))).toEqual(new Set(['dari Pemkab Bangka']));
    expect((await a.t.db.selectFrom('broadcasts').select('region_code').where('title', '=', 'Musim tanam lada').executeTakeFirstOrThrow()).region_code).toBe('19.01');
    expect(await (await bangka.get('/admin/siaran')).text()).toContain('Musim tanam lada');
    // Pangkalpinang's admin does not see Bangka's broadcast.
    expect(await (await cityAdmin.get('/admin/siaran')).text()).not.toContain('Musim tanam lada');
  });

  it('a regency admin sends and imports only in their own regency, whatever regency cookie they carry', async () => {
    const forged = await serving(cityAdmin, '19.01');
    const res = await forged.post('/admin/siaran', { title: 'Kerja bakti kota', body: 'Kerja bakti bersama di semua kelurahan kota.', to: 'all' });
    expect(res.headers.get('location')).toBe('/admin/siaran?terkirim=42');
    const regions = await a.t.db.selectFrom('content_items').innerJoin('units', 'units.id', 'content_items.unit_id').select(['units.region_code', 'content_items.author_name']).where('content_items.title', '=', 'Kerja bakti kota').execute();
    expect(new Set(regions.map((r) => r.author_name))).toEqual(new Set(['dari Pemkot Pangkalpinang']));
    expect(new Set(regions.map((r) => r.region_code))).toEqual(new Set(['19.71']));
  });

  it('the use cases refuse a regency outside the province, and units outside the regency served', async () => {
    const deps = { db: a.t.db, clock: a.clock, cityName: 'Kabupaten Aceh Selatan' };
    const input = { title: 'Di luar provinsi', body: 'Siaran ke kabupaten provinsi lain.', units: 'all' as const };
    expect(await sendBroadcast(deps, { actor: provinceActor, region: '11.01', input, sign: broadcastAuthor })).toEqual({ ok: false, error: 'forbidden' });
    expect(await sendBroadcast(deps, { actor: provinceActor, input, sign: broadcastAuthor })).toEqual({ ok: false, error: 'forbidden' });
    const aceh = await a.t.db.selectFrom('units').select('id').where('region_code', '=', '11.01').where('kind', '=', 'desa').orderBy('code').executeTakeFirstOrThrow();
    const line = { line: 2, displayName: 'Ani Aceh', username: 'ani.aceh', role: 'operator' as const, unitIds: [aceh.id] };
    expect(await createImportedStaff(a.t.db, a.clock, provinceActor, [line], '11.01')).toEqual({ ok: false, error: 'forbidden' });
    const inBangka = await createImportedStaff(a.t.db, a.clock, provinceActor, [line], '19.01');
    expect(inBangka.ok && inBangka.value.skipped.map((s) => s.problem)).toEqual([{ code: 'account', problem: { path: 'unitIds', code: 'unknown' } }]);
    // The same username twice: the second is skipped with a code (issue 19 point 2), not a sentence.
    const bangka = await a.t.db.selectFrom('units').select('id').where('region_code', '=', '19.01').where('kind', 'in', ['desa', 'kelurahan']).orderBy('code').executeTakeFirstOrThrow();
    const twice = { ...line, username: 'ani.bangka', unitIds: [bangka.id] };
    const made = await createImportedStaff(a.t.db, a.clock, provinceActor, [twice, { ...twice, line: 3 }], '19.01');
    expect(made.ok && made.value.created.map((c) => c.username)).toEqual(['ani.bangka']);
    expect(made.ok && made.value.skipped).toEqual([{ line: 3, username: 'ani.bangka', problem: { code: 'username_taken', username: 'ani.bangka' } }]);
  });
});
