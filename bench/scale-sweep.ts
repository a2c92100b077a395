import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { migrateToLatest } from '../src/db/migrate.js';
import { openDatabase } from '../src/db/database.js';
import { simulatedName, simulatedSite } from '../src/fakes/fleet/simulated.js';
import { PgBossQueue } from '../src/jobs/pg-boss-queue.js';
import { newId } from '../src/shared/ids.js';
import { postgresAdmin } from '../tests/support/postgres-admin.js';
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { flag, listFlag } from './_flags.js';
import { cpuSeconds } from './_render-cpu.js';
import type { BenchRow } from './run.js';

// Issue 18: a monitoring sweep of N simulated kelurahan sites (the local fleet fake, in its own
// process) by two worker processes on PostgreSQL, through the production jobs: the sweep job
// records the sweep and queues batches of 25, both workers take them. Printed: the time from
// queuing the sweep to its finished_at, per size, as the fleet grows from 8,496 to 83,762.
// Budget: ≤ 10 minutes at 83,762. Needs TEST_DATABASE_URL (a throwaway PostgreSQL server).
// The crawler keeps the production limits (1 s between requests to a host, 15 s per request),
// and 1 site in 100 is refused and 1 in 100 silent (hung), so the sweep's retry policy
// (decision 0015: a quick first look, one full look in a follow-up batch) is what is timed.
// Each size adds units to the same database and runs one sweep over all of them.
//   npm run bench -- scale-sweep --sizes=300,600   (smaller, for a quick look)
//   SWEEP_CPU_PROF=/tmp/prof npm run bench -- scale-sweep …   (each worker writes a V8 CPU profile there)

const LIMIT_MS = 30 * 60_000;

/** The machine's busy CPU seconds so far, all cores (Linux /proc/stat: user+nice+system+irq+softirq+steal). */
function machineBusySeconds(): number {
  const f = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  return (f[0]! + f[1]! + f[2]! + f[5]! + f[6]! + f[7]!) / 100;
}

