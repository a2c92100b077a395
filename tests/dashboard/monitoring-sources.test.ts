import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelActivitySource, registerChannel } from '../../src/modules/channels/index.js';
import { findUnitBySlug, importRegion } from '../../src/modules/units/index.js';
import { FixedClock } from '../../src/shared/clock.js';
import { createTestDb, type TestDb, testEngine } from '../support/test-db.js';

// The channels module's side of the monitoring engine's SocialActivitySource port: posts seen
// on a unit's accounts in a window, how each was seen, and Pemkot broadcasts marked as such.

let t: TestDb;
let unitId = '';
let channelId = '';
const clock = new FixedClock('2026-11-25T02:00:00Z');

beforeAll(async () => {
  t = await createTestDb();
  await importRegion(t.db, '19.71', clock);
  unitId = (await findUnitBySlug(t.db, '19.71', 'bacang'))!.id;
  const r = await registerChannel({ db: t.db, clock }, { unitId, platform: 'instagram', profileUrl: 'https://www.instagram.com/kel.bacang/' });
  if (!r.ok) throw new Error(r.error);
  channelId = r.value.id;
  const now = '2026-11-25T02:00:00.000Z';
  const activity = (id: string, source: 'beranda' | 'direct' | 'manual', publishedAt: string, deliveryId: string | null = null) => ({
    id, unit_id: unitId, channel_id: channelId, platform: 'instagram' as const, platform_post_id: `p-${id}`, permalink: `https://www.instagram.com/p/${id}/`,
    excerpt: `Kabar ${id}`, published_at: publishedAt, source, delivery_id: deliveryId, created_at: now,
  });
  await t.db.insertInto('deliveries').values({
    id: 'd-broadcast', unit_id: unitId, post_id: 'content-broadcast', channel_id: channelId, platform: 'instagram', state: 'published', variant: '{}', attempts: 1,
    unconfirmed_checks: 0, next_attempt_at: null, locked_until: null, waiting_since: null, reason_code: null, reason: null, platform_detail: null,
    platform_post_id: 'p-a3', permalink: null, visibility: null, published_at: '2026-11-24T03:00:00.000Z', evidence: null, created_at: now, updated_at: now,
  }).execute();
  await t.db.insertInto('channel_activity').values([
    activity('a1', 'beranda', '2026-11-23T03:00:00.000Z'),
    activity('a2', 'direct', '2026-11-24T01:00:00.000Z'),
    activity('a3', 'beranda', '2026-11-24T03:00:00.000Z', 'd-broadcast'),
    activity('a4', 'manual', '2026-11-16T03:00:00.000Z'),
  ]).execute();
});
afterAll(async () => t?.close());

describe(`channel activity for monitoring on ${testEngine()}`, () => {
  it('lists the posts of the window with how each was seen, broadcasts marked', async () => {
    const source = channelActivitySource(t.db, { broadcastPostIds: async () => new Set(['content-broadcast']) });
    const items = await source.listActivity(unitId, '2026-11-22T17:00:00.000Z', '2026-11-29T17:00:00.000Z');
    expect(items.map((i) => [i.postUrl, i.via, i.accountHandle, i.isBroadcast])).toEqual([
      ['https://www.instagram.com/p/a1/', 'delivery', 'kel.bacang', false],
      ['https://www.instagram.com/p/a2/', 'sync', 'kel.bacang', false],
      ['https://www.instagram.com/p/a3/', 'delivery', 'kel.bacang', true],
    ]);
    const earlier = await source.listActivity(unitId, '2026-11-15T17:00:00.000Z', '2026-11-22T17:00:00.000Z');
    expect(earlier.map((i) => i.via)).toEqual(['staff_link']);
  });
});
