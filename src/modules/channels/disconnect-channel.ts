import { iso } from '../../shared/clock.js';
import { type Result, err, ok } from '../../shared/result.js';
import { getChannel, resolveAlerts, updateChannel } from './channel-repo.js';
import type { ChannelsDeps } from './deps.js';
import { revokeTikTokToken } from './oauth.js';
import { decryptToken } from './token-crypto.js';

// Disconnect: revoke where the platform allows (TikTok has a revoke endpoint; Meta tokens are
// dropped here and the app can be removed by the user on Facebook), then forget the tokens. The
// account stays registered, so it still counts and can use the manual kit.

export async function disconnectChannel(
  deps: ChannelsDeps,
  channelId: string,
): Promise<Result<{ revoked: boolean }, 'not_found'>> {
  const channel = await getChannel(deps.db, channelId);
  if (!channel) return err('not_found');
  let revoked = false;
  if (channel.platform === 'tiktok' && channel.access_token_enc && deps.tiktokOAuth) {
    const token = decryptToken(deps.tokenKey, channel.access_token_enc, channel.id);
    if (token) revoked = await revokeTikTokToken({ ...deps.tiktokOAuth, clock: deps.clock }, token).catch(() => false);
  }
  const now = iso(deps.clock.now());
  await updateChannel(deps.db, channel.id, {
    state: 'registered',
    access_token_enc: null,
    refresh_token_enc: null,
    token_expires_at: null,
    refresh_expires_at: null,
    updated_at: now,
  });
  await resolveAlerts(deps.db, channel.id, now);
  return ok({ revoked });
}
