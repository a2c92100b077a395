import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgPageInvalidation } from '../../src/main/pg-page-invalidation.js';
import { createTestDb, type TestDb } from '../support/test-db.js';

// The page-cache invalidation port over LISTEN/NOTIFY (issue 18 point 1): what one process
// announces reaches every other process on the database within a second, its own listeners at
// once and only once, and a dropped listening connection comes back and delivers what it missed.
// Runs only against PostgreSQL (*.pg.test.ts).

const waitFor = async (check: () => boolean, ms = 5_000) => {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('page invalidation over PostgreSQL LISTEN/NOTIFY', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(async () => t.close());

  it('delivers to the announcing process at once and to the others within a second, once each', async () => {
    const a = await pgPageInvalidation({ db: t.db, url: t.config.url });
    const b = await pgPageInvalidation({ db: t.db, url: t.config.url });
    const heardA: string[] = [];
    const heardB: string[] = [];
    a.subscribe((u) => heardA.push(u));
    b.subscribe((u) => heardB.push(u));
    const started = performance.now();
    a.unitChanged('unit-1');
    expect(heardA).toEqual(['unit-1']); // before unitChanged returned
    await waitFor(() => heardB.length === 1);
    expect(performance.now() - started).toBeLessThan(1_000);
    b.unitChanged('unit-2');
    await waitFor(() => heardA.length === 2);
    // A's own notification came back over the wire too, and was not delivered a second time.
    await new Promise((r) => setTimeout(r, 200));
    expect(heardA).toEqual(['unit-1', 'unit-2']);
    expect(heardB).toEqual(['unit-1', 'unit-2']);
    await a.close();
    await b.close();
  });

  it('comes back after its listening connection is cut and delivers what was announced while it was away', async () => {
    const resyncs: number[] = [];
    const errors: unknown[] = [];
    const b = await pgPageInvalidation({ db: t.db, url: t.config.url, reconnectMs: 1_500, onResync: (n) => resyncs.push(n), onError: (e) => errors.push(e) });
    const a = await pgPageInvalidation({ db: t.db, url: t.config.url, reconnectMs: 50 });
    const heard: string[] = [];
    b.subscribe((u) => heard.push(u));
    // The database ends every listening session (both processes'); the pools are untouched.
    await sql`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and application_name like 'beranda-pages-%'`.execute(t.db);
    await waitFor(() => !b.listening);
    // Announced while B is deaf: the NOTIFY is lost for B, the log row is not.
    a.unitChanged('unit-missed');
    await new Promise((r) => setTimeout(r, 300));
    expect(heard).toEqual([]);
    await waitFor(() => resyncs.length === 1 && b.listening && a.listening);
    // Replayed from B's last sign of life (less a margin, so the first test's units may come too).
    expect(heard).toContain('unit-missed');
    expect(resyncs[0]).toBe(heard.length);
    expect(errors.length).toBeGreaterThan(0);
    a.unitChanged('unit-3');
    await waitFor(() => heard.includes('unit-3'));
    await a.close();
    await b.close();
    // Closed: no more reconnects, and nothing is delivered.
    b.subscribe(() => heard.push('late'));
    a.unitChanged('unit-4');
    await new Promise((r) => setTimeout(r, 300));
    expect(heard.at(-1)).toBe('unit-3');
    expect(heard).not.toContain('unit-4');
    expect(heard).not.toContain('late');
  });

  it('does not throw into the announcer when the database cannot take the notification', async () => {
    const errors: unknown[] = [];
    const other = await createTestDb();
    const p = await pgPageInvalidation({ db: other.db, url: other.config.url, onError: (e) => errors.push(e) });
    const heard: string[] = [];
    p.subscribe((u) => heard.push(u));
    await other.db.destroy();
    expect(() => p.unitChanged('unit-5')).not.toThrow();
    expect(heard).toEqual(['unit-5']);
    await waitFor(() => errors.length > 0);
    await p.close();
    await other.close().catch(() => {});
  });
});
