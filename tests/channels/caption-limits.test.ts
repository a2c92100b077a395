import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSocialFakes, type SocialFakes } from '../../src/fakes/social/index.js';
import type { PostVariant } from '../../src/modules/channels/index.js';
import { checkCaption } from '../../src/modules/publishing-captions/index.js';
import { enqueueDeliveries, runDelivery } from '../../src/modules/publishing/index.js';
import { FixedClock } from '../../src/shared/clock.js';
import { createTestDb, type TestDb } from '../support/test-db.js';
import { connectedUnit, publishingDeps } from './world.js';

// Issue 16.5: every documented caption limit is checked before anything is sent. (Today a
// caption with 35 hashtags went to Instagram, which refuses more than 30.)

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

const tags = (k: number) => Array.from({ length: k }, (_, i) => `#Tagar${i}`).join(' ');
const mentions = (k: number) => Array.from({ length: k }, (_, i) => `@akun${i}`).join(' ');
const img = ['https://media.kota.go.id/c/1.jpg'];
const cases: Array<{ name: string; platform: 'facebook' | 'instagram' | 'tiktok'; variant: PostVariant; says: RegExp }> = [
  { name: 'Instagram, 35 hashtags', platform: 'instagram', variant: { caption: `Kerja bakti ${tags(35)}`, imageUrls: img }, says: /35 tagar.*paling banyak 30/ },
  { name: 'Instagram, 21 mentions', platform: 'instagram', variant: { caption: `Terima kasih ${mentions(21)}`, imageUrls: img }, says: /21 akun.*paling banyak 20/ },
  { name: 'Instagram, 2,201 characters', platform: 'instagram', variant: { caption: 'a'.repeat(2201), imageUrls: img }, says: /2201 karakter, paling banyak 2200/ },
  { name: 'TikTok, title of 91', platform: 'tiktok', variant: { caption: 'Bazar UMKM', title: 'j'.repeat(91), imageUrls: img, privacyLevel: 'PUBLIC_TO_EVERYONE' }, says: /Judul untuk TikTok 91 karakter, paling banyak 90/ },
  { name: 'TikTok, description of 4,001', platform: 'tiktok', variant: { caption: 'd'.repeat(4001), title: 'Bazar', imageUrls: img, privacyLevel: 'PUBLIC_TO_EVERYONE' }, says: /4001 karakter, paling banyak 4000/ },
  { name: 'Facebook, 63,207 characters', platform: 'facebook', variant: { caption: 'f'.repeat(63_207), imageUrls: [] }, says: /63207 karakter, paling banyak 63206/ },
];

describe.each(cases)('the delivery runner refuses before sending: $name', (c) => {
  it('fails the delivery with the numbers and makes no call to the platform', async () => {
    const deps = publishingDeps(t.db, clock, fakes);
    const u = await connectedUnit(deps, fakes, `cap${++n}`);
    const target = { facebook: u.fb, instagram: u.ig, tiktok: u.tt }[c.platform];
    const r = await enqueueDeliveries(deps, { unitId: u.unitId, postId: `post-cap-${n}`, targets: [{ channelId: target.channelId, variant: c.variant }] });
    const id = r.ok ? r.value[0]! : '';
    const callsBefore = [...fakes.state.calls.entries()].filter(([op]) => op.startsWith(c.platform)).reduce((a, [, v]) => a + v, 0);
    await runDelivery(deps, id);
    const d = await t.db.selectFrom('deliveries').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(d.state).toBe('failed');
    expect(d.reason).toMatch(c.says);
    const callsAfter = [...fakes.state.calls.entries()].filter(([op]) => op.startsWith(c.platform)).reduce((a, [, v]) => a + v, 0);
    expect(callsAfter).toBe(callsBefore);
  });
});

describe('caption rules at their edges', () => {
  it('accepts exactly 30 hashtags and 20 mentions on Instagram, counts repeats, ignores e-mail addresses', () => {
    expect(checkCaption('instagram', `${tags(30)} ${mentions(20)} info@kelurahan.go.id`).problems).toEqual([]);
    expect(checkCaption('instagram', `${tags(30)} #Tagar0`).problems).toEqual(['too_many_hashtags']);
    expect(checkCaption('tiktok', 'x', 'j'.repeat(90)).problems).toEqual([]);
  });
});
