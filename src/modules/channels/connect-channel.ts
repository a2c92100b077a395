import { type Actor, type UnitRef, auditedChange } from '../accounts/index.js';
import { iso } from '../../shared/clock.js';
import { type Result, err, ok } from '../../shared/result.js';
import { getChannel, resolveAlerts, updateChannel } from './channel-repo.js';
import type { ChannelsDeps } from './deps.js';
import type { TokenSet } from './oauth.js';
import { encryptToken } from './token-crypto.js';

// Stores the tokens an OAuth callback produced, encrypted and bound to the channel row, and
// clears any open "reconnect" alert. Staff connect through connectChannelAsStaff, after the web
// layer's exchange*/listFacebookPages (network calls, done before and outside the transaction).

export async function connectChannel(
  deps: Pick<ChannelsDeps, 'db' | 'clock' | 'tokenKey'>,
  input: { channelId: string; platformAccountId: string; tokens: TokenSet; displayName?: string; simulation?: boolean },
): Promise<Result<{ channelId: string; platform: string }, 'not_found'>> {
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
  return ok({ channelId: channel.id, platform: channel.platform });
}

/**
 * The same by a person finishing the OAuth dialog: refused unless they may write for the unit;
 * only a channel of that unit; the tokens and the 'channel.connected' entry in one transaction.
 */
export async function connectChannelAsStaff(
  deps: Pick<ChannelsDeps, 'db' | 'clock' | 'tokenKey'>,
  args: { actor: Actor; unit: UnitRef } & Parameters<typeof connectChannel>[1],
): Promise<Result<{ channelId: string; platform: string }, 'not_found' | 'forbidden'>> {
  const { actor, unit, ...input } = args;
  return auditedChange(
    deps,
    { actor, unit },
    async (trx) => {
      const channel = await getChannel(trx, input.channelId);
      if (!channel || channel.unit_id !== unit.id) return err('not_found');
      return connectChannel({ ...deps, db: trx }, input);
    },
    (v) => ({ action: 'channel.connected', target: v.channelId, detail: { platform: v.platform, account: input.platformAccountId } }),
  );
}
