import { iso } from '../../shared/clock.js';
import { type ChannelRow, getChannel, updateChannel } from './channel-repo.js';
import type { ChannelsDeps } from './deps.js';
import { markNeedsReconnect } from './mark-needs-reconnect.js';
import { refreshTikTokToken } from './oauth.js';
import { decryptToken, encryptToken } from './token-crypto.js';

// TikTok access tokens live 24 hours (2 hours on newer docs) and refresh tokens rotate, so a
// refresh must persist the new pair in one write and two refreshes of one account must never
// overlap: the loser would present a dead refresh token and wrongly flag the channel.

export type RefreshOutcome = 'refreshed' | 'not_needed' | 'reconnect_needed' | 'retry_later';

const inFlight = new Map<string, Promise<RefreshOutcome>>();

export function refreshChannelToken(deps: ChannelsDeps, channelId: string): Promise<RefreshOutcome> {
  const running = inFlight.get(channelId);
  if (running) return running;
  const p = doRefresh(deps, channelId).finally(() => inFlight.delete(channelId));
  inFlight.set(channelId, p);
  return p;
}

async function doRefresh(deps: ChannelsDeps, channelId: string): Promise<RefreshOutcome> {
  const channel = await getChannel(deps.db, channelId);
  if (!channel || channel.platform !== 'tiktok' || !channel.refresh_token_enc || !deps.tiktokOAuth) return 'not_needed';
  const refreshToken = decryptToken(deps.tokenKey, channel.refresh_token_enc, channel.id);
  if (!refreshToken) return reconnect(deps, channel);
  const r = await refreshTikTokToken({ ...deps.tiktokOAuth, clock: deps.clock }, refreshToken);
  if (!r.ok) {
    if (r.failure.kind !== 'reauth_required') return 'retry_later';
    // Another process may have rotated the pair meanwhile; only a still-current token is dead.
    const now = await getChannel(deps.db, channelId);
    if (now && now.refresh_token_enc !== channel.refresh_token_enc) return 'refreshed';
    return reconnect(deps, channel);
  }
  await updateChannel(deps.db, channel.id, {
    access_token_enc: encryptToken(deps.tokenKey, r.value.accessToken, channel.id),
    refresh_token_enc: r.value.refreshToken ? encryptToken(deps.tokenKey, r.value.refreshToken, channel.id) : channel.refresh_token_enc,
    token_expires_at: r.value.expiresAt,
    refresh_expires_at: r.value.refreshExpiresAt ?? channel.refresh_expires_at,
    state: 'connected',
    updated_at: iso(deps.clock.now()),
  });
  return 'refreshed';
}

async function reconnect(deps: ChannelsDeps, channel: ChannelRow): Promise<RefreshOutcome> {
  await markNeedsReconnect(deps, channel);
  return 'reconnect_needed';
}
