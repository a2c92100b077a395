import { iso } from '../../shared/clock.js';
import { type ChannelRow, openAlert, updateChannel } from './channel-repo.js';
import type { ChannelsDeps } from './deps.js';

// Only a classified auth failure (190, access_token_invalid after one refresh, invalid_grant)
// lands here; transient errors never flip a channel (Postiz PR #1822 flagged channels every
// 50 minutes that way). One alert per incident, shown on the unit's staff home (in the web's words).

export async function markNeedsReconnect(deps: Pick<ChannelsDeps, 'db' | 'clock'>, channel: ChannelRow): Promise<boolean> {
  const now = iso(deps.clock.now());
  await updateChannel(deps.db, channel.id, { state: 'needs_reconnect', updated_at: now });
  return openAlert(deps.db, {
    unitId: channel.unit_id,
    channelId: channel.id,
    kind: 'reconnect',
    now,
  });
}
