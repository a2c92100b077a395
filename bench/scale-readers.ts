import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { loadConfig } from '../src/config/index.js';
import { openDatabase } from '../src/db/database.js';
import { postgresAdmin } from '../tests/support/postgres-admin.js';
import { type SpawnedServer, spawnServer } from '../tests/support/spawned-server.js';
import { createCityAdmin, send, signIn } from '../tests/support/spawned-web.js';
import { flag } from './_flags.js';
import type { BenchRow } from './run.js';

// Issue 18: two web processes (BERANDA_ROLES=web, separate `npm start`s) on one PostgreSQL.
// Readers (500 connections, half on each process) read kelurahan home pages for 60 s while 20
// writers publish posts through web A, each then waiting until web B shows its post. Printed:
// reader errors and non-2xx (budget 0), writer errors (0), reader p99, and the invalidation lag
// (publish answered on A → post visible on B), median and worst. Needs TEST_DATABASE_URL.
//   npm run bench -- scale-readers --readers=50 --writers=2 --seconds=10   (a quick look)
// Each writer has kelurahan of its own (42 over 20 writers): a home page lists the 4 newest
// berita, and with writers sharing 8 pages a post was sometimes pushed off by three newer ones
// before B showed it — 11 of ~1,800 publishes counted as "not on B", a fault of the bench.


export async function run(): Promise<BenchRow[]> {
  if (!process.env.TEST_DATABASE_URL) return [{ name: 'scale-readers needs TEST_DATABASE_URL (PostgreSQL)', value: NaN, unit: '', ok: false }];
  const readers = flag('readers', 500);
  const writers = flag('writers', 20);
  const seconds = flag('seconds', 60);
  const name = `beranda_bench_read_${process.pid}`;
  const url = await postgresAdmin(`create database ${name}`, name);
  const dirs = [0, 1].map((i) => mkdtempSync(path.join(os.tmpdir(), `beranda-bench-web${i}-`)));
  const env = { ...process.env, DATABASE_URL: url, PORT: '0', HOST: '127.0.0.1', BERANDA_DEMO: '0', BERANDA_SECRET: 'r'.repeat(40), LOG_LEVEL: 'warn', BERANDA_ROLES: 'web', WEB_PROCESSES: '1' } as Record<string, string>;
  const webs: SpawnedServer[] = [];
  try {
    for (const dir of dirs) webs.push(await spawnServer(['--import', 'tsx', 'src/main/start.ts'], { ...env, DATA_DIR: dir }));
    const [a, b] = webs as [SpawnedServer, SpawnedServer];
    await createCityAdmin(loadConfig(env));
    const admin = await signIn(a.port);
    const units = await openDatabase({ kind: 'postgres', url });
    const slugs = (await units.db.selectFrom('units').select('slug').where('kind', '=', 'kelurahan').orderBy('slug').execute()).map((u) => u.slug);
    await units.close();
    const pages = (await Promise.all(slugs.map(async (s) => ((await send(b.port, `/${s}`)).status === 200 ? `/${s}` : null)))).filter((p): p is string => p !== null);
    if (pages.length === 0) throw new Error('no kelurahan page answers');

    const end = Date.now() + seconds * 1000;
    const lags: number[] = [];
    let writeErrors = 0;
    const writeErrorKinds = new Map<string, number>();
    let published = 0;
    const writer = async (w: number) => {
      for (let i = 0; Date.now() < end; i++) {
        // This writer's own pages (w, w + writers, …); with more writers than pages some share.
        const own = pages.filter((_, k) => k % writers === w % Math.min(writers, pages.length));
        const slug = (own.length ? own : pages)[i % Math.max(1, own.length)]!.slice(1);
        const title = `Kabar ${w}-${i} ${Date.now()}`;
        try {
          const r = await admin.publish(slug, title, 'Isi kabar untuk uji beban.');
          if (r.status !== 303) throw new Error(`publish answered ${r.status}`);
          published++;
          const at = performance.now();
          while (!(await send(b.port, `/${slug}`)).body.includes(title)) {
            if (performance.now() - at > 30_000) throw new Error('not on B within 30 s');
            await new Promise((r) => setTimeout(r, 10));
          }
          lags.push(performance.now() - at);
        } catch (e) {
          writeErrors++;
          const why = e instanceof Error ? e.message : String(e);
          writeErrorKinds.set(why, (writeErrorKinds.get(why) ?? 0) + 1);
        }
      }
    };
    const read = (port: number) =>
      autocannon({ url: `http://127.0.0.1:${port}`, connections: Math.max(1, Math.round(readers / 2)), duration: seconds, requests: pages.map((p) => ({ path: p })) });
    const [ra, rb] = await Promise.all([read(a.port), read(b.port), ...Array.from({ length: writers }, (_, w) => writer(w))]);
    const errors = ra.errors + ra.non2xx + rb.errors + rb.non2xx + ra.timeouts + rb.timeouts;
    lags.sort((x, y) => x - y);
    const label = `${readers} readers, ${writers} writers, ${seconds} s, 2 web processes, PostgreSQL`;
    return [
      { name: `reader errors + non-2xx + timeouts (${label})`, value: errors, unit: 'requests', budget: '0', ok: errors === 0 },
      { name: `writer errors (${label})${writeErrors ? `: ${[...writeErrorKinds].map(([k, n]) => `${n}× ${k}`).join(', ')}` : ''}`, value: writeErrors, unit: `of ${published + writeErrors} publishes`, budget: '0', ok: writeErrors === 0 },
      { name: `reader requests/s, both processes (${label})`, value: ra.requests.average + rb.requests.average, unit: 'req/s' },
      { name: `reader p99 (${label})`, value: Math.max(ra.latency.p99, rb.latency.p99), unit: 'ms' },
      { name: `invalidation lag A → B, median (${lags.length} publishes)`, value: lags[Math.floor(lags.length / 2)] ?? NaN, unit: 'ms' },
      { name: `invalidation lag A → B, worst (${lags.length} publishes)`, value: lags[lags.length - 1] ?? NaN, unit: 'ms', budget: '≤ 1,000 ms', ok: (lags[lags.length - 1] ?? Infinity) <= 1_000 },
    ];
  } finally {
    await Promise.all(webs.map((w) => w.stop()));
    await postgresAdmin(`drop database if exists ${name} with (force)`, name);
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  }
}
