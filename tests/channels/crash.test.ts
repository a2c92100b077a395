import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSocialFakes, type SocialFakes } from '../../src/fakes/social/index.js';
import type { PostVariant } from '../../src/modules/channels/index.js';
import { enqueueDeliveries, resendDelivery, runDelivery, type PublishingDeps } from '../../src/modules/publishing/index.js';
import { FixedClock } from '../../src/shared/clock.js';
import { createTestDb, type TestDb } from '../support/test-db.js';
import { connectedUnit, publishingDeps, runUntilSettled } from './world.js';

// The crash test from issue 5: a worker dies at every step boundary of a delivery (before the
// call, after the platform accepted but before the id is stored, after it is stored, during
// Instagram container polling, and when the platform acted but its answer was lost). A restarted
// worker then resumes. Every time, exactly one post exists on the fake for the delivery.

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

type Platform = 'facebook' | 'instagram' | 'tiktok';
const img = (i: number) => `https://media.kota.go.id/k/${i}.jpg`;
const cases: Array<{ name: string; platform: Platform; variant: PostVariant; irreversibleOp: string }> = [
  { name: 'Facebook text + link', platform: 'facebook', variant: { caption: 'Info layanan KTP', link: 'https://kel.example/berita/1', imageUrls: [] }, irreversibleOp: 'facebook.feed' },
  { name: 'Facebook one photo', platform: 'facebook', variant: { caption: 'Posyandu balita', imageUrls: [img(1)] }, irreversibleOp: 'facebook.photos' },
  { name: 'Facebook three photos', platform: 'facebook', variant: { caption: 'Galeri kerja bakti', imageUrls: [img(1), img(2), img(3)] }, irreversibleOp: 'facebook.feed' },
  { name: 'Instagram one image', platform: 'instagram', variant: { caption: 'Senam sehat #Bacang', imageUrls: [img(1)] }, irreversibleOp: 'instagram.media_publish' },
  { name: 'Instagram carousel', platform: 'instagram', variant: { caption: 'Lomba 17-an #Bacang', imageUrls: [img(1), img(2), img(3)] }, irreversibleOp: 'instagram.media_publish' },
  { name: 'TikTok photos', platform: 'tiktok', variant: { caption: 'Gotong royong #Bacang', imageUrls: [img(1), img(2)], privacyLevel: 'PUBLIC_TO_EVERYONE' }, irreversibleOp: 'tiktok.content_init' },
];

class Crash extends Error {}

async function freshDelivery(deps: PublishingDeps, c: (typeof cases)[number]) {
  const u = await connectedUnit(deps, fakes, `crash${++n}`);
  const target = { facebook: u.fb, instagram: u.ig, tiktok: u.tt }[c.platform];
  const accountId = c.platform === 'facebook' ? u.fb.pageId : c.platform === 'instagram' ? u.ig.igId : u.tt.openId;
  const r = await enqueueDeliveries(deps, { unitId: u.unitId, postId: `post-${n}`, targets: [{ channelId: target.channelId, variant: c.variant }] });
  if (!r.ok) throw new Error(r.error);
  return { unitId: u.unitId, deliveryId: r.value[0]!, accountId };
}

const row = (id: string) => t.db.selectFrom('deliveries').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

/** A new process: new adapters, no fault hook. */
const restartedWorker = () => publishingDeps(t.db, clock, fakes);

async function expectExactlyOnePost(deliveryId: string, accountId: string, label: string) {
  const posts = fakes.state.postsFor(accountId);
  expect(posts, label).toHaveLength(1);
  const d = await row(deliveryId);
  expect(d.state, label).toBe('published');
  expect(d.platform_post_id, label).toBe(posts[0]!.id);
}

describe.each(cases)('crash at every step boundary: $name', (c) => {
  it('leaves exactly one post on the platform whatever boundary the worker dies at', async () => {
    // 1. Discover the boundaries of this kind of delivery from an undisturbed run.
    const seen: string[] = [];
    const probeDeps = publishingDeps(t.db, clock, fakes, { faults: (b) => void seen.push(b) });
    const probe = await freshDelivery(probeDeps, c);
    await runUntilSettled(probeDeps, clock, probe.deliveryId, runDelivery);
    await expectExactlyOnePost(probe.deliveryId, probe.accountId, 'undisturbed run');
    const boundaries = [...new Set(seen)];
    for (const kind of ['before:', 'attempted:', 'sent:', 'stored:']) {
      expect(boundaries.some((b) => b.startsWith(kind)), `${kind} boundary exists`).toBe(true);
    }
    if (c.platform === 'instagram') expect(boundaries).toContain('poll:container');

    // 2. Die at each boundary once, then resume as a restarted worker would.
    for (const boundary of boundaries) {
      let crashed = false;
      const dying = publishingDeps(t.db, clock, fakes, {
        faults: (b) => {
          if (b === boundary && !crashed) {
            crashed = true;
            throw new Crash(boundary);
          }
        },
      });
      const { unitId, deliveryId, accountId } = await freshDelivery(dying, c);
      await expect(runDelivery(dying, deliveryId), boundary).rejects.toBeInstanceOf(Crash);
      const worker = restartedWorker();
      await runUntilSettled(worker, clock, deliveryId, runDelivery);

      if (c.platform === 'tiktok' && boundary.startsWith('attempted:')) {
        // Died between storing "attempted" and sending: TikTok cannot prove the post is absent
        // (no idempotency key; lists only moderated public posts), so Beranda never guesses.
        const d = await row(deliveryId);
        expect(d, boundary).toMatchObject({ state: 'unconfirmed', reason_code: 'outcome_unknown_check' });
        expect(fakes.state.postsFor(accountId), boundary).toHaveLength(0);
        // Staff look at the account, find nothing, and press "Kirim ulang".
        expect((await resendDelivery(worker, { unitId, deliveryId, actorId: null, checkedAccount: true })).ok).toBe(true);
        await runUntilSettled(worker, clock, deliveryId, runDelivery);
      }
      await expectExactlyOnePost(deliveryId, accountId, `crash at ${boundary}`);
    }

    // 3. The platform acts on the irreversible call but its answer never arrives.
    const lost = await freshDelivery(restartedWorker(), c);
    fakes.inject({ op: c.irreversibleOp, fault: 'response_lost' });
    const worker = restartedWorker();
    await runDelivery(worker, lost.deliveryId);
    expect((await row(lost.deliveryId)).state).toBe('unconfirmed');
    await runUntilSettled(worker, clock, lost.deliveryId, runDelivery);
    await expectExactlyOnePost(lost.deliveryId, lost.accountId, 'response lost');
  });
});

describe('crash during Instagram container polling, repeatedly', () => {
  it('reuses the one container across several crashed polls and publishes once', async () => {
    const c = cases[3]!;
    let crashes = 0;
    const dying = publishingDeps(t.db, clock, fakes, {
      faults: (b) => {
        if (b === 'poll:container' && crashes < 3) {
          crashes++;
          throw new Crash(b);
        }
      },
    });
    const { deliveryId, accountId } = await freshDelivery(dying, c);
    const containersBefore = fakes.state.callsOf('instagram.media');
    for (let i = 0; i < 3; i++) {
      await expect(runDelivery(dying, deliveryId)).rejects.toBeInstanceOf(Crash);
      clock.advance(11 * 60_000); // the dead worker's lease runs out
    }
    await runUntilSettled(restartedWorker(), clock, deliveryId, runDelivery);
    expect(fakes.state.callsOf('instagram.media') - containersBefore).toBe(1);
    await expectExactlyOnePost(deliveryId, accountId, 'after three crashed polls');
  });
});
