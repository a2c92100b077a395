import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/db/database.js';
import { Fetcher, pgHostSpacing } from '../../src/modules/monitoring/index.js';
import { HostLimiter } from '../../src/modules/monitoring/host-limiter.js';
import { LEASE_GAPS } from '../../src/modules/monitoring/shared-host-spacing.js';
import { createTestDb, type TestDb } from '../support/test-db.js';

// Issue 18 point 2: the crawler's per-host spacing holds across workers on PostgreSQL. Two
// fetchers, each with its own limiter and its own connection pool (as two worker processes have),
// ask one host at once; the server notes when each request arrived. Each fetcher alone spaces only
// its own requests, so without the shared lease the two would interleave closely. Runs only
// against PostgreSQL (*.pg.test.ts); SQLite installs run one worker.

const INTERVAL = 400;
let t: TestDb;
let other: Database;
let server: http.Server;
let port = 0;
const arrivals: number[] = [];

beforeAll(async () => {
  t = await createTestDb();
  if (t.config.kind !== 'postgres') throw new Error('needs TEST_DATABASE_URL');
  other = await openDatabase({ kind: 'postgres', url: t.config.url });
  server = http.createServer((req, res) => {
    arrivals.push(performance.now());
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('ok');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise<void>((r) => server?.close(() => r()));
  await other?.close();
  await t?.close();
});

describe('per-host spacing shared through PostgreSQL', () => {
  it('two workers asking one host at once keep the gap between all their requests', async () => {
    const fetcherOf = (db: Database) =>
      new Fetcher({ contactUrl: 'https://beranda.example/bot', allowNetworks: ['127.0.0.0/8'], perHostIntervalMs: INTERVAL, sharedSpacing: pgHostSpacing(db.db) });
    const [a, b] = [fetcherOf(t), fetcherOf(other)];
    const url = `http://127.0.0.1:${port}/`;
    const results = await Promise.all([a, b, a, b, a, b].map((f) => f.fetch(url)));
    expect(results.map((r) => r.status)).toEqual(results.map(() => 200));
    expect(arrivals).toHaveLength(6);
    const sorted = [...arrivals].sort((x, y) => x - y);
    const gaps = sorted.slice(1).map((at, i) => at - sorted[i]!);
    // Within a lease one worker spaces its own requests INTERVAL apart; the other starts one gap
    // after that lease ends. A request may leave a little late (a round trip), never early.
    for (const g of gaps) expect(g).toBeGreaterThan(INTERVAL * 0.75);
    const row = await t.db.selectFrom('monitor_host_slots').selectAll().where('host', '=', '127.0.0.1').executeTakeFirstOrThrow();
    expect(Number(row.next_at)).toBeGreaterThan(0);
    expect(row.holder).toBeTruthy();
  }, 30_000);

  it('one worker takes a lease per few requests, not one reservation per request', async () => {
    const limiter = new HostLimiter({ perHostIntervalMs: 50, globalConcurrency: 4, sharedSpacing: pgHostSpacing(t.db) });
    const starts: number[] = [];
    await Promise.all(Array.from({ length: 12 }, () => limiter.run('lease.example', async () => void starts.push(performance.now()))));
    // A lease is renewed with one gap left, so it covers LEASE_GAPS - 1 requests: 12 requests, 3 leases.
    expect(limiter.leaseCount).toBe(Math.ceil(12 / (LEASE_GAPS - 1)));
    const gaps = starts.slice(1).map((at, i) => at - starts[i]!);
    for (const g of gaps) expect(g).toBeGreaterThan(50 * 0.75);
  });

  it('a worker that does not hold the host waits for the lease to end, plus one gap', async () => {
    const gap = 100;
    const a = pgHostSpacing(t.db, { holder: 'worker-a' });
    const b = pgHostSpacing(other.db, { holder: 'worker-b' });
    expect(await a.lease('wait.example', gap)).toBe(0);
    const waitB = await b.lease('wait.example', gap);
    // A's lease has LEASE_GAPS gaps (minus the round trip since); B starts a gap after it ends.
    expect(waitB).toBeGreaterThan(gap * LEASE_GAPS);
    expect(waitB).toBeLessThanOrEqual(gap * (LEASE_GAPS + 1));
    // A renewing now is not the holder any more: it waits for B's lease in turn.
    expect(await a.lease('wait.example', gap)).toBeGreaterThan(waitB);
  });
});
