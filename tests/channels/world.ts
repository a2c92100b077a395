import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../src/db/schema/index.js';
import type { SocialFakes } from '../../src/fakes/social/index.js';
import { connectChannel, createProviders, parseTokenKey, registerChannel } from '../../src/modules/channels/index.js';
import type { PublishingDeps } from '../../src/modules/publishing/index.js';
import type { FixedClock } from '../../src/shared/clock.js';

// A unit with Facebook, Instagram and TikTok accounts connected to the contract fakes.

export const tokenKey = parseTokenKey(randomBytes(32).toString('hex'));

export async function addUnit(db: Kysely<DB>, slug: string): Promise<string> {
  const now = new Date().toISOString();
  const id = `unit-${slug}`;
  await db
    .insertInto('units')
    .values({ id, code: null, kind: 'kelurahan', name: `Kelurahan ${slug}`, slug, parent_id: null, region_code: '19.71', settings: '{}', is_demo: 0, created_at: now, updated_at: now })
    .execute();
  return id;
}

export function publishingDeps(db: Kysely<DB>, clock: FixedClock, fakes: SocialFakes, extra: Partial<PublishingDeps> = {}): PublishingDeps {
  return {
    db,
    clock,
    tokenKey,
    providers: createProviders({
      graphBase: fakes.graphUrl,
      tiktokBase: fakes.url,
      tiktokAudited: fakes.options.tiktokAudited,
      instagramPollMs: 1,
      tiktokPollMs: 1,
      maxPolls: 3,
      sleep: async () => {},
      timeoutMs: 5000,
    }),
    tiktokOAuth: { tiktokBase: fakes.url, clientKey: 'fake-client-key', clientSecret: 'fake-client-secret' },
    random: () => 0.5,
    ...extra,
  };
}

export interface ConnectedUnit {
  unitId: string;
  fb: { channelId: string; pageId: string; token: string };
  ig: { channelId: string; igId: string; token: string };
  tt: { channelId: string; openId: string; token: string; refreshToken: string };
}

export async function connectedUnit(
  deps: PublishingDeps,
  fakes: SocialFakes,
  slug: string,
  opts: { tiktokPrivate?: boolean; tiktokExpiresAt?: string; igQuota?: number } = {},
): Promise<ConnectedUnit> {
  const unitId = await addUnit(deps.db, slug);
  const page = fakes.state.addFacebookPage({ username: `kel.${slug}` });
  const ig = fakes.state.addInstagramAccount({ username: `kel_${slug}`, ...(opts.igQuota ? { quotaTotal: opts.igQuota } : {}) });
  const tt = fakes.state.addTikTokAccount({ username: `kel_${slug}`, privateAccount: opts.tiktokPrivate ?? false });
  const reg = async (platform: 'facebook' | 'instagram' | 'tiktok', url: string) => {
    const r = await registerChannel(deps, { unitId, platform, profileUrl: url });
    if (!r.ok) throw new Error(r.error);
    return r.value.id;
  };
  const fbId = await reg('facebook', `https://www.facebook.com/${page.username}`);
  const igId = await reg('instagram', `https://www.instagram.com/${ig.username}/`);
  const ttId = await reg('tiktok', `https://www.tiktok.com/@${tt.username}`);
  await connectChannel(deps, { channelId: fbId, platformAccountId: page.id, tokens: { accessToken: page.token, expiresAt: null }, simulation: true });
  await connectChannel(deps, { channelId: igId, platformAccountId: ig.id, tokens: { accessToken: ig.token, expiresAt: null }, simulation: true });
  await connectChannel(deps, {
    channelId: ttId,
    platformAccountId: tt.openId,
    tokens: {
      accessToken: tt.token,
      expiresAt: opts.tiktokExpiresAt ?? new Date(deps.clock.now().getTime() + 86_400_000).toISOString(),
      refreshToken: tt.refreshToken,
    },
    simulation: true,
  });
  return {
    unitId,
    fb: { channelId: fbId, pageId: page.id, token: page.token },
    ig: { channelId: igId, igId: ig.id, token: ig.token },
    tt: { channelId: ttId, openId: tt.openId, token: tt.token, refreshToken: tt.refreshToken },
  };
}

export const variants = {
  facebook: { caption: 'Kerja bakti hari Minggu di RW 03', imageUrls: ['https://media.kota.go.id/a/1.jpg', 'https://media.kota.go.id/a/2.jpg'] },
  instagram: { caption: 'Kerja bakti hari Minggu di RW 03 #KelurahanBacang', imageUrls: ['https://media.kota.go.id/a/1.jpg'] },
  tiktok: { caption: 'Kerja bakti hari Minggu #KelurahanBacang', imageUrls: ['https://media.kota.go.id/a/1.jpg'], privacyLevel: 'PUBLIC_TO_EVERYONE' },
};

/** Runs a delivery the way the worker would until it settles, moving the clock to each retry. */
export async function runUntilSettled(
  deps: PublishingDeps,
  clock: FixedClock,
  deliveryId: string,
  run: (deps: PublishingDeps, id: string) => Promise<unknown>,
  maxRuns = 12,
): Promise<void> {
  for (let i = 0; i < maxRuns; i++) {
    const d = await deps.db.selectFrom('deliveries').selectAll().where('id', '=', deliveryId).executeTakeFirstOrThrow();
    if (!['queued', 'sending', 'waiting_platform', 'unconfirmed'].includes(d.state)) return;
    if (d.state === 'unconfirmed' && d.next_attempt_at === null) return;
    const waitUntil = [d.next_attempt_at, d.locked_until].filter(Boolean).sort().pop();
    if (waitUntil && Date.parse(waitUntil) > clock.now().getTime()) clock.set(new Date(Date.parse(waitUntil) + 1));
    await run(deps, deliveryId);
  }
}
