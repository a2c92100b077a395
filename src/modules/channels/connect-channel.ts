import { iso } from '../../shared/clock.js';
import { type Result, err, ok } from '../../shared/result.js';
import { getChannel, resolveAlerts, updateChannel } from './channel-repo.js';
import type { ChannelsDeps } from './deps.js';
import type { TokenSet } from './oauth.js';
import { encryptToken } from './token-crypto.js';

// Stores the tokens an OAuth callback produced, encrypted and bound to the channel row, and
// clears any open "reconnect" alert. The web layer calls this after exchange*/listFacebookPages.

export async function connectChannel(
  deps: Pick<ChannelsDeps, 'db' | 'clock' | 'tokenKey'>,
  input: { channelId: string; platformAccountId: string; tokens: TokenSet; displayName?: string; simulation?: boolean },
): Promise<Result<{ channelId: string }, 'not_found'>> {
  const channel = await getChannel(deps.db, input.channelId);
  if (!channel) return err('not_found');
  const now = iso(deps.clock.now());
  await updateChannel(deps.db, channel.id, {
    state: 'connected',
    platform_account_id: input.platformAccountId,
    access_token_enc: encryptToken(deps.tokenKey, input.tokens.accessToken, channel.id),
    refresh_token_enc: input.tokens.refreshToken ? encryptToken(deps.tokenKey, input.tokens.refreshToken, channel.id) : null,
    token_expires_at: input.tokens.expiresAt,
    refresh_expires_at: input.tokens.refreshExpiresAt ?? null,
    ...(input.displayName ? { display_name: input.displayName } : {}),
    ...(input.simulation !== undefined ? { is_simulation: input.simulation ? 1 : 0 } : {}),
    cooldown_until: null,
    updated_at: now,
  });
  await resolveAlerts(deps.db, channel.id, now);
  return ok({ channelId: channel.id });
}
