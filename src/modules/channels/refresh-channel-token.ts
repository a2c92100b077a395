import { iso } from '../../shared/clock.js';
import { type ChannelRow, getChannel, updateChannel } from './channel-repo.js';
import type { ChannelsDeps } from './deps.js';
import { markNeedsReconnect } from './mark-needs-reconnect.js';
import { refreshTikTokToken } from './oauth.js';
import { decryptToken, encryptToken } from './token-crypto.js';

// TikTok access tokens live 24 hours (2 hours on newer docs) and refresh tokens rotate, so a
// refresh must persist the new pair in one write and two refreshes of one account must never
// overlap: the loser would present a dead refresh token and wrongly flag the channel. Within a
// process one promise is shared; across processes (several workers, issue 18) a lease on the
// row decides who refreshes, and the others wait for its outcome.

export type RefreshOutcome = 'refreshed' | 'not_needed' | 'reconnect_needed' | 'retry_later';

const inFlight = new Map<string, Promise<RefreshOutcome>>();

/** Longer than a refresh call can take (its HTTP timeout), so a lease outlives its holder only after a crash. */
export const REFRESH_LEASE_MS = 60_000;
const LEASE_POLL_MS = 250;

export function refreshChannelToken(deps: ChannelsDeps, channelId: string): Promise<RefreshOutcome> {
  const running = inFlight.get(channelId);
  if (running) return running;
  const p = leased(deps, channelId).finally(() => inFlight.delete(channelId));
  inFlight.set(channelId, p);
  return p;
}

async function leased(deps: ChannelsDeps, channelId: string): Promise<RefreshOutcome> {
  const before = await getChannel(deps.db, channelId);
  if (!before) return 'not_needed';
  const until = await claimLease(deps, channelId);
  if (until) {
    try {
      return await doRefresh(deps, channelId);
    } finally {
      await deps.db.updateTable('channel_accounts').set({ refresh_lease_until: null }).where('id', '=', channelId).where('refresh_lease_until', '=', until).execute();
    }
  }
  // Another process is refreshing: its outcome is ours. Real time, not the injected clock —
  // this waits for another process, it is not a business rule.
  const deadline = Date.now() + REFRESH_LEASE_MS;
  for (;;) {
    await new Promise((r) => setTimeout(r, LEASE_POLL_MS));
    const now = await getChannel(deps.db, channelId);
    if (!now) return 'not_needed';
    if (now.refresh_lease_until === null || Date.now() > deadline) {
      if (now.state === 'needs_reconnect') return 'reconnect_needed';
      return now.refresh_token_enc !== before.refresh_token_enc || now.access_token_enc !== before.access_token_enc ? 'refreshed' : 'retry_later';
    }
  }
}

/** Takes the row's refresh lease when it is free or expired; the lease's end time, or null. */
async function claimLease(deps: ChannelsDeps, channelId: string): Promise<string | null> {
  const now = deps.clock.now();
  const until = iso(new Date(now.getTime() + REFRESH_LEASE_MS));
  const r = await deps.db
    .updateTable('channel_accounts')
    .set({ refresh_lease_until: until })
    .where('id', '=', channelId)
    .where((eb) => eb.or([eb('refresh_lease_until', 'is', null), eb('refresh_lease_until', '<', iso(now))]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1 ? until : null;
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
