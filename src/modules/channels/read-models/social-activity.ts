import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema/index.js';
import type { SocialActivityItem, SocialActivitySource } from '../../monitoring/index.js';

// Read model. Joins deliveries (publishing) to channel_activity and channel_accounts (channels):
// a post Beranda delivered carries its content id (to tell a Pemkot broadcast) and its visibility
// (a private-only TikTok post never counts) on the delivery, and the list is filtered and ordered
// in one query per unit and period.
//
// The monitoring engine reads a unit's social posts through its SocialActivitySource port; this
// is the channels module's side of it: posts seen on the unit's registered accounts (published
// by Beranda, pulled back from the platform, or pasted and verified by staff). Which content was
// a Pemkot broadcast is the composer's knowledge, so it comes in as a function.

const VIA: Record<DB['channel_activity']['source'], SocialActivityItem['via']> = { beranda: 'delivery', direct: 'sync', manual: 'staff_link' };

export function channelActivitySource(db: Kysely<DB>, opts: { broadcastPostIds?: (unitId: string) => Promise<Set<string>> } = {}): SocialActivitySource {
  return {
    async listActivity(unitId, from, to) {
      const rows = await db
        .selectFrom('channel_activity as a')
        .innerJoin('channel_accounts as c', 'c.id', 'a.channel_id')
        .leftJoin('deliveries as d', 'd.id', 'a.delivery_id')
        .select(['a.platform', 'c.handle', 'a.permalink', 'a.platform_post_id', 'a.published_at', 'a.source', 'a.excerpt', 'd.post_id'])
        .where('a.unit_id', '=', unitId)
        // A post only its account owner can see (an unaudited TikTok app posts "Hanya saya") is
        // not activity citizens can see: it never counts toward the rule (#14 point 8).
        .where((eb) => eb.or([eb('d.visibility', 'is', null), eb('d.visibility', '!=', 'private_only')]))
        .where('a.published_at', '>=', from)
        .where('a.published_at', '<', to)
        .orderBy('a.published_at')
        .execute();
      const broadcasts = opts.broadcastPostIds && rows.some((r) => r.post_id) ? await opts.broadcastPostIds(unitId) : new Set<string>();
      return rows.map((r) => ({
        accountHandle: r.handle,
        platform: r.platform,
        postUrl: r.permalink ?? `${r.platform}:${r.handle}/${r.platform_post_id}`,
        publishedAt: r.published_at,
        via: VIA[r.source],
        // Manual links are stored only after the channels module verified them with the platform.
        verified: true,
        title: r.excerpt,
        isBroadcast: r.post_id ? broadcasts.has(r.post_id) : false,
      }));
    },
  };
}
