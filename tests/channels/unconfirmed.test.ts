import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSocialFakes, type SocialFakes } from '../../src/fakes/social/index.js';
import type { PostVariant } from '../../src/modules/channels/index.js';
import { enqueueDeliveries, runDelivery } from '../../src/modules/publishing/index.js';
import { FixedClock } from '../../src/shared/clock.js';
import { createTestDb, type TestDb } from '../support/test-db.js';
import { connectedUnit, publishingDeps, runUntilSettled } from './world.js';

// Issue 16.5: an answer that cannot be read is not a refusal. The platform answers the call that
// makes the post visible with 2xx and a truncated body (it did post). Beranda keeps the delivery
// "belum pasti", looks for the post on the account (read-only), finds it, and never sends the
// call again: exactly one post on the platform. (Today the unreadable 2xx was classed as a
// definite rejection, the attempt marker dropped, and "Kirim ulang" posted a second time.)

let t: TestDb;
let fakes: SocialFakes;
const clock = new FixedClock('2026-11-28T03:00:00Z');
let n = 0;

beforeAll(async () => {
  t = await createTestDb();
  fakes = await startSocialFakes({ now: () => clock.now().getTime(), options: { tiktokAudited: true } });
});
afterAll(async () => {
  await fakes.close();
  await t.close();
});

const img = (i: number) => `https://media.kota.go.id/u/${i}.jpg`;
const cases: Array<{ name: string; platform: 'facebook' | 'instagram' | 'tiktok'; op: string; variant: PostVariant }> = [
  { name: 'Facebook text post', platform: 'facebook', op: 'facebook.feed', variant: { caption: 'Jadwal posyandu bulan Desember', link: 'https://kel.example/berita/2', imageUrls: [] } },
  { name: 'Facebook one photo', platform: 'facebook', op: 'facebook.photos', variant: { caption: 'Lomba kebersihan RW', imageUrls: [img(1)] } },
  { name: 'Instagram image', platform: 'instagram', op: 'instagram.media_publish', variant: { caption: 'Senam lansia Jumat pagi #Bacang', imageUrls: [img(2)] } },
  { name: 'TikTok photos', platform: 'tiktok', op: 'tiktok.content_init', variant: { caption: 'Bazar UMKM kelurahan #Bacang', imageUrls: [img(3), img(4)], privacyLevel: 'PUBLIC_TO_EVERYONE' } },
];

describe.each(cases)('a 2xx with an unreadable body: $name', (c) => {
  it('leads to "unconfirmed", a lookup on the account, and exactly one post', async () => {
    const deps = publishingDeps(t.db, clock, fakes);
    const u = await connectedUnit(deps, fakes, `unread${++n}`);
    const target = { facebook: u.fb, instagram: u.ig, tiktok: u.tt }[c.platform];
    const accountId = c.platform === 'facebook' ? u.fb.pageId : c.platform === 'instagram' ? u.ig.igId : u.tt.openId;
    const r = await enqueueDeliveries(deps, { unitId: u.unitId, postId: `post-unread-${n}`, targets: [{ channelId: target.channelId, variant: c.variant }] });
    const id = r.ok ? r.value[0]! : '';

    fakes.inject({ op: c.op, fault: 'body_unreadable' });
    const sendsBefore = fakes.state.callsOf(c.op);
    await runDelivery(deps, id);
    const first = await t.db.selectFrom('deliveries').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(first.state).toBe('unconfirmed');
    expect(first.next_attempt_at, 'a lookup is planned').not.toBeNull();
    const steps = await t.db.selectFrom('delivery_steps').select('key').where('delivery_id', '=', id).execute();
    expect(steps.map((s) => s.key).some((k) => k.endsWith(':attempt')), 'the attempt marker is kept').toBe(true);
    expect(fakes.state.postsFor(accountId)).toHaveLength(1);

    const reads = ['facebook.published_posts', 'instagram.media_list', 'instagram.container_status', 'tiktok.video_list', 'tiktok.status_fetch'].map((op) => fakes.state.callsOf(op));
    await runUntilSettled(deps, clock, id, runDelivery);
    const after = await t.db.selectFrom('deliveries').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(after.state).toBe('published');
    const posts = fakes.state.postsFor(accountId);
    expect(posts).toHaveLength(1);
    expect(after.platform_post_id).toBe(posts[0]!.id);
    // The post was found by reading the account, and the visible call was never sent again.
    const readsAfter = ['facebook.published_posts', 'instagram.media_list', 'instagram.container_status', 'tiktok.video_list', 'tiktok.status_fetch'].map((op) => fakes.state.callsOf(op));
    expect(readsAfter.some((v, i) => v > reads[i]!), 'the account was read').toBe(true);
    expect(fakes.state.callsOf(c.op) - sendsBefore).toBe(1);
  });
});
