import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgBossQueue } from '../../src/jobs/pg-boss-queue.js';
import { pruneExpiredSessions } from '../../src/modules/accounts/index.js';
import { systemClock } from '../../src/shared/clock.js';
import { createTestDb, type TestDb } from '../support/test-db.js';

const waitFor = async (check: () => boolean | Promise<boolean>, ms = 20_000) => {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('timed out waiting');
};

// Runs only against PostgreSQL (vitest.config.ts includes *.pg.test.ts when TEST_DATABASE_URL is set).
describe('pg-boss queue', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(async () => t.close());

  it('runs a job sent before a restart in the next process, and sends a singleton key once', async () => {
    const url = t.config.url;
    const first = new PgBossQueue(url, { pollingIntervalSeconds: 0.5 });
    await first.start();
    expect(await first.send('demo.restart', { n: 1 }, { singletonKey: 'once' })).toBeTruthy();
    expect(await first.send('demo.restart', { n: 2 }, { singletonKey: 'once' })).toBeNull();
    await first.stop();

    const second = new PgBossQueue(url, { pollingIntervalSeconds: 0.5 });
    await second.start();
    const seen: unknown[] = [];
    await second.work('demo.restart', async (job) => void seen.push(job.data));
    await waitFor(() => seen.length === 1);
    expect(seen).toEqual([{ n: 1 }]);
    await second.stop();
  });

  it('retries a failing handler', async () => {
    const q = new PgBossQueue(t.config.url, { pollingIntervalSeconds: 0.5 });
    await q.start();
    const attempts: number[] = [];
    await q.work('demo.flaky', async (job) => {
      attempts.push(job.attempt);
      if (job.attempt === 1) throw new Error('transient');
    });
    await q.send('demo.flaky', {}, { retryLimit: 2, retryDelayMs: 1000 });
    await waitFor(() => attempts.length === 2, 30_000);
    expect(attempts).toEqual([1, 2]);
    await q.stop();
  });

  it('runs the session-pruning job through pg-boss', async () => {
    const q = new PgBossQueue(t.config.url, { pollingIntervalSeconds: 0.5 });
    await q.start();
    const now = new Date();
    await t.db.insertInto('units').values({ id: 'u', code: null, kind: 'opd', name: 'U', slug: 'u', parent_id: null, region_code: '19.71', settings: '{}', is_demo: 0, created_at: now.toISOString(), updated_at: now.toISOString() }).execute();
    await t.db.insertInto('users').values({ id: 'x', username: 'x', display_name: 'X', password_hash: 'h', role: 'operator', region_code: '19.71', email: null, phone: null, status: 'active', must_change_password: 0, is_demo: 0, created_at: now.toISOString(), updated_at: now.toISOString(), last_login_at: null }).execute();
    await t.db.insertInto('sessions').values({ id: 'old', user_id: 'x', csrf_token: 'c', created_at: '2020-01-01T00:00:00.000Z', expires_at: '2020-01-08T00:00:00.000Z', last_seen_at: '2020-01-01T00:00:00.000Z', ip: null, user_agent: null }).execute();
    let pruned = -1;
    await q.work('accounts.prune-sessions', async () => {
      pruned = (await pruneExpiredSessions(t.db, systemClock)).sessions;
    });
    await q.schedule('accounts.prune-sessions', '15 3 * * *');
    await q.send('accounts.prune-sessions', {});
    await waitFor(() => pruned >= 0);
    expect(pruned).toBe(1);
    expect(await t.db.selectFrom('sessions').select('id').execute()).toEqual([]);
    await q.stop();
  });
});

// Issue 16.7 on pg-boss: the declared time limit stops a run and pg-boss retries it; stop() hands
// a hanging job back within its grace, and the next process runs it.
describe('pg-boss queue: time limits and stop', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(async () => t.close());
  const declared = { lane: 'media' as const, retry: { limit: 2, delayMs: 1_000, backoff: 'fixed' as const } };

  it('stops a run past its time limit (its signal aborts) and runs it again', async () => {
    const q = new PgBossQueue(t.config.url, { pollingIntervalSeconds: 0.5 });
    await q.start();
    const runs: Array<{ attempt: number; aborted: () => boolean }> = [];
    await q.work('limit.slow', async (job) => {
      runs.push({ attempt: job.attempt, aborted: () => job.signal.aborted });
      if (job.attempt === 1) await new Promise(() => {});
    }, { ...declared, timeoutMs: 300 });
    await q.send('limit.slow', {});
    await waitFor(() => runs.length === 2, 30_000);
    expect(runs[0]!.aborted()).toBe(true);
    expect(runs[1]!.attempt).toBe(2);
    await q.stop({ graceMs: 500 });
  });

  it('stop() returns within its grace although a job hangs; the next process runs that job', async () => {
    const first = new PgBossQueue(t.config.url, { pollingIntervalSeconds: 0.5 });
    await first.start();
    let started = false;
    await first.work('stop.hang', async () => {
      started = true;
      await new Promise(() => {});
    }, { ...declared, timeoutMs: 10 * 60_000 });
    await first.send('stop.hang', { n: 1 });
    await waitFor(() => started);
    const t0 = Date.now();
    await first.stop({ graceMs: 500 });
    expect(Date.now() - t0).toBeLessThan(5_000);

    const second = new PgBossQueue(t.config.url, { pollingIntervalSeconds: 0.5 });
    await second.start();
    const seen: unknown[] = [];
    await second.work('stop.hang', async (job) => void seen.push(job.data), { ...declared, timeoutMs: 60_000 });
    await waitFor(() => seen.length === 1, 30_000);
    expect(seen).toEqual([{ n: 1 }]);
    await second.stop({ graceMs: 500 });
  });
});
