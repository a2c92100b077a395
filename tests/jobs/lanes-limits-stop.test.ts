import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmbeddedQueue } from '../../src/jobs/embedded-queue.js';
import type { WorkOptions } from '../../src/jobs/queue.js';
import { FixedClock } from '../../src/shared/clock.js';
import { createTestDb, testEngine, type TestDb } from '../support/test-db.js';

// Issue 16.7 on the embedded queue: a long job holds only its own slot (lanes, and per-name
// concurrency inside a lane), a run past its time limit is stopped and retried later, and stop()
// hands unfinished work back within its grace instead of waiting for it.

const opts = (lane: WorkOptions['lane'], extra: Partial<WorkOptions> = {}): WorkOptions => ({
  lane,
  timeoutMs: 60_000,
  retry: { limit: 2, delayMs: 1_000, backoff: 'exponential' },
  ...extra,
});

const until = async (check: () => boolean | Promise<boolean>, ms = 5_000) => {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 5));
  }
  return false;
};

describe(`embedded queue lanes, time limits and stop on ${testEngine()}`, () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(async () => t.close());

  it('runs a due job of the same lane and of another lane while a long batch holds its slot', async () => {
    const clock = new FixedClock('2026-11-28T01:00:00Z');
    const q = new EmbeddedQueue(t.db, { clock, pollIntervalMs: 5 });
    let releaseBatch!: () => void;
    const batchHeld = new Promise<void>((r) => (releaseBatch = r));
    const ran: string[] = [];
    await q.work('lane1.batch', async () => {
      ran.push('batch:start');
      await batchHeld;
      ran.push('batch:end');
    }, opts('publishing'));
    await q.work('lane1.due-post', async () => void ran.push('due-post'), opts('publishing'));
    await q.work('lane1.recheck', async () => void ran.push('recheck'), opts('monitoring'));
    await q.send('lane1.batch', {});
    await q.start();
    expect(await until(() => ran.includes('batch:start'))).toBe(true);
    await q.send('lane1.due-post', {});
    await q.send('lane1.recheck', {});
    // Both run while the batch is still going.
    expect(await until(() => ran.includes('due-post') && ran.includes('recheck'))).toBe(true);
    expect(ran).not.toContain('batch:end');
    // A second batch does not start beside the first: one run of a name at a time.
    await q.send('lane1.batch', {});
    await new Promise((r) => setTimeout(r, 50));
    expect(ran.filter((r) => r === 'batch:start')).toHaveLength(1);
    releaseBatch();
    expect(await until(() => ran.filter((r) => r === 'batch:end').length === 2)).toBe(true);
    await q.stop();
  });

  it('stops a run that passes its time limit (its signal aborts) and retries it later', async () => {
    const clock = new FixedClock('2026-11-28T02:00:00Z');
    const q = new EmbeddedQueue(t.db, { clock, pollIntervalMs: 0 });
    const signals: AbortSignal[] = [];
    let calls = 0;
    await q.work('limit.slow', async (job) => {
      calls++;
      signals.push(job.signal);
      if (calls === 1) await new Promise(() => {}); // hangs and ignores its signal
    }, opts('media', { timeoutMs: 40 }));
    const id = (await q.send('limit.slow', {}))!;
    expect(await q.runDue()).toBe(1);
    expect(signals[0]!.aborted).toBe(true);
    const row = await t.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.state).toBe('retry');
    expect(row.last_error).toMatch(/time limit/);
    expect(row.run_at).toBe('2026-11-28T02:00:01.000Z');
    clock.advance(1_000);
    await q.runDue();
    expect(calls).toBe(2);
    expect((await t.db.selectFrom('jobs').select('state').where('id', '=', id).executeTakeFirstOrThrow()).state).toBe('completed');
  });

  it('tells the declaration once the last retry failed', async () => {
    const clock = new FixedClock('2026-11-28T03:00:00Z');
    const q = new EmbeddedQueue(t.db, { clock, pollIntervalMs: 0 });
    const told: Array<{ attempt: number; message: string }> = [];
    await q.work('final.fail', async () => {
      throw new Error('always');
    }, opts('maintenance', { retry: { limit: 1, delayMs: 100, backoff: 'fixed' }, onFinalFailure: async (job, e) => void told.push({ attempt: job.attempt, message: (e as Error).message }) }));
    await q.send('final.fail', {});
    await q.runDue();
    expect(told).toEqual([]);
    clock.advance(100);
    await q.runDue();
    expect(told).toEqual([{ attempt: 2, message: 'always' }]);
  });

  it('stop() returns within its grace although a job hangs, and the next process runs that job again', async () => {
    const clock = new FixedClock('2026-11-28T04:00:00Z');
    const first = new EmbeddedQueue(t.db, { clock, pollIntervalMs: 5 });
    let started = false;
    let aborted = false;
    await first.work('stop.hang', async (job) => {
      started = true;
      job.signal.addEventListener('abort', () => void (aborted = true));
      await new Promise(() => {});
    }, opts('publishing', { timeoutMs: 10 * 60_000 }));
    const id = (await first.send('stop.hang', { n: 1 }))!;
    await first.start();
    expect(await until(() => started)).toBe(true);
    const t0 = Date.now();
    await first.stop({ graceMs: 100 });
    expect(Date.now() - t0).toBeLessThan(2_000);
    expect(aborted).toBe(true);
    const row = await t.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ state: 'retry', attempts: 0, locked_until: null, run_at: '2026-11-28T04:00:00.000Z' });

    // No new work is taken after stop().
    await first.send('stop.hang', { n: 2 });
    await new Promise((r) => setTimeout(r, 30));
    expect((await t.db.selectFrom('jobs').select('state').where('name', '=', 'stop.hang').execute()).map((r) => r.state).sort()).toEqual(['created', 'retry']);

    const second = new EmbeddedQueue(t.db, { clock, pollIntervalMs: 0 });
    const seen: unknown[] = [];
    await second.work('stop.hang', async (job) => void seen.push({ ...(job.data as object), attempt: job.attempt }), opts('publishing'));
    await second.runDue();
    expect(seen).toEqual(expect.arrayContaining([{ n: 1, attempt: 1 }, { n: 2, attempt: 1 }]));
  });
});
