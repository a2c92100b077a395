import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmbeddedQueue } from '../../src/jobs/embedded-queue.js';
import { FixedClock } from '../../src/shared/clock.js';
import { createTestDb, testEngine, type TestDb } from '../support/test-db.js';

// The embedded queue is Kysely-only, so it is exercised on both engines; in production it is
// used with SQLite, and pg-boss with PostgreSQL (tests/jobs/pg-boss-queue.test.ts).
describe(`embedded queue on ${testEngine()}`, () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(async () => t.close());

  it('runs a job once and records completion', async () => {
    const clock = new FixedClock('2026-11-28T01:00:00Z');
    const q = new EmbeddedQueue(t.db, { clock, pollIntervalMs: 0 });
    const seen: unknown[] = [];
    await q.work('demo.echo', async (job) => void seen.push(job.data));
    await q.send('demo.echo', { n: 1 });
    expect(await q.runDue()).toBe(1);
    expect(await q.runDue()).toBe(0);
    expect(seen).toEqual([{ n: 1 }]);
  });

  it('waits for startAfter and dedupes by singleton key', async () => {
    const clock = new FixedClock('2026-11-28T01:00:00Z');
    const q = new EmbeddedQueue(t.db, { clock, pollIntervalMs: 0 });
    let runs = 0;
    await q.work('demo.later', async () => void runs++);
    expect(await q.send('demo.later', {}, { startAfter: new Date('2026-11-28T02:00:00Z'), singletonKey: 'k1' })).not.toBeNull();
    expect(await q.send('demo.later', {}, { singletonKey: 'k1' })).toBeNull();
    await q.runDue();
    expect(runs).toBe(0);
    clock.set('2026-11-28T02:00:00Z');
    await q.runDue();
    expect(runs).toBe(1);
  });

  it('retries a failing job with exponential backoff, then fails it', async () => {
    const clock = new FixedClock('2026-11-28T01:00:00Z');
    const q = new EmbeddedQueue(t.db, { clock, pollIntervalMs: 0 });
    const attempts: number[] = [];
    await q.work('demo.flaky', async (job) => {
      attempts.push(job.attempt);
      throw new Error('platform down');
    });
    const id = (await q.send('demo.flaky', {}, { retryLimit: 2, retryDelayMs: 1000 }))!;
    await q.runDue();
    clock.advance(999);
    await q.runDue();
    expect(attempts).toEqual([1]);
    clock.advance(1);
    await q.runDue();
    expect(attempts).toEqual([1, 2]);
    clock.advance(1999);
    await q.runDue();
    expect(attempts).toEqual([1, 2]);
    clock.advance(1);
    await q.runDue();
    expect(attempts).toEqual([1, 2, 3]);
    const row = await t.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ state: 'failed', attempts: 3, last_error: 'platform down' });
  });

  it('survives a restart: a queued job and a job left active by a dead process both run in the next process', async () => {
    const clock = new FixedClock('2026-11-28T01:00:00Z');
    const first = new EmbeddedQueue(t.db, { clock, pollIntervalMs: 0 });
    await first.work('demo.restart', async () => {
      throw new Error('process killed'); // stands for a crash; the row below simulates "active".
    });
    const queued = (await first.send('demo.restart', { which: 'queued' }))!;
    const active = (await first.send('demo.restart', { which: 'active' }))!;
    await t.db.updateTable('jobs').set({ state: 'active', attempts: 1, locked_until: '2026-11-28T01:01:00.000Z' }).where('id', '=', active).execute();

    const second = new EmbeddedQueue(t.db, { clock, pollIntervalMs: 0 });
    const done: string[] = [];
    await second.work<{ which: string }>('demo.restart', async (job) => void done.push(job.data.which));
    await second.runDue();
    expect(done).toEqual(['queued']);
    clock.advance(60_000);
    await second.runDue();
    expect(done).toEqual(['queued', 'active']);
    const states = await t.db.selectFrom('jobs').select(['id', 'state']).where('id', 'in', [queued, active]).execute();
    expect(states.every((s) => s.state === 'completed')).toBe(true);
  });

  it('runs cron slots in Asia/Jakarta and catches up a missed slot once after downtime', async () => {
    const clock = new FixedClock('2026-11-28T01:00:00Z'); // 08:00 WIB
    const q = new EmbeddedQueue(t.db, { clock, pollIntervalMs: 0 });
    const runs: { scheduledFor: string; late: boolean }[] = [];
    await q.work<{ scheduledFor: string; late: boolean }>('demo.daily', async (job) => void runs.push(job.data));
    await q.schedule('demo.daily', '0 9 * * *'); // 09:00 WIB = 02:00 UTC
    clock.set('2026-11-28T01:59:59Z');
    await q.runDue();
    expect(runs).toEqual([]);
    clock.set('2026-11-28T02:00:00Z');
    await q.runDue();
    await q.runDue();
    expect(runs).toEqual([{ scheduledFor: '2026-11-28T02:00:00.000Z', late: false }]);
    // Down for three days: one catch-up run, marked late, then back on schedule.
    clock.set('2026-12-01T05:00:00Z');
    const restarted = new EmbeddedQueue(t.db, { clock, pollIntervalMs: 0 });
    await restarted.work<{ scheduledFor: string; late: boolean }>('demo.daily', async (job) => void runs.push(job.data));
    await restarted.schedule('demo.daily', '0 9 * * *');
    await restarted.runDue();
    expect(runs.slice(1)).toEqual([{ scheduledFor: '2026-11-29T02:00:00.000Z', late: true }]);
    const s = await t.db.selectFrom('job_schedules').select('next_run_at').where('name', '=', 'demo.daily').executeTakeFirstOrThrow();
    expect(s.next_run_at).toBe('2026-12-02T02:00:00.000Z');
  });
});
