import { iso } from '../../shared/clock.js';
import {
  type ChannelRow,
  getChannel,
  insertActivity,
  listConnectedChannels,
  markNeedsReconnect,
  providerAccountOf,
  updateChannel,
} from '../channels/index.js';
import type { PublishingDeps } from './deps.js';
import { findDeliveryByPlatformPost } from './delivery-repo.js';

// Activity sync (job "channels.sync-activity", e.g. every 3 hours): reads recent posts of every
// connected account so that what staff post directly on a platform counts too. Posts Beranda made
// are recognised by their platform id and linked to their delivery, never counted twice; running
// it twice records nothing new (unique channel + platform post id).

export interface SyncReport {
  channels: number;
  newPosts: number;
  fromBeranda: number;
  direct: number;
  failedChannels: number;
}

export async function syncActivity(deps: PublishingDeps, opts: { channelId?: string } = {}): Promise<SyncReport> {
  const channels: ChannelRow[] = opts.channelId
    ? [await getChannel(deps.db, opts.channelId)].filter((c): c is ChannelRow => !!c && c.state === 'connected')
    : await listConnectedChannels(deps.db);
  const report: SyncReport = { channels: 0, newPosts: 0, fromBeranda: 0, direct: 0, failedChannels: 0 };
  for (const channel of channels) {
    const provider = deps.providers[channel.platform as keyof typeof deps.providers];
    const account = providerAccountOf(channel, deps.tokenKey);
    if (!provider || !account) continue;
    if (channel.cooldown_until && channel.cooldown_until > iso(deps.clock.now())) continue;
    report.channels++;
    const recent = await provider.listRecent(account, { limit: 20 });
    if (!recent.ok) {
      report.failedChannels++;
      if (recent.failure.kind === 'reauth_required') await markNeedsReconnect(deps, channel);
      continue;
    }
    let latest: { at: string; url: string | null } | null = null;
    for (const post of recent.value) {
      if (!post.platformPostId) continue;
      const deliveryId = await findDeliveryByPlatformPost(deps.db, channel.id, post.platformPostId);
      const inserted = await insertActivity(deps.db, {
        unit_id: channel.unit_id,
        channel_id: channel.id,
        platform: channel.platform,
        platform_post_id: post.platformPostId,
        permalink: post.permalink,
        excerpt: post.text.slice(0, 280),
        published_at: post.publishedAt,
        source: deliveryId ? 'beranda' : 'direct',
        delivery_id: deliveryId,
        created_at: iso(deps.clock.now()),
      });
      if (inserted) {
        report.newPosts++;
        if (deliveryId) report.fromBeranda++;
        else report.direct++;
      }
      if (!latest || post.publishedAt > latest.at) latest = { at: post.publishedAt, url: post.permalink };
    }
    await updateChannel(deps.db, channel.id, {
      last_synced_at: iso(deps.clock.now()),
      ...(latest && (!channel.last_post_seen_at || latest.at > channel.last_post_seen_at)
        ? { last_post_seen_at: latest.at, last_post_url: latest.url }
        : {}),
    });
  }
  return report;
}