export async function run(): Promise<BenchRow[]> {
  if (!process.env.TEST_DATABASE_URL) return [{ name: 'scale-sweep needs TEST_DATABASE_URL (PostgreSQL)', value: NaN, unit: '', ok: false }];
  const sizes = listFlag('sizes', [8_496, 20_000, 41_881, 83_762]);
  // Sites each worker checks at once (MONITOR_SWEEP_SITES): with the production politeness a
  // site takes ~8 s, so 83,762 in 10 min with 2 workers needs ~560 each (docs/deploy.md §11).
  const sitesAtOnce = flag('sweep-sites', 600);
  const name = `beranda_bench_sweep_${process.pid}`;
  const url = await postgresAdmin(`create database ${name}`, name);
  const children: ChildProcess[] = [];
  const rows: BenchRow[] = [];
  const database = await openDatabase({ kind: 'postgres', url });
  const boss = new PgBossQueue(url);
  try {
    await migrateToLatest(database.db);
    const fleet = fork(fileURLToPath(new URL('../src/fakes/fleet/serve-simulated.ts', import.meta.url)), ['--silent'], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
    children.push(fleet);
    const ports = await new Promise<{ port: number; closedPort: number }>((resolve) => fleet.once('message', (m) => resolve(m as { port: number; closedPort: number })));
    const siteUrl = (n: string) => `http://${n}.test:${simulatedSite(n)?.scheme === 'closed' ? ports.closedPort : ports.port}/`;
    const env = { ...process.env, DATABASE_URL: url, BERANDA_SECRET: 's'.repeat(40), BERANDA_DEMO: '0', LOG_LEVEL: 'warn', MONITOR_ALLOW: '127.0.0.0/8,.test', MONITOR_SWEEP_SITES: String(sitesAtOnce) };
    for (let w = 0; w < 2; w++) {
      const child = fork(fileURLToPath(new URL('./_sweep-worker.ts', import.meta.url)), [], { execArgv: ['--import', 'tsx', ...(process.env.SWEEP_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.SWEEP_CPU_PROF}`] : [])], env, stdio: 'inherit' });
      children.push(child);
      await new Promise<void>((resolve, reject) => {
        child.once('message', () => resolve());
        child.once('exit', (code) => reject(new Error(`sweep worker ended (${code})`)));
      });
    }
    await boss.start();
    let have = 0;
    const times: number[] = [];
    for (const n of sizes) {
      const now = new Date().toISOString();
      for (let i = have + 1; i <= n; i += 500) {
        const ids = Array.from({ length: Math.min(500, n - i + 1) }, (_, k) => simulatedName(i + k));
        await database.db.insertInto('units').values(ids.map((id) => ({ id, code: null, kind: 'kelurahan' as const, name: id, slug: id, parent_id: null, region_code: '19.71', settings: '{}', is_demo: 0, created_at: now, updated_at: now }))).execute();
        await database.db
          .insertInto('web_presences')
          .values(ids.map((id) => ({ id: newId(), unit_id: id, kind: 'website' as const, url: siteUrl(id), platform: null, handle: null, source: 'bench', active: 1, presence_key: `${id}|website`, created_at: now, updated_at: now })))
          .execute();
      }
      have = n;
      // Where the CPU goes (issue 18: on one small machine the sweep is bound by CPU, not waits):
      // the two workers, the fleet fake, and the rest — PostgreSQL, this bench, anything else.
      const cpuOf = (pids: (number | undefined)[]): number => pids.reduce<number>((a, pid) => a + (pid ? cpuSeconds(pid) : 0), 0);
      const workerPids = children.slice(1).map((c) => c.pid);
      const cpu0 = { workers: cpuOf(workerPids), fleet: cpuOf([fleet.pid]), machine: machineBusySeconds() };
      const t0 = performance.now();
      await boss.send('monitoring.sweep', {});
      let sweep;
      while (!(sweep = await database.db.selectFrom('monitor_sweeps').selectAll().where('finished_at', 'is not', null).where('started_at', '>=', now).executeTakeFirst())) {
        if (performance.now() - t0 > LIMIT_MS) throw new Error(`sweep of ${n} not finished within ${LIMIT_MS / 60_000} min`);
        await new Promise((r) => setTimeout(r, 500));
      }
      const s = (performance.now() - t0) / 1000;
      times.push(s);
      const cpu = { workers: cpuOf(workerPids) - cpu0.workers, fleet: cpuOf([fleet.pid]) - cpu0.fleet, machine: machineBusySeconds() - cpu0.machine };
      const last = n === sizes[sizes.length - 1];
      const label = `${Number(sweep.expected).toLocaleString('en-US')} units`;
      rows.push({ name: `sweep of ${n.toLocaleString('en-US')} sites, 2 workers (${label}, ${sweep.batches} batches)`, value: s, unit: 's', ...(last && n >= 83_762 ? { budget: '≤ 600 s', ok: s <= 600 } : {}) });
      rows.push({ name: `sweep of ${n.toLocaleString('en-US')} sites: per site (${sitesAtOnce} sites at once per worker)`, value: (s * 1000) / n, unit: 'ms' });
      rows.push({ name: `sweep of ${n.toLocaleString('en-US')} sites: sites per second`, value: n / s, unit: 'sites/s' });
      const perSite = (sec: number) => (sec * 1000) / n;
      rows.push({ name: `sweep of ${n.toLocaleString('en-US')} sites: CPU per site, the 2 workers`, value: perSite(cpu.workers), unit: 'ms' });
      rows.push({ name: `sweep of ${n.toLocaleString('en-US')} sites: CPU per site, the fleet fake`, value: perSite(cpu.fleet), unit: 'ms' });
      rows.push({ name: `sweep of ${n.toLocaleString('en-US')} sites: CPU per site, the rest (PostgreSQL, the bench, other load)`, value: perSite(cpu.machine - cpu.workers - cpu.fleet), unit: 'ms' });
      rows.push({ name: `sweep of ${n.toLocaleString('en-US')} sites: machine busy (${cpus().length} cores)`, value: (100 * cpu.machine) / (s * cpus().length), unit: '%' });
      // What the sweep saw: if the crawler cannot reach the fleet (allow-list), every site is
      // "refused" and the timing measures retry waits, not checks.
      const seen = await database.db.selectFrom('monitor_observations').select(['state', (eb) => eb.fn.countAll<number>().as('n')]).where('kind', '=', 'availability').where('fetched_at', '>=', now).groupBy('state').execute();
      const up = seen.filter((r) => r.state === 'up').reduce((a, r) => a + Number(r.n), 0);
      const all = seen.reduce((a, r) => a + Number(r.n), 0);
      rows.push({ name: `sweep of ${n.toLocaleString('en-US')} sites: availability "up" (fleet reachable)`, value: all ? (100 * up) / all : 0, unit: `% of ${all} (${seen.map((r) => `${r.state} ${r.n}`).join(', ')})`, ok: all > 0 && up / all >= 0.5 });
    }
    if (times.length > 1) rows.push({ name: `growth ${sizes[0]!.toLocaleString('en-US')} → ${sizes[sizes.length - 1]!.toLocaleString('en-US')} sites (time ratio; linear = ${(sizes[sizes.length - 1]! / sizes[0]!).toFixed(1)})`, value: times[times.length - 1]! / times[0]!, unit: '×' });
    return rows;
  } finally {
    for (const c of children) if (c.connected) c.disconnect();
    await Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => { c.once('exit', r); setTimeout(() => { c.kill('SIGKILL'); }, 10_000).unref(); }) : null)));
    await boss.stop({ graceMs: 1_000 }).catch(() => {});
    await database.close();
    await postgresAdmin(`drop database if exists ${name} with (force)`, name);
  }
}
