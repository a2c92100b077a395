import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { postgresAdmin } from '../support/postgres-admin.js';
import { type SpawnedServer, spawnServer } from '../support/spawned-server.js';
import { createCityAdmin, msUntilShown, send, signIn } from '../support/spawned-web.js';

// Two web processes that share nothing but PostgreSQL (issue 18 point 1: `BERANDA_ROLES=web` on
// two machines behind a load balancer; here two separate `npm start`s on loopback, no cluster
// IPC between them). Both cache /bacang; a post published through web A shows on web B within a
// second, carried by LISTEN/NOTIFY. Runs only against PostgreSQL (*.pg.test.ts).

describe('two web processes on separate machines, one PostgreSQL', () => {
  const dirs = [mkdtempSync(path.join(os.tmpdir(), 'beranda-a-')), mkdtempSync(path.join(os.tmpdir(), 'beranda-b-'))];
  const pgName = `beranda_m_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  let a: SpawnedServer;
  let b: SpawnedServer;
  let env: Record<string, string>;

  beforeAll(async () => {
    const url = await postgresAdmin(`create database ${pgName}`, pgName);
    env = { ...process.env, DATABASE_URL: url, PORT: '0', HOST: '127.0.0.1', BERANDA_DEMO: '0', BERANDA_SECRET: 'm'.repeat(40), LOG_LEVEL: 'warn', BERANDA_ROLES: 'web', WEB_PROCESSES: '1' } as Record<string, string>;
    // One after the other: the first migrates and imports the region.
    a = await spawnServer(['--import', 'tsx', 'src/main/start.ts'], { ...env, DATA_DIR: dirs[0]! });
    b = await spawnServer(['--import', 'tsx', 'src/main/start.ts'], { ...env, DATA_DIR: dirs[1]! });
  }, 240_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await postgresAdmin(`drop database if exists ${pgName} with (force)`, pgName);
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  }, 60_000);

  it('a post published through web A is on web B’s cached page within a second', async () => {
    // B renders /bacang once, then answers it from its cache (X-Cache: hit).
    expect((await send(b.port, '/bacang')).status).toBe(200);
    expect((await send(b.port, '/bacang')).headers['x-cache']).toBe('hit');

    await createCityAdmin(loadConfig(env));
    const admin = await signIn(a.port);
    const title = 'Kerja bakti membersihkan saluran air';
    expect((await admin.publish('bacang', title, 'Minggu pagi, semua RT.')).status).toBe(303);
    const lag = await msUntilShown(b.port, '/bacang', title);
    expect(lag).toBeLessThan(1_000);
  }, 120_000);
});
