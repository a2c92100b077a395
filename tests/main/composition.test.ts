import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { ON_DEMAND_JOBS } from '../../src/jobs/job-names.js';
import { type JobQueue, LANES, type WorkOptions } from '../../src/jobs/queue.js';
import { composeServices } from '../../src/main/compose.js';
import { CHECK_UNIT_JOB } from '../../src/modules/monitoring/index.js';
import { ALL_JOBS, registerJobs } from '../../src/main/worker.js';
import { FixedClock } from '../../src/shared/clock.js';
import { createTestDb } from '../support/test-db.js';

// Issue 19.1: the worker is composed in src/main without the web (only web.ts mounts the app),
// and every job is declared once with its lane, limit, retries and final-failure rule.

const root = path.resolve(import.meta.dirname, '../..');
const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? filesUnder(p) : /\.tsx?$/.test(f) ? [p] : [];
  });
const importsOf = (file: string) =>
  [...readFileSync(file, 'utf8').matchAll(/(?:from\s+|import\s*\(\s*)['"]([^'"]+)['"]/g)].map((m) => path.resolve(path.dirname(file), m[1]!));

describe('composition in src/main', () => {
  it('no file of src/main imports src/web except web.ts, which mounts the app', () => {
    const web = path.join(root, 'src/web');
    const offenders = filesUnder(path.join(root, 'src/main'))
      .filter((f) => path.basename(f) !== 'web.ts' || path.dirname(f) !== path.join(root, 'src/main'))
      .flatMap((f) => importsOf(f).filter((i) => i.startsWith(web + path.sep)).map((i) => `${path.relative(root, f)} → ${path.relative(root, i)}`));
    expect(offenders).toEqual([]);
  });

  it('sends from the web use the declared names of on-demand jobs', () => {
    const literalSends = filesUnder(path.join(root, 'src/web')).flatMap((f) =>
      [...readFileSync(f, 'utf8').matchAll(/jobs\??\.send\(\s*['"`]([^'"`]+)/g)].map((m) => `${path.relative(root, f)}: ${m[1]}`),
    );
    expect(literalSends).toEqual([]);
    const declared = new Set(ALL_JOBS.map((j) => j.name));
    for (const name of [...Object.values(ON_DEMAND_JOBS), CHECK_UNIT_JOB]) expect(declared.has(name), name).toBe(true);
  });

  it('declares every job once, each with a lane, a time limit, retries with backoff and a final-failure rule', () => {
    const names = ALL_JOBS.map((j) => j.name);
    expect(new Set(names).size).toBe(names.length);
    for (const j of ALL_JOBS) {
      expect(LANES, j.name).toContain(j.lane);
      expect(j.timeoutMs, j.name).toBeGreaterThan(0);
      expect(j.retry.limit, j.name).toBeGreaterThanOrEqual(0);
      expect(['exponential', 'fixed'], j.name).toContain(j.retry.backoff);
      expect(j.onFinalFailure, j.name).toBeDefined();
    }
    // The lanes the issue names each have their jobs; scheduled publishing is not alone with the batch.
    const laneOf = Object.fromEntries(ALL_JOBS.map((j) => [j.name, j.lane]));
    expect(laneOf['composer.publish-due']).toBe('publishing');
    expect(laneOf[ON_DEMAND_JOBS.runDeliveries]).toBe('publishing');
    expect(laneOf['monitoring.sweep']).toBe('monitoring');
    expect(laneOf['reminders.run']).toBe('reminders');
    expect(laneOf[ON_DEMAND_JOBS.makeAvif]).toBe('media');
  });

  it('the worker registers each declaration with the queue as declared, schedules in WIB', async () => {
    const t = await createTestDb();
    try {
      const clock = new FixedClock('2026-11-28T01:00:00Z');
      const config = loadConfig({ BERANDA_SECRET: 'x'.repeat(40), LOG_LEVEL: 'silent' });
      const work = new Map<string, WorkOptions>();
      const schedules = new Map<string, string>();
      const sent: string[] = [];
      const queue: JobQueue = {
        kind: 'embedded',
        start: async () => {},
        stop: async () => {},
        send: async (name) => {
          sent.push(name);
          return null;
        },
        work: async (name, _h, o) => void work.set(name, o as WorkOptions),
        schedule: async (name, cron, _d, tz) => void schedules.set(name, `${cron} ${tz}`),
        unschedule: async () => {},
      };
      await registerJobs({ db: t.db, config, clock, logger: pino({ level: 'silent' }), jobs: queue, services: composeServices({ db: t.db, clock, config }) });
      for (const j of ALL_JOBS) {
        expect(work.get(j.name), j.name).toMatchObject({ lane: j.lane, timeoutMs: j.timeoutMs, retry: j.retry, concurrency: j.concurrency ?? 1 });
        if (j.schedule) expect(schedules.get(j.name)).toBe(`${j.schedule} Asia/Jakarta`);
      }
      expect(sent).toEqual(ALL_JOBS.filter((j) => j.runAtStart).map((j) => j.name));
    } finally {
      await t.close();
    }
  });
});
