import type { Confidence, ContentItem, Observation } from '../observation.js';
import type { SocialActivityItem } from '../ports.js';
import type { MonitorCheck } from './check.js';

// Social activity comes from the channels module (our deliveries, posts pulled back from the
// platform APIs, links pasted by staff) through a port: monitoring never calls a platform
// itself. One observation per account — every registered account, with no posts too, so the
// evidence says "Instagram @kel.bacang: 0 unggahan" instead of saying nothing.

const confidenceOf = (via: string, verified: boolean): Confidence =>
  via === 'delivery' || via === 'sync' ? 'high' : verified ? 'medium' : 'low';

const rank = (c: Confidence) => ({ none: 0, low: 1, medium: 2, high: 3 })[c];

export function socialObservations(
  posts: SocialActivityItem[],
  accounts: { platform: string; handle: string }[],
  args: { unitId: string; now: Date },
): Observation[] {
  const byAccount = new Map<string, { platform: string; handle: string; posts: SocialActivityItem[] }>();
  for (const a of accounts) byAccount.set(`${a.platform}:${a.handle.toLowerCase()}`, { ...a, posts: [] });
  for (const p of posts) {
    const k = `${p.platform}:${p.accountHandle.toLowerCase()}`;
    const entry = byAccount.get(k) ?? { platform: p.platform, handle: p.accountHandle, posts: [] };
    entry.posts.push(p);
    byAccount.set(k, entry);
  }
  const out: Observation[] = [];
  for (const { platform, handle, posts: list } of byAccount.values()) {
    const items: ContentItem[] = list.map((p) => ({
      url: p.postUrl,
      title: p.title ?? '',
      claimedAt: p.publishedAt,
      firstSeenAt: p.publishedAt,
      effectiveAt: p.publishedAt,
      source: p.via,
      confidence: confidenceOf(p.via, p.verified),
      dating: p.via === 'staff_link' && !p.verified ? 'self_declared' : 'platform',
      channel: 'social',
      isBroadcast: p.isBroadcast,
    }));
    const counted = items.filter((i) => !i.isBroadcast);
    out.push({
      kind: 'social_activity',
      unitId: args.unitId,
      url: `${platform}:${handle}`,
      fetchedAt: args.now.toISOString(),
      source: 'channels',
      confidence: counted.reduce<Confidence>((m, i) => (rank(i.confidence) > rank(m) ? i.confidence : m), 'none'),
      value: { platform, handle, items },
      evidence: {
        codes: [counted.length > 0 ? 'social_active' : items.length > 0 ? 'social_broadcast_only' : 'social_no_posts'],
        facts: { posts: counted.length, broadcasts: items.length - counted.length },
      },
    });
  }
  return out;
}

export const socialActivityCheck: MonitorCheck = {
  name: 'social_activity',
  scope: 'unit',
  shouldRun: (r) => !!r.deps.social,
  run: async (r) => {
    const posts = await r.deps.social!.listActivity(r.unitId, r.from, r.to);
    const accounts = r.presences.filter((p) => p.kind === 'social').map((p) => ({ platform: p.platform ?? '', handle: p.handle ?? '' }));
    return socialObservations(posts, accounts, { unitId: r.unitId, now: r.now });
  },
};
