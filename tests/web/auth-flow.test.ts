import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_TTL_MS } from '../../src/modules/accounts/index.js';
import { createTestApp, csrfFrom, formBody, type TestApp } from '../support/test-app.js';
import { testEngine } from '../support/test-db.js';

describe(`staff sign-in over HTTP on ${testEngine()}`, () => {
  let a: TestApp;
  beforeAll(async () => {
    a = await createTestApp();
  });
  afterAll(async () => a.close());

  const loginForm = async (ip: string) => {
    const res = await a.request('/admin/masuk', { headers: { 'x-forwarded-for': ip } });
    const csrfCookie = res.headers.getSetCookie().find((c) => c.startsWith('beranda_csrf='))!.split(';')[0]!;
    return { csrf: csrfFrom(await res.text()), cookie: csrfCookie };
  };
  const postLogin = async (ip: string, username: string, password: string, opts: { omitCsrf?: boolean } = {}) => {
    const f = await loginForm(ip);
    return a.request('/admin/masuk', {
      method: 'POST',
      cookie: f.cookie,
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': ip },
      body: formBody(opts.omitCsrf ? { username, password } : { _csrf: f.csrf, username, password }),
    });
  };

  it('sends anonymous visitors of /admin to the login page and back afterwards', async () => {
    const res = await a.request('/admin/unit/bacang');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/admin/masuk?alasan=required&kembali=%2Fadmin%2Funit%2Fbacang');
  });

  it('sets an HttpOnly SameSite session cookie and lands the operator on their unit', async () => {
    const res = await postLogin('127.2.0.1', 'operator.bacang', 'beranda-demo');
    expect(res.status).toBe(303);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('beranda_sesi='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
    const home = await a.request('/admin', { cookie: cookie.split(';')[0] });
    expect(home.status).toBe(303);
    expect(home.headers.get('location')).toBe('/admin/unit/bacang');
    const unit = await a.request('/admin/unit/bacang', { cookie: cookie.split(';')[0] });
    expect(unit.status).toBe(200);
    expect(await unit.text()).toContain('Kelurahan Bacang');
    expect(unit.headers.get('cache-control')).toBe('no-store');
  });

  it('marks the session cookie Secure when PUBLIC_URL is https', async () => {
    const b = await createTestApp({ secureCookies: true, publicUrl: 'https://beranda.example.go.id' });
    const form = await b.request('/admin/masuk');
    const csrfCookie = form.headers.getSetCookie().find((c) => c.startsWith('beranda_csrf='))!;
    expect(csrfCookie).toMatch(/Secure/);
    const res = await b.request('/admin/masuk', {
      method: 'POST',
      cookie: csrfCookie.split(';')[0],
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: formBody({ _csrf: csrfFrom(await form.text()), username: 'walikota', password: 'beranda-demo' }),
    });
    expect(res.status).toBe(303);
    expect(res.headers.getSetCookie().find((c) => c.startsWith('beranda_sesi='))).toMatch(/; Secure/);
    await b.close();
  });

  it('says the same thing for a wrong password and an unknown user, and keeps what was typed', async () => {
    const wrong = await postLogin('127.2.0.2', 'lurah.bacang', 'salah-sandi');
    const unknown = await postLogin('127.2.0.3', 'bukan.siapa', 'salah-sandi');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const w = await wrong.text();
    const u = await unknown.text();
    expect(w).toContain('Nama pengguna atau kata sandi salah');
    expect(u).toContain('Nama pengguna atau kata sandi salah');
    expect(w).toContain('value="lurah.bacang"');
  });

  it('explains a login delay in Indonesian, with the seconds to wait, after repeated failures from one address', async () => {
    let last: Response | undefined;
    for (let i = 0; i < 6; i++) last = await postLogin('127.3.0.1', 'operator.pintu-air', 'salah');
    expect(last!.status).toBe(429);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
    const html = await last!.text();
    expect(html).toContain('Terlalu banyak percobaan masuk yang gagal');
    expect(html).toMatch(/tunggu \d+ detik/);
    expect(html).toContain('tidak dikunci');
  });

  it('refuses a form without a CSRF token', async () => {
    const res = await postLogin('127.2.0.4', 'operator.bacang', 'beranda-demo', { omitCsrf: true });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('Formulir sudah kedaluwarsa');
    const s = await a.loginAs('operator.bacang');
    const noToken = await a.request('/admin/keluar', { method: 'POST', cookie: s.cookie, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: '' });
    expect(noToken.status).toBe(403);
    const wrongToken = await a.request('/admin/keluar', { method: 'POST', cookie: s.cookie, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: formBody({ _csrf: 'x'.repeat(32) }) });
    expect(wrongToken.status).toBe(403);
    expect((await s.get('/admin/unit/bacang')).status).toBe(200);
  });

  it('sends an expired session back to login with a clear reason', async () => {
    const s = await a.loginAs('lurah.bacang');
    a.clock.advance(SESSION_TTL_MS + 60_000);
    const res = await s.get('/admin/unit/bacang');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toMatch(/alasan=expired/);
    const page = await a.request(res.headers.get('location')!);
    expect(await page.text()).toContain('Sesi Anda telah berakhir');
    a.clock.set('2026-11-25T02:00:00Z');
  });

  it('logs out and the old cookie no longer works', async () => {
    const s = await a.loginAs('operator.bacang');
    const out = await s.post('/admin/keluar');
    expect(out.status).toBe(303);
    expect((await s.get('/admin/unit/bacang')).status).toBe(303);
  });

  it('only returns to staff pages after login (no open redirect)', async () => {
    const { safeReturnPath } = await import('../../src/web/admin/login-routes.js');
    expect(safeReturnPath('https://evil.example')).toBe('/admin');
    expect(safeReturnPath('//evil.example/admin')).toBe('/admin');
    expect(safeReturnPath('/admin/unit/bacang')).toBe('/admin/unit/bacang');
  });

  it('makes a temporary password be replaced first', async () => {
    const admin = await a.loginAs('admin');
    const unit = await a.t.db.selectFrom('units').select('id').where('slug', '=', 'asam').executeTakeFirstOrThrow();
    const created = await admin.post('/admin/pengguna/baru', { username: 'operator2.asam', displayName: 'Pak Budi', role: 'operator', password: 'sementara sekali', unitIds: unit.id });
    expect(created.status).toBe(303);
    const s = await a.loginAs('operator2.asam', 'sementara sekali');
    const res = await s.get('/admin/unit/asam');
    expect(res.headers.get('location')).toBe('/admin/akun/sandi?wajib=1');
    const changed = await s.post('/admin/akun/sandi', { current: 'sementara sekali', next: 'rumah biru dekat pasar', confirm: 'rumah biru dekat pasar' });
    expect(changed.status).toBe(303);
    expect((await s.get('/admin/unit/asam')).status).toBe(200);
  });

  it('keeps what the admin typed when creating a user fails', async () => {
    const admin = await a.loginAs('admin');
    const res = await admin.post('/admin/pengguna/baru', { username: 'operator.bacang', displayName: 'Nama Yang Diketik', role: 'operator', password: 'sementara sekali' });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('value="Nama Yang Diketik"');
    expect(html).toMatch(/Peran ini harus punya tepat satu unit|sudah dipakai/);
  });
});

describe(`public edge on ${testEngine()}`, () => {
  let a: TestApp;
  beforeAll(async () => {
    a = await createTestApp({ siteDomain: 'pangkalpinangkota.go.id' });
  });
  afterAll(async () => a.close());

  it('answers /healthz with the database state', async () => {
    const res = await a.request('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', database: { engine: testEngine(), reachable: true } });
  });

  it('lists all 42 kelurahan under their 7 kecamatan at /', async () => {
    const html = await (await a.request('/')).text();
    for (const k of ['Bukit Intan', 'Taman Sari', 'Pangkal Balam', 'Rangkui', 'Gerunggang', 'Gabek', 'Girimaya']) expect(html).toContain(k);
    const links = new Set([...html.matchAll(/href="\/([a-z0-9-]+)\/?"/g)].map((m) => m[1]));
    const kelurahan = await a.t.db.selectFrom('units').select('slug').where('kind', '=', 'kelurahan').execute();
    expect(kelurahan.length).toBe(42);
    for (const k of kelurahan) expect(links).toContain(k.slug);
  });

  it('serves a unit by path and by host name', async () => {
    const byPath = await a.request('/bacang');
    const byHost = await a.request('/', { headers: { host: 'bacang.pangkalpinangkota.go.id' } });
    expect(byPath.status).toBe(200);
    expect(byHost.status).toBe(200);
    expect(await byHost.text()).toContain('Bacang');
    const assetOnHost = await a.request('/healthz', { headers: { host: 'bacang.pangkalpinangkota.go.id' } });
    expect(assetOnHost.status).toBe(200);
  });

  it('answers unknown pages with an Indonesian 404 and never a stack trace on errors', async () => {
    const res = await a.request('/tidak-ada-kelurahan-ini');
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(html).toContain('Halaman tidak ditemukan');
    expect(html.toLowerCase().startsWith('<!doctype html>')).toBe(true);
    const broken = await a.request('/', { headers: { host: 'bukan-kelurahan.pangkalpinangkota.go.id' } });
    expect(broken.status).toBe(404);
  });

  it('hides internal errors behind an Indonesian 500 page with a request id', async () => {
    const { createApp } = await import('../../src/web/app.js');
    const app = createApp({ ...a.deps, db: new Proxy(a.deps.db, { get: () => { throw new Error('SECRET internal detail'); } }) as any });
    const res = await app.request('/', { headers: { 'x-request-id': 'req-test-123' } });
    expect(res.status).toBe(500);
    const html = await res.text();
    expect(html).toContain('Maaf, terjadi gangguan');
    expect(html).toContain('req-test-123');
    expect(html).not.toContain('SECRET');
  });

  it('reports 503 from /healthz when the database is unreachable', async () => {
    const { createApp } = await import('../../src/web/app.js');
    const { Kysely, SqliteDialect } = await import('kysely');
    const Sqlite = (await import('better-sqlite3')).default;
    const native = new Sqlite(':memory:');
    native.close();
    const app = createApp({ ...a.deps, db: new Kysely<any>({ dialect: new SqliteDialect({ database: native }) }) });
    const res = await app.request('/healthz');
    expect(res.status).toBe(503);
  });
});
