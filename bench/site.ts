import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import zlib from 'node:zlib';
import { load } from './_support.js';
import type { BenchRow } from './run.js';

// Public site budgets (issue 3): page weight of home and article (HTML+CSS+JS with brotli, the
// CSS is inlined and there is no JS), and requests/s + p99 at 50 connections on loopback for
// home and article, with the page cache on and off, beside a bare node:http server returning
// the same bytes. Every server runs in its own child process so the load generator does not
// share its event loop; this file doubles as that child (`--serve`).

const SELF = fileURLToPath(import.meta.url);
const ROUNDS = 3;

type Measured = { rps: number; p99: number; errors: number };
/** Median requests/s and p99 of several runs; errors add up. */
function median(runs: Measured[]): Measured {
  const mid = (xs: number[]) => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
  return { rps: mid(runs.map((r) => r.rps)), p99: mid(runs.map((r) => r.p99)), errors: runs.reduce((n, r) => n + r.errors, 0) };
}

export async function run(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'beranda-bench-site-'));
  const children: ChildProcess[] = [];
  try {
    const cached = await child(['--serve', 'cached', path.join(tmp, 'a.db')], children);
    const article = await firstArticle(cached.url);
    const pages: [string, string][] = [['home', '/bacang'], ['article', article]];

    for (const [label, p] of pages) {
      const html = await (await fetch(cached.url + p)).text();
      const external = (html.match(/<script[^>]+src=|<link[^>]+rel="stylesheet"/g) ?? []).length;
      const br = zlib.brotliCompressSync(html, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } }).length;
      rows.push({ name: `${label} page weight (HTML+CSS+JS, brotli; ${external} external CSS/JS files)`, value: br / 1024, unit: 'KB', budget: '≤ 15 KB', ok: br <= 15 * 1024 && external === 0 });
    }

    const uncached = await child(['--serve', 'uncached', path.join(tmp, 'b.db')], children);
    const full = await child(['--serve', 'app', path.join(tmp, 'c.db')], children);
    for (const [label, p] of pages) {
      const bytes = Buffer.from(await (await fetch(cached.url + p)).arrayBuffer());
      const file = path.join(tmp, `${label}.html`);
      writeFileSync(file, bytes);
      const bare = await child(['--bare', file], children);
      // This VM's speed drifts by a third over seconds, so one 5 s run per server compared
      // servers measured at different moments. Each server is measured in ROUNDS interleaved
      // 3 s runs (after a 1 s warm-up) and its median is reported.
      const servers = [bare.url + '/', cached.url + p, uncached.url + p, full.url + p];
      for (const url of servers) await load(url, { seconds: 1 });
      const runs: Measured[][] = servers.map(() => []);
      for (let round = 0; round < ROUNDS; round++) {
        for (const [i, url] of servers.entries()) runs[i]!.push(await load(url, { seconds: 3 }));
      }
      const [b, c, u, a] = runs.map(median) as [Measured, Measured, Measured, Measured];
      rows.push({ name: `${label}: bare node:http, same bytes`, value: b.rps, unit: 'req/s' });
      rows.push({ name: `${label}: cached (site router) req/s`, value: c.rps, unit: 'req/s', budget: `≥ 0.7× bare (${Math.round(0.7 * b.rps)})`, ok: c.rps >= 0.7 * b.rps && c.errors === 0 });
      rows.push({ name: `${label}: cached p99`, value: c.p99, unit: 'ms' });
      rows.push({ name: `${label}: uncached (site router) req/s`, value: u.rps, unit: 'req/s', budget: `≥ 0.15× bare (${Math.round(0.15 * b.rps)})`, ok: u.rps >= 0.15 * b.rps && u.errors === 0 });
      rows.push({ name: `${label}: uncached p99`, value: u.p99, unit: 'ms' });
      rows.push({ name: `${label}: cached through the whole app (logging, security headers) req/s`, value: a.rps, unit: 'req/s' });
      rows.push({ name: `${label}: whole app p99`, value: a.p99, unit: 'ms' });
      bare.proc.kill('SIGTERM');
    }
  } finally {
    for (const c of children) c.kill('SIGTERM');
    rmSync(tmp, { recursive: true, force: true });
  }
  return rows;
}

async function firstArticle(base: string): Promise<string> {
  const list = await (await fetch(`${base}/bacang/berita`)).text();
  const m = /href="(\/bacang\/berita\/[a-z0-9-]+)"/.exec(list);
  if (!m) throw new Error('no article on /bacang/berita');
  return m[1]!;
}

function child(args: string[], all: ChildProcess[]): Promise<{ url: string; proc: ChildProcess }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', SELF, ...args], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, LOG_LEVEL: 'silent' } });
    all.push(proc);
    let out = '';
    proc.stdout!.on('data', (d) => {
      out += d;
      const m = /listening (\d+)/.exec(out);
      if (m) resolve({ url: `http://127.0.0.1:${m[1]}`, proc });
    });
    proc.once('exit', (code) => reject(new Error(`bench child ${args.join(' ')} exited ${code}`)));
  });
}

// ---- child side ------------------------------------------------------------------------------

async function serveSite(mode: 'cached' | 'uncached' | 'app', file: string): Promise<void> {
  const [{ serve }, { Hono }, pino, { openDatabase }, { migrateToLatest }, { importRegion }, { seedSiteDemo }, { systemClock }, { siteRoutes }, { createApp }, { loadConfig }, { composeServices }] = await Promise.all([
    import('@hono/node-server'), import('hono'), import('pino'), import('../src/db/database.js'), import('../src/db/migrate.js'),
    import('../src/modules/units/index.js'), import('../src/main/demo/site-content.js'), import('../src/shared/clock.js'),
    import('../src/web/site/routes.js'), import('../src/web/app.js'), import('../src/config/index.js'), import('../src/main/compose.js'),
  ]);
  const database = await openDatabase({ kind: 'sqlite', file, url: `sqlite:${file}` });
  await migrateToLatest(database.db);
  await importRegion(database.db, '19.71', systemClock);
  await seedSiteDemo(database.db, systemClock);
  const config = { ...loadConfig({ BERANDA_SECRET: 'b'.repeat(40), LOG_LEVEL: 'silent' }), publicUrl: 'http://127.0.0.1' };
  const services = composeServices({ db: database.db, clock: systemClock, config });
  const deps = { db: database.db, dialect: database.dialect, config, clock: systemClock, logger: pino.default({ level: 'silent' }), services };
  let fetchFn: (r: Request) => Response | Promise<Response>;
  if (mode === 'app') fetchFn = createApp(deps).fetch;
  else {
    const app = new Hono();
    app.route('/', siteRoutes(deps, { cache: mode === 'cached' }));
    fetchFn = app.fetch;
  }
  serve({ fetch: fetchFn, port: 0, hostname: '127.0.0.1' }, (info) => process.stdout.write(`listening ${info.port}\n`));
}

async function serveBare(file: string): Promise<void> {
  const http = await import('node:http');
  const { readFileSync } = await import('node:fs');
  const body = readFileSync(file);
  http
    .createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': body.length });
      res.end(body);
    })
    .listen(0, '127.0.0.1', function (this: import('node:net').Server) {
      process.stdout.write(`listening ${(this.address() as import('node:net').AddressInfo).port}\n`);
    });
}

if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) {
  const [flag, a, b] = process.argv.slice(2);
  if (flag === '--serve') await serveSite(a as 'cached', b!);
  else if (flag === '--bare') await serveBare(a!);
}
