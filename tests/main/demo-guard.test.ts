import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { bootstrap, StartupError } from '../../src/main/bootstrap.js';
import { createAdmin, createSession, ensureDemoUsers } from '../../src/modules/accounts/index.js';
import { importRegion } from '../../src/modules/units/index.js';
import { saveContent } from '../../src/modules/content/index.js';
import { systemClock } from '../../src/shared/clock.js';
import { createApp } from '../../src/web/app.js';
import { appClient, csrfFrom, formBody, withServices } from '../support/test-app.js';
import { createTestDb, testEngine, type TestDb } from '../support/test-db.js';

// Demo is a try-out, never a trap (issue 13, point 2): refused where it would expose the demo
// password, never loaded over someone's data, and loudly left over when demo is switched off.
describe(`demo guard rails on ${testEngine()}`, () => {
  const logger = pino({ level: 'silent' });
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0)) await c();
  });

  async function fresh(env: Record<string, string> = {}) {
    const t: TestDb = await createTestDb();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'beranda-demo-guard-'));
    cleanups.push(async () => {
      await t.close();
      rmSync(dir, { recursive: true, force: true });
    });
    const config = { ...loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent', BERANDA_SECRET: 'g'.repeat(40), ...env }, dir), database: t.config };
    await importRegion(t.db, config.region, systemClock);
    return { t, config };
  }
  const boot = async (config: Parameters<typeof bootstrap>[0]) => {
    const b = await bootstrap(config, systemClock, logger);
    cleanups.unshift(() => b.database.close());
    return b;
  };

  it('refuses demo mode behind an https PUBLIC_URL, in one line', async () => {
    const { config } = await fresh({ PUBLIC_URL: 'https://beranda.pangkalpinangkota.go.id' });
    const error = await bootstrap(config, systemClock, logger).catch((e) => e);
    expect(error).toBeInstanceOf(StartupError);
    expect(error.message).toMatch(/^Mode demo ditolak: PUBLIC_URL https:\/\/beranda\.pangkalpinangkota\.go\.id .*BERANDA_DEMO=0/);
    expect(error.message).not.toContain('\n');
  });

  it('refuses demo mode on a database with real accounts', async () => {
    const { t, config } = await fresh();
    await createAdmin(t.db, systemClock, { username: 'admin.kominfo', displayName: 'Admin', password: 'lada putih muntok', region: '19.71', mustChangePassword: false, via: 'cli' });
    const error = await bootstrap(config, systemClock, logger).catch((e) => e);
    expect(error).toBeInstanceOf(StartupError);
    expect(error.message).toMatch(/^Mode demo ditolak: database ini sudah berisi 1 akun sungguhan/);
  });

  it('never loads the demo over data that is already there', async () => {
    const { t, config } = await fresh();
    const unitId = (await t.db.selectFrom('units').select('id').where('slug', '=', 'bacang').executeTakeFirstOrThrow()).id;
    const saved = await saveContent({ db: t.db, clock: systemClock }, { unitId, actorId: null, input: { kind: 'berita', title: 'Kabar yang sudah ada', body: 'Isi.', bodyFormat: 'text', status: 'published' } as any });
    expect(saved.ok).toBe(true);
    const b = await boot(config);
    expect(b.demoLogins).toEqual([]);
    expect(await t.db.selectFrom('users').select('id').execute()).toEqual([]);
    expect((await t.db.selectFrom('content_items').select('title').execute()).map((r) => r.title)).toEqual(['Kabar yang sudah ada']);
  });

  it('with demo off and demo accounts left: a warning at start and on the admin home, demo sessions ended, demo sign-in refused', async () => {
    const { t, config } = await fresh({ BERANDA_DEMO: '0' });
    await ensureDemoUsers(t.db, systemClock, '19.71');
    const demoAdmin = (await t.db.selectFrom('users').select('id').where('username', '=', 'admin').executeTakeFirstOrThrow()).id;
    await createSession(t.db, systemClock, demoAdmin, {});
    await createAdmin(t.db, systemClock, { username: 'admin.kominfo', displayName: 'Admin Kominfo', password: 'lada putih muntok', region: '19.71', mustChangePassword: false, via: 'cli' });
    const demoCount = (await t.db.selectFrom('users').select('id').where('is_demo', '=', 1).execute()).length;

    const b = await boot(config);
    expect(b.leftoverDemoAccounts).toBe(demoCount);
    expect(b.setupToken).toBeNull();
    expect(await t.db.selectFrom('sessions').select('id').where('user_id', '=', demoAdmin).execute()).toEqual([]);

    const client = appClient(createApp(withServices({ db: b.database.db, dialect: b.database.dialect, config, clock: systemClock, logger })));
    const admin = await client.loginAs('admin.kominfo', 'lada putih muntok');
    // Admin kota lands on the dashboard (issue 14), which carries the warning.
    expect((await admin.get('/admin')).headers.get('location')).toBe('/admin/dasbor');
    const home = await (await admin.get('/admin/dasbor')).text();
    expect(home).toContain(`Masih ada ${demoCount} akun demo`);
    expect(home).toContain('npm run beranda -- demo remove');

    const form = await client.request('/admin/masuk');
    const cookie = form.headers.getSetCookie().find((c) => c.startsWith('beranda_csrf='))!.split(';')[0]!;
    const res = await client.request('/admin/masuk', {
      method: 'POST', cookie, headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: formBody({ _csrf: csrfFrom(await form.text()), username: 'admin', password: 'beranda-demo' }),
    });
    expect(res.status).toBe(401);
    expect(await res.text()).toContain('mode demo sudah dimatikan');
  });
});
