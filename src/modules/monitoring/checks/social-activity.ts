import type { Confidence, ContentItem, Observation } from '../observation.js';
import type { SocialActivitySource } from '../ports.js';

// Social activity comes from the channels module (our deliveries, posts pulled back from the
// platform APIs, links pasted by staff) through a port: monitoring never calls a platform
// itself. One observation per account, with its posts in the window as items.

const confidenceOf = (via: string, verified: boolean): Confidence =>
  via === 'delivery' || via === 'sync' ? 'high' : verified ? 'medium' : 'low';

export async function checkSocialActivity(
  source: SocialActivitySource,
  args: { unitId: string; from: string; to: string; now: Date },
): Promise<Observation[]> {
  const posts = await source.listActivity(args.unitId, args.from, args.to);
  const byAccount = new Map<string, typeof posts>();
  for (const p of posts) {
    const k = `${p.platform}:${p.accountHandle}`;
    byAccount.set(k, [...(byAccount.get(k) ?? []), p]);
  }
  const out: Observation[] = [];
  for (const [, list] of byAccount) {
    const first = list[0]!;
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
      url: `${first.platform}:${first.accountHandle}`,
      fetchedAt: args.now.toISOString(),
      source: 'channels',
      confidence: counted.reduce<Confidence>((m, i) => (rank(i.confidence) > rank(m) ? i.confidence : m), 'none'),
      value: { platform: first.platform, handle: first.accountHandle, items },
      evidence: {
        codes: [counted.length > 0 ? 'social_active' : 'social_broadcast_only'],
        facts: { posts: counted.length, broadcasts: items.length - counted.length },
      },
    });
  }
  return out;
}

const rank = (c: Confidence) => ({ none: 0, low: 1, medium: 2, high: 3 })[c];
