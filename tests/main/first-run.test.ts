import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Config, loadConfig, servingProblems } from '../../src/config/index.js';
import { type Booted, bootstrap } from '../../src/main/bootstrap.js';
import { runCli } from '../../src/main/cli.js';
import { systemClock } from '../../src/shared/clock.js';
import { createApp } from '../../src/web/app.js';
import { type AppClient, appClient, csrfFrom, formBody, withServices } from '../support/test-app.js';
import { createTestDb, testEngine, type TestDb } from '../support/test-db.js';

// A city that starts without demo (issue 13, point 1): no admin, a set-up page that only works
// with the code printed at start and only until an admin exists, and the CLI command.
describe(`first run without demo on ${testEngine()}`, () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'beranda-first-run-'));
  const logger = pino({ level: 'silent' });
  let t: TestDb;
  let config: Config;
  let booted: Booted;
  let client: AppClient;

  beforeAll(async () => {
    t = await createTestDb();
    config = { ...loadConfig({ DATA_DIR: dir, BERANDA_DEMO: '0', BERANDA_SECRET: 's'.repeat(40), LOG_LEVEL: 'silent' }, dir), database: t.config };
    booted = await bootstrap(config, systemClock, logger);
    client = appClient(createApp(withServices({ db: booted.database.db, dialect: booted.database.dialect, config, clock: systemClock, logger })));
    vi.stubEnv('DATA_DIR', dir);
    vi.stubEnv('DATABASE_URL', t.config.kind === 'sqlite' ? `sqlite:${t.config.file}` : t.config.url);
    vi.stubEnv('BERANDA_DEMO', '0');
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await booted?.database.close();
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses to serve without BERANDA_SECRET, in one line that says how to make one', () => {
    const problems = servingProblems(loadConfig({ BERANDA_DEMO: '0' }, dir));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^BERANDA_SECRET belum diisi.*openssl rand -hex 32$/);
    expect(servingProblems(loadConfig({ BERANDA_DEMO: '0', BERANDA_SECRET: 'k'.repeat(40), FACEBOOK_APP_ID: '1', FACEBOOK_APP_SECRET: 'x' }, dir))[0]).toMatch(/^TOKEN_ENCRYPTION_KEY belum diisi/);
    expect(servingProblems(loadConfig({}, dir))).toEqual([]);
  });

  it('loads no demo, issues a set-up code, and the login page says how the first admin is made', async () => {
    expect(booted.demoLogins).toEqual([]);
    expect(booted.setupToken).toMatch(/^[\w-]{20,}$/);
    expect(await booted.database.db.selectFrom('users').selectAll().execute()).toEqual([]);
    expect(await booted.database.db.selectFrom('content_items').selectAll().execute()).toEqual([]);
    const login = await (await client.request('/admin/masuk')).text();
    expect(login).toContain('users create-admin');
    expect(login).not.toContain('Akun demo');
  });

  const setUp = async (fields: Record<string, string>) => {
    const page = await client.request(`/admin/pasang?kode=${encodeURIComponent(fields.token ?? '')}`);
    const html = await page.text();
    // The pre-login CSRF pair (cookie and form field) is the same on every page before sign-in.
    const login = await client.request('/admin/masuk');
    const cookie = login.headers.getSetCookie().find((c) => c.startsWith('beranda_csrf='))!.split(';')[0]!;
    const res = await client.request('/admin/pasang', {
      method: 'POST',
      cookie,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: formBody({ _csrf: csrfFrom(await login.text()), ...fields }),
    });
    return { page: html, res, body: await res.text() };
  };
  const form = { username: 'admin.kominfo', displayName: 'Admin Diskominfo', email: 'kominfo@pangkalpinangkota.go.id', password: 'lada putih muntok', confirm: 'lada putih muntok' };

  it('the set-up page refuses a wrong code next to its field and keeps what was typed', async () => {
    const r = await setUp({ ...form, token: 'salah-kode-pemasangan-xyz' });
    expect(r.page).toContain('name="token" type="text" value="salah-kode-pemasangan-xyz"');
    expect(r.res.status).toBe(400);
    expect(r.body).toMatch(/id="f-token-err">Kode pemasangan salah/);
    expect(r.body).toContain('value="admin.kominfo"');
    expect(await booted.database.db.selectFrom('users').selectAll().execute()).toEqual([]);
  });

  it('says next to the field when the two passwords differ', async () => {
    const r = await setUp({ ...form, confirm: 'lain sekali', token: booted.setupToken! });
    expect(r.res.status).toBe(400);
    expect(r.body).toMatch(/id="f-confirm-err">Kedua kata sandi tidak sama/);
  });

  it('names each bad field next to it (e-mail, name, password) and keeps the rest, never the password', async () => {
    const r = await setUp({ ...form, email: 'bukan-email', displayName: 'A', password: 'pendek', confirm: 'pendek', token: booted.setupToken! });
    expect(r.res.status).toBe(400);
    expect(r.body).toMatch(/id="f-email-err">Alamat e-mail tidak sah/);
    expect(r.body).toMatch(/id="f-displayName-err">Isi nama lengkap/);
    expect(r.body).toMatch(/id="f-password-err">Kata sandi minimal 10 karakter/);
    expect(r.body).toContain('value="admin.kominfo"');
    expect(r.body).toContain('value="bukan-email"');
    expect(r.body).not.toContain('value="pendek"');
    expect(await booted.database.db.selectFrom('users').selectAll().execute()).toEqual([]);
  });

  it('creates the first admin with the printed code, who signs in; then the page is gone, code or not', async () => {
    const r = await setUp({ ...form, token: booted.setupToken! });
    expect(r.res.status).toBe(303);
    expect(r.res.headers.get('location')).toBe('/admin/masuk?alasan=pasang');
    const admin = await booted.database.db.selectFrom('users').selectAll().executeTakeFirstOrThrow();
    expect(admin).toMatchObject({ username: 'admin.kominfo', role: 'admin_kota', is_demo: 0, must_change_password: 0, region_code: '19.71' });
    const s = await client.loginAs('admin.kominfo', 'lada putih muntok');
    expect((await s.get('/admin/pengguna')).status).toBe(200);
    const audit = await booted.database.db.selectFrom('audit_log').select('action').execute();
    expect(audit.map((a) => a.action)).toContain('setup.first_admin');

    expect((await client.request('/admin/pasang')).status).toBe(404);
    const again = await setUp({ ...form, username: 'penyusup', token: booted.setupToken! });
    expect(again.res.status).toBe(404);
    expect(await booted.database.db.selectFrom('users').select('username').execute()).toEqual([{ username: 'admin.kominfo' }]);
  });

  it('users create-admin: a typed password (piped) and a generated one shown once and changed at first sign-in', async () => {
    const lines: string[] = [];
    const typed = await runCli(['users', 'create-admin', '--username', 'admin.dua', '--name', 'Admin Kedua'], (l) => lines.push(l), {
      readSecret: async () => 'kopi tiam pagi hari',
      interactive: false,
    });
    expect(typed).toBe(0);
    expect(lines.join('\n')).toContain('Admin kota "admin.dua" dibuat');
    await client.loginAs('admin.dua', 'kopi tiam pagi hari');

    lines.length = 0;
    const generated = await runCli(['users', 'create-admin', '--username', 'admin.tiga', '--name', 'Admin Ketiga', '--generate'], (l) => lines.push(l));
    expect(generated).toBe(0);
    const password = /wajib diganti saat pertama masuk\): (\S+)$/.exec(lines.join('\n'))?.[1];
    expect(password).toMatch(/^([a-z]+-){5}\d{3}$/);
    const res = await client.request('/admin/masuk');
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('beranda_csrf='))!.split(';')[0]!;
    const login = await client.request('/admin/masuk', {
      method: 'POST', cookie, headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: formBody({ _csrf: csrfFrom(await res.text()), username: 'admin.tiga', password: password! }),
    });
    expect(login.headers.get('location')).toBe('/admin/akun/sandi?wajib=1');

    lines.length = 0;
    expect(await runCli(['users', 'create-admin', '--username', 'admin.dua', '--name', 'Lagi'], (l) => lines.push(l), { readSecret: async () => 'kata sandi panjang', interactive: false })).toBe(1);
    expect(lines[0]).toBe('Nama pengguna "admin.dua" sudah dipakai. Pilih yang lain.');
    lines.length = 0;
    expect(await runCli(['users', 'create-admin', '--username', 'admin.empat', '--name', 'Pendek'], (l) => lines.push(l), { readSecret: async () => 'pendek', interactive: false })).toBe(1);
    expect(lines[0]).toMatch(/^Tidak dibuat: Kata sandi minimal 10 karakter/);
  });

  it('an interactive terminal asks twice and refuses when the two differ', async () => {
    const answers = ['sandi yang pertama', 'sandi yang kedua'];
    const lines: string[] = [];
    const code = await runCli(['users', 'create-admin', '--username', 'admin.lima', '--name', 'Admin Lima'], (l) => lines.push(l), { readSecret: async () => answers.shift()!, interactive: true });
    expect(code).toBe(1);
    expect(lines[0]).toContain('tidak sama');
    expect(await booted.database.db.selectFrom('users').select('id').where('username', '=', 'admin.lima').executeTakeFirst()).toBeUndefined();
  });
});
