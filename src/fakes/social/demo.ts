import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import { connectChannel, registerChannel, type TokenKey } from '../../modules/channels/index.js';
import type { Clock } from '../../shared/clock.js';
import type { SocialFakes } from './server.js';

// Demo mode (`npm start` on an empty database): connects a few kelurahan's Facebook, Instagram
// and TikTok channels to the loopback fakes, labelled "simulasi", so the whole publishing flow
// can be seen without internet. The composition root must then build the providers with
// graphBase = fakes.graphUrl and tiktokBase = fakes.url. Running it twice adds nothing.

export async function connectSimulatedChannels(
  deps: { db: Kysely<DB>; clock: Clock; tokenKey: TokenKey },
  fakes: SocialFakes,
  units: Array<{ id: string; slug: string; name: string }>,
): Promise<number> {
  let connected = 0;
  for (const unit of units) {
    const handle = unit.slug.replace(/[^a-z0-9]/g, '_');
    const existing = await deps.db.selectFrom('channel_accounts').select('platform').where('unit_id', '=', unit.id).execute();
    const has = new Set(existing.map((e) => e.platform));
    const label = `${unit.name} (simulasi)`;
    if (!has.has('facebook')) {
      const page = fakes.state.addFacebookPage({ username: `kel.${handle}`, name: label });
      connected += await link(deps, unit.id, 'facebook', `https://www.facebook.com/${page.username}`, page.id, page.token, label);
    }
    if (!has.has('instagram')) {
      const ig = fakes.state.addInstagramAccount({ username: `kel_${handle}` });
      connected += await link(deps, unit.id, 'instagram', `https://www.instagram.com/${ig.username}/`, ig.id, ig.token, label);
    }
    if (!has.has('tiktok')) {
      const tt = fakes.state.addTikTokAccount({ username: `kel_${handle}`, privateAccount: !fakes.options.tiktokAudited });
      connected += await link(deps, unit.id, 'tiktok', `https://www.tiktok.com/@${tt.username}`, tt.openId, tt.token, label, tt.refreshToken);
    }
  }
  return connected;
}

async function link(
  deps: { db: Kysely<DB>; clock: Clock; tokenKey: TokenKey },
  unitId: string,
  platform: 'facebook' | 'instagram' | 'tiktok',
  url: string,
  accountId: string,
  token: string,
  label: string,
  refreshToken?: string,
): Promise<number> {
  const reg = await registerChannel(deps, { unitId, platform, profileUrl: url, displayName: label });
  if (!reg.ok) return 0;
  const expiresAt = platform === 'tiktok' ? new Date(deps.clock.now().getTime() + 86_400_000).toISOString() : null;
  await connectChannel(deps, {
    channelId: reg.value.id,
    platformAccountId: accountId,
    tokens: { accessToken: token, expiresAt, ...(refreshToken ? { refreshToken } : {}) },
    displayName: label,
    simulation: true,
  });
  return 1;
}
