import { request as httpRequest } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.js';
import { createAdmin } from '../../src/modules/accounts/index.js';
import { systemClock } from '../../src/shared/clock.js';
import { loadConfig } from '../../src/config/index.js';
import { postgresAdmin } from '../support/postgres-admin.js';
import { type SpawnedServer, spawnServer } from '../support/spawned-server.js';

// Two web processes that share nothing but PostgreSQL (issue 18 point 1: `BERANDA_ROLES=web` on
// two machines behind a load balancer; here two separate `npm start`s on loopback, no cluster
// IPC between them). Both cache /bacang; a post published through web A shows on web B within a
// second, carried by LISTEN/NOTIFY. Runs only against PostgreSQL (*.pg.test.ts).

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

const send = (port: number, p: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) =>
  new Promise<Answer>((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path: p, method: init.method ?? 'GET', agent: false, headers: { connection: 'close', ...init.headers } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(init.body);
  });

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

    const database = await openDatabase(loadConfig(env).database);
    try {
      const made = await createAdmin(database.db, systemClock, { username: 'admin.kota', displayName: 'Admin Kota', password: 'Kunci-rahasia-panjang-2026!', region: loadConfig(env).region, mustChangePassword: false, via: 'cli' });
      expect(made.ok).toBe(true);
    } finally {
      await database.close();
    }
    const cookies = new Map<string, string>();
    const keep = (r: Answer) => {
      for (const line of ([] as string[]).concat(r.headers['set-cookie'] ?? [])) {
        const [pair] = line.split(';');
        const [k, v] = pair!.split('=');
        cookies.set(k!.trim(), v ?? '');
      }
      return r;
    };
    const cookie = () => [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
    const form = (fields: Record<string, string>) => ({ method: 'POST', headers: { cookie: cookie(), 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });

    const loginPage = keep(await send(a.port, '/admin/masuk'));
    expect(keep(await send(a.port, '/admin/masuk', form({ _csrf: csrfOf(loginPage.body), username: 'admin.kota', password: 'Kunci-rahasia-panjang-2026!' }))).status).toBe(303);
    const editor = keep(await send(a.port, '/admin/unit/bacang/konten/baru', { headers: { cookie: cookie() } }));
    expect(editor.status).toBe(200);
    const title = 'Kerja bakti membersihkan saluran air';
    const published = await send(a.port, '/admin/unit/bacang/konten', form({ _csrf: csrfOf(editor.body), kind: 'berita', title, body: 'Minggu pagi, semua RT.', bodyFormat: 'text', status: 'published' }));
    expect(published.status).toBe(303);
    const at = performance.now();
    let lag = Infinity;
    while (performance.now() - at < 5_000) {
      if ((await send(b.port, '/bacang')).body.includes(title)) {
        lag = performance.now() - at;
        break;
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(lag).toBeLessThan(1_000);
  }, 120_000);
});
