import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { postgresAdmin } from '../support/postgres-admin.js';
import { type SpawnedServer, spawnServer } from '../support/spawned-server.js';
import { createCityAdmin, send, signIn } from '../support/spawned-web.js';
import { testEngine } from '../support/test-db.js';

// WEB_PROCESSES=2 (#20 point 3): `npm start` runs two web processes on one port and exactly one
// job worker (the parent), and a publish answered by one web process shows at once on the other's
// cached pages (the cluster adapter of the page-invalidation port). The parent hands each new
// connection to the next web process in turn, so requests on fresh connections reach both.

describe(`two web processes and one job worker (${testEngine()})`, () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'beranda-cluster-'));
  let pgName: string | null = null;
  let server: SpawnedServer;
  let port = 0;
  let env: Record<string, string>;

  /** One request on a connection of its own (so the parent picks the next web process). */
  const get = (p: string) => send(port, p);

  beforeAll(async () => {
    env = { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, BERANDA_DEMO: '0', BERANDA_SECRET: 'p'.repeat(40), LOG_LEVEL: 'info', WEB_PROCESSES: '2' } as Record<string, string>;
    delete env.DATABASE_URL;
    if (testEngine() === 'postgres') {
      pgName = `beranda_w_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
      env.DATABASE_URL = await postgresAdmin(`create database ${pgName}`, pgName);
    }
    server = await spawnServer(['--import', 'tsx', 'src/main/start.ts'], env);
    port = server.port;
  }, 180_000);

  afterAll(async () => {
    await server?.stop();
    if (pgName) await postgresAdmin(`drop database if exists ${pgName} with (force)`, pgName);
    rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  const lines = () => server.output().split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as { msg: string; pid?: number; port?: number });

  it('runs exactly one job worker, in a process that serves no HTTP, and two web processes on the one port', async () => {
    // The server counts as started when its port answers; the second web process's log line, and
    // the worker's (the parent listens before it prepares the job handlers), may still be on their
    // way through the pipe on a loaded machine: wait for both (then count exactly).
    await vi.waitFor(() => {
      expect(lines().filter((l) => l.msg === 'web process listening').length).toBeGreaterThanOrEqual(2);
      expect(lines().filter((l) => l.msg === 'job worker started').length).toBeGreaterThanOrEqual(1);
    }, { timeout: 30_000, interval: 100 });
    const workers = lines().filter((l) => l.msg === 'job worker started');
    const webs = lines().filter((l) => l.msg === 'web process listening');
    expect(workers).toHaveLength(1);
    expect(webs).toHaveLength(2);
    expect(new Set(webs.map((w) => w.pid)).size).toBe(2);
    expect(webs.map((w) => w.pid)).not.toContain(workers[0]!.pid);
    expect(webs.every((w) => w.port === port)).toBe(true);
  });

  it('a publish answered by one web process shows at once on the cached pages of both', async () => {
    // Both processes render /bacang once through the app, then answer it from their page cache
    // (the fast path's answers say X-Cache: hit).
    let rendered = 0;
    for (let i = 0; i < 20 && rendered < 2; i++) if ((await get('/bacang')).headers['x-cache'] !== 'hit') rendered++;
    expect(rendered).toBe(2);
    for (let i = 0; i < 4; i++) expect((await get('/bacang')).headers['x-cache']).toBe('hit');

    // The city's first admin, made the way `beranda users create-admin` does, signs in and publishes.
    await createCityAdmin(loadConfig(env));
    const admin = await signIn(port);
    const title = 'Pasar murah di halaman kantor kelurahan';
    expect((await admin.publish('bacang', title, 'Beras dan minyak goreng.')).status).toBe(303);

    // The other process hears of the change asynchronously (over IPC from the parent, or through
    // PostgreSQL's NOTIFY): within a second (issue 18's bound) both answer the new page…
    await vi.waitFor(async () => {
      for (let i = 0; i < 2; i++) expect((await get('/bacang')).body).toContain(title);
    }, { timeout: 1_000, interval: 25 });
    // …and every answer after that, from either process, is the new page (nothing stale refilled).
    for (let i = 0; i < 6; i++) expect((await get('/bacang')).body).toContain(title);
  }, 120_000);
});
