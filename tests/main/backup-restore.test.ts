import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../../src/db/database.js';
import { runCli } from '../../src/main/cli.js';
import { loadConfig } from '../../src/config/index.js';
import { listFiles, makeBackup } from '../../src/main/backup/make-backup.js';
import { seedSiteDemo } from '../../src/main/demo/site-content.js';
import { ensureDemoUsers } from '../../src/modules/accounts/index.js';
import { importRegion } from '../../src/modules/units/index.js';
import { systemClock } from '../../src/shared/clock.js';
import { createTestDb, testEngine, type TestDb } from '../support/test-db.js';
import { dumpTables } from './support.js';

// Backup and restore (issue 13, point 4): a backup taken while another process keeps writing,
// the data folder wiped, the backup restored into an empty one — and every table row and every
// file is identical to the live data at one moment: the rows the writer made before that moment
// are all there, in pairs, with their files; none after it. The backup waits after its database
// snapshot until the writer has made ten more pairs, so rows and files written during the backup
// (files on disk that the snapshot does not know) happen every run, however loaded the machine.
describe(`backup and restore under write load on ${testEngine()}`, () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'beranda-backup-'));
  const live = path.join(root, 'live');
  const restored = path.join(root, 'restored');
  const archive = path.join(root, 'cadangan.tar');
  let t: TestDb;
  let writer: ChildProcess;
  let restoreUrl: string | null = null;
  const urlOf = (c: TestDb['config']) => (c.kind === 'sqlite' ? `sqlite:${c.file}` : c.url);

  const envFor = (dir: string, databaseUrl: string) => ({
    DATA_DIR: dir, DATABASE_URL: databaseUrl, MEDIA_DIR: path.join(dir, 'media'), PELAYANAN_DIR: path.join(dir, 'pelayanan'), LOG_LEVEL: 'silent',
  });
  const stubEnv = (env: Record<string, string>) => {
    for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
  };

  beforeAll(async () => {
    t = await createTestDb();
    const clock = systemClock;
    await importRegion(t.db, '19.71', clock);
    await ensureDemoUsers(t.db, clock, '19.71');
    await seedSiteDemo(t.db, clock);
    mkdirSync(path.join(live, 'pelayanan', 'permohonan'), { recursive: true });
    writeFileSync(path.join(live, 'pelayanan', 'permohonan', 'ktp-contoh.webp'), Buffer.from('berkas warga (contoh)'));
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    if (writer && writer.exitCode === null) writer.kill('SIGTERM');
    await t?.close();
    if (restoreUrl) {
      const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await admin.connect();
      await admin.query(`drop database if exists ${new URL(restoreUrl).pathname.slice(1)} with (force)`);
      await admin.end();
    }
    rmSync(root, { recursive: true, force: true });
  });

  const count = async (table: 'media' | 'audit_log') =>
    Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where('id', 'like', 'load-%').executeTakeFirstOrThrow()).n);

  const hashes = async (dir: string) => {
    const out = new Map<string, string>();
    for (const f of await listFiles(dir)) out.set(f, createHash('sha256').update(readFileSync(path.join(dir, f))).digest('hex'));
    return out;
  };

  it('backs up while another process writes, and restores every row and file of one moment', async () => {
    const env = envFor(live, urlOf(t.config));
    writer = spawn(path.resolve('node_modules/.bin/tsx'), ['tests/main/fixtures/write-load.ts'], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    writer.stdout!.on('data', (d) => (output += String(d)));
    await vi.waitUntil(() => output.includes('ready'), { timeout: 60_000, interval: 50 });

    stubEnv(env);
    const before = await count('audit_log');
    let atSnapshot = 0;
    await makeBackup(loadConfig(), archive, {
      afterSnapshot: async () => {
        atSnapshot = await count('media');
        await vi.waitUntil(async () => (await count('media')) >= atSnapshot + 10, { timeout: 60_000, interval: 20 });
      },
    });
    const during = (await count('audit_log')) - before;

    // The writer kept writing while the backup ran; then it stops and the live data is final.
    // 'close', not 'exit': only then has its last line ("stopped N") been read.
    const closed = new Promise((r) => writer.once('close', r));
    writer.kill('SIGTERM');
    await closed;
    expect(during, 'rows written while the backup ran').toBeGreaterThanOrEqual(10);
    const lines: string[] = [];
    // The command itself makes the same kind of backup and says so in one line.
    expect(await runCli(['backup', path.join(root, 'cli.tar')], (l) => lines.push(l))).toBe(0);
    expect(lines[0]).toMatch(/^Cadangan dibuat: .*cli\.tar \(.* tabel, \d+ baris; \d+ berkas media/);
    // The files of the pairs written after the snapshot, before the folders were listed.
    const laterFiles = async (after: number) =>
      (await t.db.selectFrom('media').select(['id', 'variants']).where('id', 'like', 'load-%').execute())
        .filter((r) => Number(r.id.slice(5)) > after && Number(r.id.slice(5)) <= atSnapshot + 10)
        .flatMap((r) => (JSON.parse(r.variants) as { key: string }[]).map((v) => v.key));
    const liveRows = await dumpTables(t.db);
    const liveMedia = await hashes(path.join(live, 'media'));
    const livePelayanan = await hashes(path.join(live, 'pelayanan'));

    // Wipe: a new, empty data folder (and, on PostgreSQL, a new empty database).
    let target = `sqlite:${path.join(restored, 'beranda.db')}`;
    if (t.config.kind === 'postgres') {
      const name = `beranda_r_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
      const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await admin.connect();
      await admin.query(`create database ${name}`);
      await admin.end();
      const u = new URL(t.config.url);
      u.pathname = `/${name}`;
      target = restoreUrl = u.toString();
    }
    stubEnv(envFor(restored, target));
    lines.length = 0;
    expect(await runCli(['restore', archive], (l) => lines.push(l))).toBe(0);
    expect(lines[0]).toMatch(/^Dipulihkan dari .*cocok dengan cadangan/);
    lines.length = 0;
    expect(await runCli(['restore', archive], (l) => lines.push(l))).toBe(2);
    expect(lines[0]).toMatch(/sudah ada|tidak kosong/);

    const back = await openDatabase(target.startsWith('sqlite:') ? { kind: 'sqlite', file: target.slice(7), url: target } : { kind: 'postgres', url: target });
    try {
      const rows = await dumpTables(back.db);
      expect(Object.keys(rows).sort()).toEqual(Object.keys(liveRows).sort());
      for (const [table, restoredRows] of Object.entries(rows)) {
        if (table === 'media' || table === 'audit_log') {
          const was = new Set(liveRows[table]);
          expect(restoredRows.filter((r) => !was.has(r)), `${table}: rows not identical to live ones`).toEqual([]);
        } else {
          expect(restoredRows, table).toEqual(liveRows[table]);
        }
      }
      // One moment: the writer's numbers 1…k, each with both its rows, nothing after k.
      const seqs = async (table: 'media' | 'audit_log') =>
        (await back.db.selectFrom(table).select('id').where('id', 'like', 'load-%').execute()).map((r) => Number(r.id.slice(5))).sort((a, b) => a - b);
      const media = await seqs('media');
      expect(media.length).toBeGreaterThanOrEqual(20);
      expect(await seqs('audit_log')).toEqual(media);
      expect(media).toEqual(media.map((_, i) => i + 1));
      expect(media.length).toBeLessThan(Number(/stopped (\d+)/.exec(output)![1]));
      expect(media.length).toBeLessThanOrEqual(atSnapshot);

      // Files: every restored file is byte-identical to the live one, every row's file is there.
      const backMedia = await hashes(path.join(restored, 'media'));
      for (const [f, h] of backMedia) expect(liveMedia.get(f), f).toBe(h);
      // Files newer than the snapshot came along as harmless extras (their rows did not).
      const extras = await laterFiles(media.length);
      expect(extras.length).toBeGreaterThan(0);
      for (const key of extras) expect(backMedia.has(key), key).toBe(true);
      for (const r of await back.db.selectFrom('media').select('variants').execute()) {
        for (const v of JSON.parse(r.variants) as { key: string }[]) expect(backMedia.has(v.key), v.key).toBe(true);
      }
      expect(await hashes(path.join(restored, 'pelayanan'))).toEqual(livePelayanan);
    } finally {
      await back.close();
    }
    // A second process (tsx) starts, writes and is waited for: minutes on a loaded two-core machine.
  }, 240_000);
});
