import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BenchRow } from './run.js';
import { load, rssMb, startApp, stop, waitForHttp } from './_support.js';

// Start-up to first response (fresh database: migrate + import + demo; and a warm restart),
// idle memory, and / and /{slug} throughput at 50 connections on loopback.
export async function run(): Promise<BenchRow[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'beranda-bench-'));
  const port = String(39000 + Math.floor(Math.random() * 1000));
  const env = { PORT: port, HOST: '127.0.0.1', DATA_DIR: dir, BERANDA_SECRET: 'b'.repeat(40) };
  const base = `http://127.0.0.1:${port}`;
  const rows: BenchRow[] = [];
  try {
    let child = startApp(env);
    const fresh = await waitForHttp(`${base}/healthz`, 120_000);
    await stop(child);
    rows.push({ name: 'start-up to first response, empty database (migrate, import, demo)', value: fresh, unit: 'ms' });

    // Three restarts, the median reported: on this VM a single start-up ranged 1.9–3.2 s within
    // minutes (a disk flush or another process), and one sample said more about the moment.
    const starts: number[] = [];
    for (let i = 0; i < 3; i++) {
      child = startApp(env);
      starts.push(await waitForHttp(`${base}/healthz`));
      if (i < 2) await stop(child);
    }
    const warm = [...starts].sort((a, b) => a - b)[1]!;
    const all = starts.map((s) => Math.round(s).toLocaleString('en-US')).join(' / ');
    rows.push({ name: `start-up to first response, existing database (median of ${all} ms)`, value: warm, unit: 'ms', budget: '≤ 3000 ms', ok: warm <= 3000 });
    await new Promise((r) => setTimeout(r, 1500));
    rows.push({ name: 'idle memory (RSS) after start', value: rssMb(child.pid!), unit: 'MB', budget: '≤ 250 MB', ok: rssMb(child.pid!) <= 250 });

    for (const [label, p] of [['/', '/'], ['/{slug}', '/bacang']] as const) {
      await load(base + p, { seconds: 1 }); // warm-up
      const r = await load(base + p, { seconds: 5 });
      rows.push({ name: `${label} requests/s at 50 connections`, value: r.rps, unit: 'req/s' });
      rows.push({ name: `${label} p99 latency at 50 connections`, value: r.p99, unit: 'ms' });
      if (r.errors) rows.push({ name: `${label} errors or non-2xx`, value: r.errors, unit: '', ok: false });
    }
    rows.push({ name: 'memory (RSS) after load', value: rssMb(child.pid!), unit: 'MB' });
    await stop(child);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
