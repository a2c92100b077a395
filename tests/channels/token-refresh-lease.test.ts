import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startSocialFakes, type SocialFakes } from '../../src/fakes/social/index.js';
import type { PublishingDeps } from '../../src/modules/publishing/index.js';
import { FixedClock } from '../../src/shared/clock.js';
import { createTestDb, type TestDb } from '../support/test-db.js';
import { connectedUnit, publishingDeps } from './world.js';

// TikTok refresh tokens rotate: the first refresh spends the old one. With several worker
// processes (issue 18) two may refresh one account at once — a due post and the token check —
// and the loser used to present a spent token and flag the account "perlu sambung ulang". A lease
// on the row lets one process refresh; the others wait for its outcome.

type Mod = typeof import('../../src/modules/channels/refresh-channel-token.js');
/** A fresh copy of the module: its in-process single-flight map is another process's. */
async function anotherProcess(): Promise<Mod> {
  vi.resetModules();
  return import('../../src/modules/channels/refresh-channel-token.js');
}

let t: TestDb;
let fakes: SocialFakes;
const clock = new FixedClock('2026-11-28T02:00:00Z');
let deps: PublishingDeps;
let tokenCalls = 0;
let n = 0;
const slug = () => `lease${++n}`;
const row = (id: string) => t.db.selectFrom('channel_accounts').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

beforeAll(async () => {
  t = await createTestDb();
  fakes = await startSocialFakes({
    now: () => clock.now().getTime(),
    options: { tiktokAudited: true },
    // The token call is slow, as a real one over a phone network can be: both processes are inside it at once.
    beforeHandle: async (op) => {
      if (op !== 'tiktok.token') return;
      tokenCalls++;
      await new Promise((r) => setTimeout(r, 150));
    },
  });
  deps = publishingDeps(t.db, clock, fakes);
});
afterAll(async () => {
  await fakes.close();
  await t.close();
});

describe('TikTok token refresh across processes', () => {
  it('two processes refreshing one account at once: one refresh call, both see it refreshed, the account stays connected', async () => {
    const u = await connectedUnit(deps, fakes, slug());
    const [p1, p2] = [await anotherProcess(), await anotherProcess()];
    expect(p1.refreshChannelToken).not.toBe(p2.refreshChannelToken);
    tokenCalls = 0;
    const outcomes = await Promise.all([p1.refreshChannelToken(deps, u.tt.channelId), p2.refreshChannelToken(deps, u.tt.channelId)]);
    expect(outcomes).toEqual(['refreshed', 'refreshed']);
    expect(tokenCalls).toBe(1);
    const ch = await row(u.tt.channelId);
    expect(ch.state).toBe('connected');
    expect(ch.refresh_lease_until).toBeNull();
    expect(await t.db.selectFrom('channel_alerts').select('id').where('channel_id', '=', u.tt.channelId).execute()).toHaveLength(0);
  });

  it('waits while another process holds the lease and takes its outcome without calling TikTok', async () => {
    const u = await connectedUnit(deps, fakes, slug());
    const { refreshChannelToken } = await anotherProcess();
    await t.db.updateTable('channel_accounts').set({ refresh_lease_until: new Date(clock.now().getTime() + 60_000).toISOString() }).where('id', '=', u.tt.channelId).execute();
    tokenCalls = 0;
    const waiting = refreshChannelToken(deps, u.tt.channelId);
    await new Promise((r) => setTimeout(r, 400));
    // The other process finishes: a new pair is stored and the lease freed.
    await t.db.updateTable('channel_accounts').set({ access_token_enc: 'other', refresh_lease_until: null }).where('id', '=', u.tt.channelId).execute();
    expect(await waiting).toBe('refreshed');
    expect(tokenCalls).toBe(0);
    // The old refresh token was never spent by us.
    expect(fakes.state.refreshTokens.has(u.tt.refreshToken)).toBe(true);
  });

  it('takes over a lease left by a process that crashed', async () => {
    const u = await connectedUnit(deps, fakes, slug());
    const { refreshChannelToken } = await anotherProcess();
    await t.db.updateTable('channel_accounts').set({ refresh_lease_until: new Date(clock.now().getTime() - 1).toISOString() }).where('id', '=', u.tt.channelId).execute();
    tokenCalls = 0;
    expect(await refreshChannelToken(deps, u.tt.channelId)).toBe('refreshed');
    expect(tokenCalls).toBe(1);
    expect((await row(u.tt.channelId)).refresh_lease_until).toBeNull();
  });
});
