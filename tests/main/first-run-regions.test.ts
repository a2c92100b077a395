import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Config, loadConfig } from '../../src/config/index.js';
import { type Booted, bootstrap } from '../../src/main/bootstrap.js';
import { createAdmin, firstAdminScope, hasActiveAdmin } from '../../src/modules/accounts/index.js';
import { importRegion } from '../../src/modules/units/index.js';
import { systemClock } from '../../src/shared/clock.js';
import { createApp } from '../../src/web/app.js';
import { type AppClient, appClient, csrfFrom, formBody, withServices } from '../support/test-app.js';
import { createTestDb, testEngine, type TestDb } from '../support/test-db.js';

// The first-run set-up page of an install that imported several regencies (issue 18 point 3,
// decision 0017): the first admin gets the narrowest scope holding every imported regency, and
// any active admin whose scope covers BERANDA_REGION (19.71) closes the page.
describe(`first run of a many-regions install on ${testEngine()}`, () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'beranda-first-run-regions-'));
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
  });
  afterAll(async () => {
    await booted?.database.close();
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const db = () => booted.database.db;
  let token = '';

  it("gives the first admin the install's regency alone, its province, or the whole country, as the imports grow", async () => {
    expect(await firstAdminScope(db(), '19.71')).toBe('19.71');
    expect((await importRegion(db(), '19.01', systemClock)).ok).toBe(true);
    expect(await firstAdminScope(db(), '19.71')).toBe('19');
    expect((await importRegion(db(), '11.01', systemClock)).ok).toBe(true);
    expect(await firstAdminScope(db(), '19.71')).toBe('ID');
  });

  it("counts only an admin whose scope covers the install's regency as its admin", async () => {
    const aceh = await createAdmin(db(), systemClock, { username: 'admin.aceh', displayName: 'Admin Aceh', password: 'Wilayah-kerja-2026!', region: '11.01', mustChangePassword: false, via: 'cli' });
    expect(aceh.ok).toBe(true);
    // Another regency's admin is not the install's: the set-up page stays open.
    expect(await hasActiveAdmin(db(), '19.71')).toBe(false);
    expect((await client.request('/admin/pasang')).status).toBe(200);
    // Making it spent the printed code; the next start prints a new one, the install still has no admin.
    const restarted = await bootstrap(config, systemClock, logger);
    expect(restarted.setupToken).toMatch(/^[\w-]{20,}$/);
    token = restarted.setupToken!;
    await restarted.database.close();
  });

  it('says on the set-up page whom the first admin manages, and makes a national admin who reaches every regency', async () => {
    const page = await (await client.request('/admin/pasang')).text();
    expect(page).toContain('admin pertama mengelola seluruh Indonesia (cakupan ID)');
    const login = await client.request('/admin/masuk');
    const cookie = login.headers.getSetCookie().find((c) => c.startsWith('beranda_csrf='))!.split(';')[0]!;
    const res = await client.request('/admin/pasang', {
      method: 'POST',
      cookie,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: formBody({ _csrf: csrfFrom(await login.text()), token, username: 'admin.nasional', displayName: 'Admin Nasional', password: 'lada putih muntok', confirm: 'lada putih muntok' }),
    });
    expect(res.status).toBe(303);
    const made = await db().selectFrom('users').select(['role', 'region_code']).where('username', '=', 'admin.nasional').executeTakeFirstOrThrow();
    expect(made).toEqual({ role: 'admin_kota', region_code: 'ID' });
    expect(await hasActiveAdmin(db(), '19.71')).toBe(true);
    expect((await client.request('/admin/pasang')).status).toBe(404);
    const s = await client.loginAs('admin.nasional', 'lada putih muntok');
    const area = await (await s.get('/admin/cakupan')).text();
    // A national scope sees the provinces first, each with its imported regencies.
    for (const name of ['Provinsi Kepulauan Bangka Belitung · 2 kabupaten/kota', 'Provinsi Aceh · 1 kabupaten/kota']) expect(area).toContain(name);
    // A restart prints no set-up code any more.
    const again = await bootstrap(config, systemClock, logger);
    expect(again.setupToken ?? null).toBeNull();
    await again.database.close();
  });

  it('a province admin covers its regencies too: with one, the set-up page is closed', async () => {
    await db().updateTable('users').set({ status: 'disabled' }).where('username', '=', 'admin.nasional').execute();
    expect(await hasActiveAdmin(db(), '19.71')).toBe(false);
    const babel = await createAdmin(db(), systemClock, { username: 'admin.babel', displayName: 'Admin Babel', password: 'Wilayah-kerja-2026!', region: '19', mustChangePassword: false, via: 'cli' });
    expect(babel.ok).toBe(true);
    expect(await hasActiveAdmin(db(), '19.71')).toBe(true);
    expect((await client.request('/admin/pasang')).status).toBe(404);
  });
});
