import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EmbeddedQueue } from '../../src/jobs/embedded-queue.js';
import { shutdown } from '../../src/main/shutdown.js';
import { FixedClock } from '../../src/shared/clock.js';
import { createTestDb } from '../support/test-db.js';

// Issue 16.7: SIGTERM stops taking work and the process leaves within 30 s, handing unfinished
// jobs back to the queue (today a long batch kept the process alive for over 4 minutes).

const silent = { info: () => {}, error: () => {} };

describe('shutdown', () => {
  it('leaves within the grace while a job hangs, hands the job back, closes server and database', async () => {
    const t = await createTestDb();
    const clock = new FixedClock('2026-11-28T01:00:00Z');
    const q = new EmbeddedQueue(t.db, { clock, pollIntervalMs: 5 });
    let started = false;
    await q.work('batch.hang', async () => {
      started = true;
      await new Promise(() => {});
    }, { lane: 'publishing', timeoutMs: 10 * 60_000, retry: { limit: 3, delayMs: 1000, backoff: 'exponential' } });
    const id = (await q.send('batch.hang', {}))!;
    await q.start();
    while (!started) await new Promise((r) => setTimeout(r, 5));

    const closed: string[] = [];
    const server = { close: (cb?: () => void) => (closed.push('server'), cb?.()), closeIdleConnections: () => closed.push('idle') };
    let code: number | null = null;
    const t0 = Date.now();
    await shutdown({ server, jobs: q, database: { close: async () => void closed.push('database') } }, { logger: silent, graceMs: 150, hardLimitMs: 5_000, exit: (c) => void (code = c) });
    expect(Date.now() - t0).toBeLessThan(2_000);
    expect(code).toBe(0);
    expect(closed).toEqual(expect.arrayContaining(['server', 'idle']));
    expect(closed.at(-1)).toBe('database');
    const row = await t.db.selectFrom('jobs').select(['state', 'attempts']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toEqual({ state: 'retry', attempts: 0 });
    await t.close();
  });

  it('exits anyway at the hard limit when something never stops', async () => {
    let code: number | null = null;
    const t0 = Date.now();
    void shutdown({ jobs: { stop: () => new Promise(() => {}) } }, { logger: silent, graceMs: 50, hardLimitMs: 200, exit: (c) => void (code = c) });
    while (code === null && Date.now() - t0 < 3_000) await new Promise((r) => setTimeout(r, 10));
    expect(code).toBe(1);
    expect(Date.now() - t0).toBeLessThan(1_000);
  });

  it('`npm start` with demo off answers SIGTERM by exiting 0 well within 30 s', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'beranda-stop-'));
    const root = path.resolve(import.meta.dirname, '../..');
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main/start.ts'], {
      cwd: root,
      env: {
        ...process.env,
        BERANDA_DEMO: '0',
        DATA_DIR: dir,
        DATABASE_URL: `sqlite:${dir}/beranda.db`,
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'silent',
        BERANDA_SECRET: 's'.repeat(40),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let out = '';
      child.stdout.on('data', (b) => (out += String(b)));
      child.stderr.on('data', (b) => (out += String(b)));
      const exited = new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
      const t0 = Date.now();
      while (!out.includes('Beranda berjalan') && Date.now() - t0 < 60_000 && child.exitCode === null) await new Promise((r) => setTimeout(r, 50));
      expect(out).toContain('Beranda berjalan');
      const signalled = Date.now();
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(Date.now() - signalled).toBeLessThan(30_000);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);
});
