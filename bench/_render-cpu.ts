import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { stop, waitForHttp } from './_support.js';

// CPU time per uncached request (#20 point 4), as the server spends it: the shipped server
// (dist/, PAGE_CACHE=0) answers `count` requests for one page, one after another on one
// keep-alive connection, and the CPU time the server process used (user + system, from
// /proc/<pid>/stat) is divided by `count`. Unlike requests/s this does not depend on what else
// the machine is doing. 2,000 req/s on one core leaves 0.5 ms a request for everything.
//
// By hand, to see where it goes: `node --import tsx bench/_render-cpu.ts <data dir> [--prof]`
// starts the compiled server on <data dir> (the demo city is made on the first start), prints
// the figures for the home page and an article, and with --prof leaves a .cpuprofile in
// <data dir>/prof.

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** CPU seconds used so far by a process (Linux /proc; utime + stime in clock ticks of 1/100 s). */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Server CPU ms per request for `url`, asked `count` times in sequence after a warm-up. */
export async function cpuPerRequest(pid: number, url: string, count = 3000): Promise<number> {
  const once = async () => {
    const r = await fetch(url, { headers: { 'accept-encoding': 'identity' } });
    if (r.status !== 200) throw new Error(`${url}: ${r.status}`);
    await r.arrayBuffer();
  };
  for (let i = 0; i < 300; i++) await once();
  const before = cpuSeconds(pid);
  for (let i = 0; i < count; i++) await once();
  return ((cpuSeconds(pid) - before) * 1000) / count;
}

/** The article the public-pages bench measures: the first on the demo kelurahan's news list. */
export async function firstArticle(base: string): Promise<string> {
  const list = await (await fetch(`${base}/bacang/berita`)).text();
  const article = /href="(\/bacang\/berita\/[a-z0-9-]+)"/.exec(list)?.[1];
  if (!article) throw new Error('no article on /bacang/berita');
  return article;
}

const BARE = `const b = Buffer.from(process.env.BYTES, 'base64');
const s = require('node:http').createServer((q, r) => { r.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': b.length }); r.end(b); });
s.listen(0, '127.0.0.1', () => console.log(s.address().port));`;

async function byHand(dir: string, prof: boolean): Promise<void> {
  const port = 38_000 + Math.floor(Math.random() * 1000);
  const base = `http://127.0.0.1:${port}`;
  const env = { ...process.env, LOG_LEVEL: 'silent', PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dir, BERANDA_SECRET: 'b'.repeat(40), PAGE_CACHE: '0' };
  const args = ['--max-semi-space-size=2', ...(prof ? ['--cpu-prof', `--cpu-prof-dir=${path.join(dir, 'prof')}`] : []), 'dist/main/start.js'];
  const server: ChildProcess = spawn(process.execPath, args, { cwd: ROOT, env, stdio: 'ignore' });
  try {
    await waitForHttp(`${base}/healthz`, 180_000);
    for (const [label, p] of [['home', '/bacang'], ['article', await firstArticle(base)]] as const) {
      const rendered = (await cpuPerRequest(server.pid!, base + p)).toFixed(3);
      // The floor: node:http sending the same bytes.
      const bytes = Buffer.from(await (await fetch(base + p, { headers: { 'accept-encoding': 'identity' } })).arrayBuffer());
      const bare = spawn(process.execPath, ['-e', BARE], { env: { BYTES: bytes.toString('base64') }, stdio: ['ignore', 'pipe', 'ignore'] });
      const bareUrl = await new Promise<string>((resolve) => bare.stdout!.once('data', (d: Buffer) => resolve(`http://127.0.0.1:${d.toString().trim()}/`)));
      const floor = (await cpuPerRequest(bare.pid!, bareUrl)).toFixed(3);
      await stop(bare);
      console.log(`${label}: ${rendered} ms CPU per request (node:http sending the same ${bytes.length} bytes: ${floor} ms)`);
    }
  } finally {
    await stop(server);
  }
}

if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) await byHand(process.argv[2]!, process.argv[3] === '--prof');
