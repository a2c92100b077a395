import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Config, loadConfig } from '../../src/config/index.js';
import { type Booted, bootstrap, StartupError } from '../../src/main/bootstrap.js';
import { runCli } from '../../src/main/cli.js';
import { simulationNotice, startChannelsDemo, stopChannelsDemo } from '../../src/main/demo/channels-demo.js';
import { systemClock } from '../../src/shared/clock.js';
import { createApp } from '../../src/web/app.js';
import { noisyPhoto } from '../media/fixtures.js';
import { type AppClient, type Session, appClient, withServices } from '../support/test-app.js';
import { createTestDb, testEngine, type TestDb } from '../support/test-db.js';
import { dumpTables } from './support.js';

// Done when (issue 13): start in demo mode, add a real account and a real post, run `demo
// remove`, and prove that no demo account can sign in, no demo content is served, and the real
// account and post — and every other real row and file — are unchanged.
describe(`demo remove on ${testEngine()}`, () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'beranda-demo-remove-'));
  const mediaDir = path.join(dir, 'media');
  const logger = pino({ level: 'silent' });
  let t: TestDb;
  let config: Config;
  let booted: Booted;
  let client: AppClient;
  const env = () => ({ DATA_DIR: dir, MEDIA_DIR: mediaDir, LOG_LEVEL: 'silent', BERANDA_SECRET: 'd'.repeat(40) });

  beforeAll(async () => {
    t = await createTestDb();
    const base = { ...loadConfig(env(), dir), database: t.config, publicUrl: 'http://127.0.0.1:9' };
    config = await startChannelsDemo(base, logger, { fakes: { containerPendingReads: 0, tiktokPendingReads: 0 } });
    booted = await bootstrap(config, systemClock, logger);
    client = appClient(createApp(withServices({ db: booted.database.db, dialect: booted.database.dialect, config, clock: systemClock, logger })));
    for (const [k, v] of Object.entries(env())) vi.stubEnv(k, v);
    vi.stubEnv('DATABASE_URL', t.config.kind === 'sqlite' ? `sqlite:${t.config.file}` : t.config.url);
  }, 120_000);
  afterAll(async () => {
    vi.unstubAllEnvs();
    await stopChannelsDemo();
    expect(simulationNotice()).toBeNull();
    await booted?.database.close();
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const db = () => booted.database.db;

  /** Taps "Tulis kabar", adds a photo, publishes; returns the content item's id. */
  /** Where the last publish led: the done page. */
  let lastDone = '';
  async function publishWithPhoto(s: Session, title: string, seed: number): Promise<string> {
    const made = await s.post('/admin/unit/bacang/tulis', { template: 'kegiatan' });
    const draftId = /\/kabar\/([a-z0-9]+)$/.exec(made.headers.get('location') ?? '')![1]!;
    const photo = await noisyPhoto(640 + seed, 480);
    const up = await client.request(`/admin/unit/bacang/kabar/${draftId}/foto`, {
      method: 'POST', cookie: s.cookie, body: new Uint8Array(photo),
      headers: { 'x-csrf-token': s.csrf, 'content-type': 'image/jpeg', 'x-file-name': 'foto.jpg', 'content-length': String(photo.length) },
    });
    const mediaId = ((await up.json()) as { mediaId: string }).mediaId;
    const res = await s.post(`/admin/unit/bacang/kabar/${draftId}`, {
      action: 'publish', title, body: `${title}. Warga bergotong royong membersihkan lingkungan.`, photos_shown: '1', tiktok_privacy: 'SELF_ONLY', photo: mediaId, [`alt:${mediaId}`]: 'Warga bekerja bakti',
    });
    expect(res.status, `publish "${title}"`).toBe(303);
    lastDone = res.headers.get('location') ?? '';
    return (await db().selectFrom('composer_drafts').select('content_id').where('id', '=', draftId).executeTakeFirstOrThrow()).content_id!;
  }

  const mediaFiles = (): Map<string, string> => {
    const out = new Map<string, string>();
    const walk = (d: string) => {
      for (const name of readdirSync(d)) {
        const p = path.join(d, name);
        if (statSync(p).isDirectory()) walk(p);
        else out.set(path.relative(mediaDir, p), createHash('sha256').update(readFileSync(p)).digest('hex'));
      }
    };
    walk(mediaDir);
    return out;
  };

  it('loads the demo on the empty database and marks it; a second start loads nothing more', async () => {
    const demoUsers = await db().selectFrom('users').select('id').where('is_demo', '=', 1).execute();
    expect(demoUsers.length).toBeGreaterThan(40);
    expect(await db().selectFrom('users').select('id').where('is_demo', '=', 0).execute()).toEqual([]);
    expect((await db().selectFrom('monitor_observations').select('id').where('is_demo', '=', 0).execute()).length).toBe(0);
    expect((await db().selectFrom('monitor_observations').select('id').where('is_demo', '=', 1).execute()).length).toBeGreaterThan(100);
    const before = await dumpTables(db());
    const again = await bootstrap(config, systemClock, logger);
    try {
      expect(again.demoLogins.length).toBe(demoUsers.length);
      const after = await dumpTables(again.database.db);
      for (const table of ['users', 'content_items', 'profile_sections', 'monitor_observations', 'compliance_verdicts', 'web_presences']) {
        expect(after[table], table).toEqual(before[table]);
      }
    } finally {
      await again.database.close();
    }
  });

  it('removes every demo account, post, photo, channel and simulated history, and leaves the real ones byte-identical', async () => {
    // Demo use: a demo operator publishes with a photo (to the simulated channels too).
    const demoOp = await client.loginAs('operator.bacang');
    const demoPost = await publishWithPhoto(demoOp, 'Kerja bakti contoh dari akun demo', 1);
    // The simulated platforms are never silent (issue 13 point 2): start-up says so, and the done
    // page and the post's deliveries label every simulated account "simulasi".
    expect(simulationNotice()).toMatch(/^Media sosial disimulasikan: /);
    for (const page of [lastDone, `/admin/unit/bacang/kiriman/${encodeURIComponent(demoPost)}`]) {
      const html = await (await demoOp.get(page)).text();
      const accounts = [...html.matchAll(/<span class="handle">@[^<]+<\/span>\s*(<span class="badge">simulasi<\/span>)?/g)];
      expect(accounts.length, page).toBe(3);
      expect(accounts.filter((a) => a[1]).length, page).toBe(3);
    }
    // A real account made by the (demo) admin, and its first post with a photo.
    const admin = await client.loginAs('admin');
    const bacang = (await db().selectFrom('units').select('id').where('slug', '=', 'bacang').executeTakeFirstOrThrow()).id;
    const made = await admin.post('/admin/pengguna/baru', { username: 'sari.bacang', displayName: 'Sari Operator Bacang', role: 'operator', unitIds: bacang, password: 'sementara sekali' });
    expect(made.status).toBe(303);
    const real = await client.loginAs('sari.bacang', 'sementara sekali');
    expect((await real.post('/admin/akun/sandi', { current: 'sementara sekali', next: 'lempah kuning bacang', confirm: 'lempah kuning bacang' })).status).toBeLessThan(400);
    const realPost = await publishWithPhoto(real, 'Posyandu Melati buka Sabtu ini', 2);

    const demoPostRow = await db().selectFrom('content_items').select(['slug', 'cover_media_id']).where('id', '=', demoPost).executeTakeFirstOrThrow();
    const demoItem = await db().selectFrom('content_items').select(['kind', 'slug']).where('is_demo', '=', 1).where('unit_id', '=', bacang).executeTakeFirstOrThrow();
    const realPostRow = await db().selectFrom('content_items').select(['kind', 'slug']).where('id', '=', realPost).executeTakeFirstOrThrow();
    expect((await db().selectFrom('deliveries').select('id').execute()).length).toBeGreaterThan(0);
    const demoFiles = (await db().selectFrom('media').select('variants').where('id', '=', demoPostRow.cover_media_id!).executeTakeFirstOrThrow()).variants;
    const before = await dumpTables(db());
    const filesBefore = mediaFiles();

    // Counting first changes nothing.
    const lines: string[] = [];
    expect(await runCli(['demo', 'remove'], (l) => lines.push(l))).toBe(0);
    expect(lines[0]).toMatch(/^Akan dihapus: \d+ akun demo/);
    expect(await dumpTables(db())).toEqual(before);

    lines.length = 0;
    expect(await runCli(['demo', 'remove', '--yes'], (l) => lines.push(l))).toBe(0);
    expect(lines[0]).toMatch(/^Dihapus: \d+ akun demo/);
    const after = await dumpTables(db());

    // Nothing real changed: every row left is exactly as it was (the audit log gains the removal).
    for (const [table, rows] of Object.entries(after)) {
      const was = new Set(before[table]);
      const changed = rows.filter((r) => !was.has(r));
      if (table === 'audit_log') expect(changed.map((r) => JSON.parse(r).action)).toEqual(['demo.remove']);
      else expect(changed, `rows of ${table} that are new or changed`).toEqual([]);
    }
    for (const table of ['units', 'service_catalogue', 'unit_services', 'composer_settings', 'compliance_rules', 'reminder_rules']) {
      expect(after[table], table).toEqual(before[table]);
    }
    // The real account and post are there; every demo mark is gone.
    expect((await db().selectFrom('users').select('username').execute()).map((u) => u.username)).toEqual(['sari.bacang']);
    expect(await db().selectFrom('content_items').select('id').execute()).toEqual([{ id: realPost }]);
    for (const table of ['profile_sections', 'media', 'web_presences', 'monitor_observations', 'monitor_daily', 'compliance_verdicts'] as const) {
      expect((await db().selectFrom(table).select('is_demo').where('is_demo', '=', 1).execute()).length, table).toBe(0);
    }
    expect(await db().selectFrom('channel_accounts').select('id').execute()).toEqual([]);
    expect(await db().selectFrom('deliveries').select('id').execute()).toEqual([]);
    expect(await db().selectFrom('sessions').innerJoin('users', 'users.id', 'sessions.user_id').select('users.username').distinct().execute()).toEqual([{ username: 'sari.bacang' }]);

    // Files: the demo photo's are gone, every other file is byte-identical.
    const filesAfter = mediaFiles();
    for (const v of JSON.parse(demoFiles) as { key: string }[]) expect(filesAfter.has(v.key), v.key).toBe(false);
    for (const [file, hash] of filesAfter) expect(filesBefore.get(file), file).toBe(hash);
    const realMedia = await db().selectFrom('media').select('variants').execute();
    expect(realMedia).toHaveLength(1);
    for (const v of JSON.parse(realMedia[0]!.variants) as { key: string }[]) expect(filesAfter.get(v.key), v.key).toBe(filesBefore.get(v.key));

    // Restarted with demo off: no demo account signs in, no demo content is served.
    const off = { ...config, demo: false };
    const restarted = appClient(createApp(withServices({ db: db(), dialect: booted.database.dialect, config: off, clock: systemClock, logger })));
    await expect(restarted.loginAs('operator.bacang')).rejects.toThrow(/failed: 401/);
    await expect(restarted.loginAs('admin')).rejects.toThrow(/failed: 401/);
    const me = await restarted.loginAs('sari.bacang', 'lempah kuning bacang');
    expect((await me.get('/admin/unit/bacang')).status).toBe(200);
    const home = await (await restarted.request('/bacang')).text();
    expect(home).not.toContain('Contoh isi (demo)');
    expect(home).toContain('Posyandu Melati buka Sabtu ini');
    expect(home).not.toContain('Kerja bakti contoh dari akun demo');
    expect((await restarted.request(`/bacang/${demoItem.kind}/${demoItem.slug}`)).status).toBe(404);
    expect((await restarted.request(`/bacang/berita/${demoPostRow.slug}`)).status).toBe(404);
    expect((await restarted.request(`/bacang/${realPostRow.kind}/${realPostRow.slug}`)).status).toBe(200);
    // And a start in demo mode is now refused: the database holds a real account.
    await expect(bootstrap(config, systemClock, logger)).rejects.toThrow(StartupError);
  });
});
