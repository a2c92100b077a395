import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Cron } from 'croner';
import { type Kysely, sql } from 'kysely';
import { loadConfig } from '../src/config/index.js';
import { openDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import type { DB } from '../src/db/schema/index.js';
import { ensureDemoUsers } from '../src/modules/accounts/index.js';
import { importRegion } from '../src/modules/units/index.js';
import { runRetention } from '../src/main/retention/run-retention.js';
import { ALL_JOBS } from '../src/main/worker.js';
import { FixedClock } from '../src/shared/clock.js';
import type { BenchRow } from './run.js';

// Database size after a simulated year of a 42-kelurahan city (issue 13), with and without the
// retention clean-up, on SQLite. Each simulated day writes what a running Beranda writes:
// - finished jobs: every declared schedule's runs that day (counted from ALL_JOBS' cron
//   expressions) plus one monitoring check per unit per sweep;
// - raw monitoring observations: 2.75 per unit per sweep (the rate the real checks wrote in the
//   demo's twelve weeks: 1,518 for 46 units × 12 sweeps), with the demo's average row sizes;
// - in-app notifications (2 per staff member a week, 70 % read within a day), sessions (one
//   sign-in per staff member a day, 7 days valid), a mistyped password for one in ten of them a
//   day (a login_throttle row, forgotten an hour later) and audit rows for each.
// With retention, the clean-up runs once per simulated day with 24 hourly batches' capacity.
// Sizes are of the database file after a checkpoint; figures taken on a shared, loaded machine.

const DAYS = Number(process.env.RETENTION_BENCH_DAYS ?? 365);
const SWEEPS_PER_DAY = 4;
const OBS_PER_UNIT_SWEEP = 2.75;
const START = Date.parse('2026-01-01T00:00:00Z');
const DAY = 86_400_000;

function jobsPerDay(): number {
  const from = new Date(START + 10 * DAY);
  let n = 0;
  for (const j of ALL_JOBS) {
    if (!j.schedule) continue;
    const cron = new Cron(j.schedule, { timezone: 'Asia/Jakarta' });
    let t: Date | null = from;
    while ((t = cron.nextRun(t)) && t.getTime() < from.getTime() + DAY) n++;
  }
  return n;
}

async function freshDb(dir: string): Promise<{ db: Kysely<DB>; file: string; close: () => Promise<void>; units: string[]; users: string[] }> {
  const file = path.join(dir, 'beranda.db');
  const database = await openDatabase({ kind: 'sqlite', file, url: `sqlite:${file}` });
  await migrateToLatest(database.db);
  const clock = new FixedClock(new Date(START).toISOString());
  await importRegion(database.db, '19.71', clock);
  await ensureDemoUsers(database.db, clock, '19.71');
  const units = (await database.db.selectFrom('units').select('id').where('kind', 'in', ['kelurahan', 'opd']).execute()).map((u) => u.id);
  const users = (await database.db.selectFrom('users').select('id').execute()).map((u) => u.id);
  return { db: database.db, file, close: database.close, units, users };
}

const pad = (n: number) => 'x'.repeat(Math.max(0, Math.round(n)));

async function simulateDay(db: Kysely<DB>, day: number, perDay: number, units: string[], users: string[]): Promise<void> {
  const base = START + day * DAY;
  const at = (ms: number) => new Date(base + ms).toISOString();
  const id = (kind: string, i: number) => `${kind}-${String(day).padStart(3, '0')}-${String(i).padStart(6, '0')}`;
  await db.transaction().execute(async (trx) => {
    const checks = units.length * SWEEPS_PER_DAY;
    const jobs = Array.from({ length: perDay + checks }, (_, i) => {
      const t = (i * DAY) / (perDay + checks);
      return {
        id: id('job', i), name: i < perDay ? 'publishing.run-due' : 'monitoring.check-unit', data: i < perDay ? '{}' : `{"unitId":"${units[i % units.length]}"}`,
        state: 'completed', singleton_key: `slot-${at(t)}`, run_at: at(t), attempts: 1, retry_limit: 3, retry_delay_ms: 5000, last_error: null, locked_until: null,
        created_at: at(t), completed_at: at(t + 900),
      };
    });
    const obs = Array.from({ length: Math.round(checks * OBS_PER_UNIT_SWEEP) }, (_, i) => ({
      id: id('obs', i), unit_id: units[i % units.length]!, kind: ['freshness', 'integrity', 'social_activity'][i % 3]!, url: `https://kelurahan-${i % units.length}.pangkalpinangkota.go.id/`,
      fetched_at: at((i * DAY) / (checks * OBS_PER_UNIT_SWEEP)), source: 'beranda', confidence: 'high', state: 'ok',
      value: `{"state":"ok","items":[],"note":"${pad(i % 3 === 0 ? 380 : i % 3 === 1 ? 60 : 320)}"}`, evidence: `{"codes":["ok"],"n":"${pad(30)}"}`, created_at: at(0),
    }));
    const staff = users.slice(0, 90);
    const notes = day % 7 === 0 || day % 7 === 3
      ? staff.map((u, i) => ({ id: id('note', i), user_id: u, unit_id: null, kind: 'reminder', title: 'Belum ada kabar minggu ini', body: `Kelurahan Anda belum menerbitkan kabar minggu ini. ${pad(80)}`, link: '/admin', created_at: at(3600_000), read_at: i % 10 < 7 ? at(7200_000) : null }))
      : [];
    const sessions = staff.map((u, i) => ({ id: id('sess', i), user_id: u, csrf_token: pad(32), created_at: at(8 * 3600_000), expires_at: at(8 * 3600_000 + 7 * DAY), last_seen_at: at(9 * 3600_000), ip: '10.20.30.40', user_agent: `Mozilla/5.0 (Linux; Android 12) ${pad(60)}` }));
    const typos = staff.filter((_, i) => i % 10 === day % 10).map((_, i) => {
      const address = `10.${day >> 8}.${day & 255}.${i}`;
      return { key: `pair:staff.${i} ${address}`, kind: 'pair', username: `staff.${i}`, address, failures: 1, first_failure_at: at(8 * 3600_000), last_failure_at: at(8 * 3600_000), delay_until: null };
    });
    const audit = staff.map((u, i) => ({ id: id('aud', i), at: at(8 * 3600_000), actor_user_id: u, action: 'login.success', unit_id: null, target: `staff.${i}`, ip: '10.20.30.40', detail: '{}' }));
    for (const [table, rows] of [['jobs', jobs], ['monitor_observations', obs], ['notifications', notes], ['sessions', sessions], ['login_throttle', typos], ['audit_log', audit]] as const) {
      for (let i = 0; i < rows.length; i += 400) await trx.insertInto(table).values(rows.slice(i, i + 400) as never).execute();
    }
  });
}

async function sizeMb(db: Kysely<DB>, file: string): Promise<number> {
  await sql`pragma wal_checkpoint(TRUNCATE)`.execute(db);
  return statSync(file).size / 1024 / 1024;
}

export async function run(): Promise<BenchRow[]> {
  const perDay = jobsPerDay();
  const rows: BenchRow[] = [];
  const config = { ...loadConfig({}).retention };
  const sizes: Record<string, number> = {};
  for (const withRetention of [false, true]) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'beranda-bench-retention-'));
    const d = await freshDb(dir);
    if (!withRetention) rows.push({ name: `finished jobs a day: ${perDay} scheduled runs + a check per unit (${d.units.length}) per sweep`, value: perDay + d.units.length * SWEEPS_PER_DAY, unit: 'jobs' });
    const started = performance.now();
    let cleanupMs = 0;
    try {
      for (let day = 0; day < DAYS; day++) {
        await simulateDay(d.db, day, perDay, d.units, d.users);
        if (withRetention) {
          const t0 = performance.now();
          await runRetention(d.db, new FixedClock(new Date(START + (day + 1) * DAY).toISOString()), { ...config, batch: config.batch * 24 }, dir);
          cleanupMs += performance.now() - t0;
        }
      }
      const label = withRetention ? 'with retention' : 'without retention';
      const mb = await sizeMb(d.db, d.file);
      sizes[label] = mb;
      const count = async (t: keyof DB) => Number((await d.db.selectFrom(t).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
      rows.push({ name: `database after ${DAYS} days, ${label}`, value: mb, unit: 'MB', ...(withRetention ? { budget: '≤ 100 MB', ok: mb <= 100 } : {}) });
      rows.push({ name: `  rows: jobs / observations / notifications (${label})`, value: await count('jobs'), unit: `/ ${(await count('monitor_observations')).toLocaleString('en-US')} / ${(await count('notifications')).toLocaleString('en-US')}` });
      if (withRetention) rows.push({ name: '  clean-up time per simulated day (24 batches)', value: cleanupMs / DAYS, unit: 'ms' });
      rows.push({ name: `  simulation wall time (${label})`, value: (performance.now() - started) / 1000, unit: 's' });
    } finally {
      await d.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return rows;
}
