import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../src/db/database.js';
import { startSocialFakes, type SocialFakes } from '../../src/fakes/social/index.js';
import { pgCallGate, tiktokProvider } from '../../src/modules/channels/index.js';
import { createTestDb, type TestDb } from '../support/test-db.js';
import { noSleep } from './support.js';

// Issue 18: TikTok's per-token call windows hold across workers on PostgreSQL. Two gates, each
// with its own connection pool (as two worker processes have), reserve at once; the windows in
// the database are what both see. Each process's in-memory gate alone would let each worker make
// the full quota. Runs only against PostgreSQL (*.pg.test.ts); SQLite installs run one worker.

const MIN = 60_000;
let t: TestDb;
let other: Database;
let fakes: SocialFakes;

beforeAll(async () => {
  t = await createTestDb();
  if (t.config.kind !== 'postgres') throw new Error('needs TEST_DATABASE_URL');
  other = await openDatabase({ kind: 'postgres', url: t.config.url });
  fakes = await startSocialFakes();
});
afterAll(async () => {
  await fakes?.close();
  await other?.close();
  await t?.close();
});

const startsOf = async (key: string) =>
  (JSON.parse((await t.db.selectFrom('channel_call_windows').select('calls').where('key', '=', key).executeTakeFirstOrThrow()).calls) as number[]).sort((a, b) => a - b);

describe('TikTok call windows shared through PostgreSQL', () => {
  it('two workers reserving at once get the limit between them, not each', async () => {
    const [a, b] = [pgCallGate(t.db), pgCallGate(other.db)];
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).reserve('w1:init', 3, MIN, 0)));
    expect(answers.filter((x) => x.reserved)).toEqual([{ reserved: true, waitMs: 0 }, { reserved: true, waitMs: 0 }, { reserved: true, waitMs: 0 }]);
    // The others are told how long until the window has room, and nothing was kept for them.
    for (const x of answers.filter((y) => !y.reserved)) expect(x.waitMs).toBeGreaterThan(MIN / 2);
    expect(await startsOf('w1:init')).toHaveLength(3);
  });

  it('starts reserved ahead by both workers keep every minute within the limit', async () => {
    const [a, b] = [pgCallGate(t.db), pgCallGate(other.db)];
    const answers = await Promise.all(Array.from({ length: 9 }, (_, i) => (i % 2 ? a : b).reserve('w2:init', 3, MIN, 10 * MIN)));
    expect(answers.every((x) => x.reserved)).toBe(true);
    expect(answers.filter((x) => x.waitMs === 0)).toHaveLength(3);
    const starts = await startsOf('w2:init');
    expect(starts).toHaveLength(9);
    for (let i = 0; i + 3 < starts.length; i++) expect(starts[i + 3]! - starts[i]!).toBeGreaterThanOrEqual(MIN);
  });

  it('two TikTok adapters share one token’s creator_info quota; the rest are told to try later', async () => {
    const acc = fakes.state.addTikTokAccount({ privateAccount: true });
    const ref = { platformAccountId: acc.openId, accessToken: acc.token, handle: acc.username };
    const adapter = (db: Database) => tiktokProvider({ tiktokBase: fakes.url, sleep: noSleep, timeoutMs: 5000, gate: pgCallGate(db.db) });
    const [a, b] = [adapter(t), adapter(other)];
    const violationsBefore = fakes.state.rateLimitViolations;
    // 15 each, 30 in all, against TikTok's 20 per minute per token.
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => (i % 2 ? a : b).creatorInfo(ref)));
    expect(results.filter((r) => r.ok)).toHaveLength(20);
    for (const r of results.filter((x) => !x.ok)) {
      // Answered the way TikTok's own rate_limit_exceeded is, so the delivery cools down and retries.
      expect(!r.ok && r.failure).toMatchObject({ kind: 'retryable', code: 'rate_limited' });
      expect(!r.ok && r.failure.retryAfterMs).toBeGreaterThan(15_000);
    }
    expect(fakes.state.rateLimitViolations - violationsBefore).toBe(0);
    const keys = (await t.db.selectFrom('channel_call_windows').select('key').execute()).map((w) => w.key);
    const creator = keys.filter((k) => k.endsWith(':creator'));
    expect(creator).toHaveLength(1);
    expect(await startsOf(creator[0]!)).toHaveLength(20);
    for (const k of keys) expect(k).not.toContain(acc.token);
  });
});
