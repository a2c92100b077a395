import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSocialFakes, type SocialFakes } from '../../src/fakes/social/index.js';
import { enqueueDeliveries, runDueDeliveries } from '../../src/modules/publishing/index.js';
import { FixedClock } from '../../src/shared/clock.js';
import { createTestDb, type TestDb } from '../support/test-db.js';
import { connectedUnit, publishingDeps } from './world.js';

// Issue 16.5: killed during publishing, Beranda must leave no delivery stuck. Thirty deliveries
// (ten kelurahan × Facebook, Instagram, TikTok) are being sent when the worker dies: from a
// step boundary on, every step of the dead worker throws (kill -9 in process, as crash.test.ts
// does). A restarted worker, without anyone's help, takes every delivery the dead one held
// within three minutes, and in the end each is published exactly once or — only where the
// platform cannot tell (TikTok died between "attempted" and the call) — waits for staff.

let t: TestDb;
let fakes: SocialFakes;
const clock = new FixedClock('2026-11-28T03:00:00Z');
beforeAll(async () => {
  t = await createTestDb();
  fakes = await startSocialFakes({ now: () => clock.now().getTime(), options: { tiktokAudited: true } });
});
afterAll(async () => {
  await fakes.close();
  await t.close();
});

class Killed extends Error {}

describe('a worker killed in the middle of 30 deliveries', () => {
  it.each([7, 23, 41])('settles every delivery by itself after a kill at step boundary %i', async (killAt) => {
    const setup = publishingDeps(t.db, clock, fakes);
    const ids: Array<{ id: string; account: string }> = [];
    for (let u = 0; u < 10; u++) {
      const unit = await connectedUnit(setup, fakes, `kill${killAt}-${u}`);
      const img = [`https://media.kota.go.id/kill/${u}.jpg`];
      const r = await enqueueDeliveries(setup, {
        unitId: unit.unitId,
        postId: `post-kill-${killAt}-${u}`,
        targets: [
          { channelId: unit.fb.channelId, variant: { caption: `Kabar ${killAt}/${u} untuk warga`, imageUrls: img } },
          { channelId: unit.ig.channelId, variant: { caption: `Kabar ${killAt}/${u} #Kelurahan`, imageUrls: img } },
          { channelId: unit.tt.channelId, variant: { caption: `Kabar ${killAt}/${u} #Warga`, imageUrls: img, privacyLevel: 'PUBLIC_TO_EVERYONE' } },
        ],
      });
      if (!r.ok) throw new Error(r.error);
      ids.push({ id: r.value[0]!, account: unit.fb.pageId }, { id: r.value[1]!, account: unit.ig.igId }, { id: r.value[2]!, account: unit.tt.openId });
    }

    let boundaries = 0;
    let dead = false;
    const dying = publishingDeps(t.db, clock, fakes, {
      faults: () => {
        if (dead || ++boundaries === killAt) {
          dead = true;
          throw new Killed();
        }
      },
    });
    await expect(runDueDeliveries(dying, { concurrency: 4 })).rejects.toBeInstanceOf(Killed);
    await new Promise((r) => setTimeout(r, 100)); // the dead worker's other lanes die at their next step

    const rows = () => t.db.selectFrom('deliveries').selectAll().where('id', 'in', ids.map((i) => i.id)).execute();
    const held = (rs: Awaited<ReturnType<typeof rows>>) => rs.filter((d) => d.state === 'sending' || (d.locked_until !== null && d.locked_until > clock.now().toISOString()));
    expect(held(await rows()).length, 'the dead worker held deliveries').toBeGreaterThan(0);

    // The restarted worker: its minute runs, three of them.
    const worker = publishingDeps(t.db, clock, fakes);
    for (let minute = 0; minute < 3; minute++) {
      clock.advance(60_000);
      await runDueDeliveries(worker, { concurrency: 4 });
    }
    expect(held(await rows()).map((d) => `${d.platform}:${d.state}`), 'nothing held after three minutes').toEqual([]);

    // Then its ordinary minutes until everything is settled.
    const settled = (d: Awaited<ReturnType<typeof rows>>[number]) =>
      ['published', 'failed', 'manual_needed'].includes(d.state) || (d.state === 'unconfirmed' && d.next_attempt_at === null);
    for (let minute = 0; minute < 90 && !(await rows()).every(settled); minute++) {
      clock.advance(60_000);
      await runDueDeliveries(worker, { concurrency: 4 });
    }
    const final = await rows();
    expect(final.filter((d) => !settled(d)).map((d) => `${d.platform}:${d.state}`)).toEqual([]);
    for (const d of final) {
      const posts = fakes.state.postsFor(ids.find((i) => i.id === d.id)!.account);
      if (d.state === 'published') expect(posts, `${d.platform} published once`).toHaveLength(1);
      else {
        // Only TikTok may be left to staff, and only with nothing posted or one post at most.
        expect(d.platform).toBe('tiktok');
        expect(d.state).toBe('unconfirmed');
        expect(posts.length).toBeLessThanOrEqual(1);
      }
    }
  });
});
