import { ignoreReason, titleKey } from '../content-filters.js';
import type { ContentItem, FreshnessValue, Observation } from '../observation.js';
import type { OwnContentItem, OwnContentSource } from '../ports.js';
import { scanLexicon, spamStrength } from '../text-rules.js';
import type { MonitorCheck } from './check.js';

// Sites Beranda hosts: our own database is authoritative for dates, but a hijacked staff
// account can still publish gambling spam, and default, placeholder, trivial or re-posted
// posts prove nothing, so the same filters as for external sites apply (reference §3.1 row 0).

const DAY = 24 * 3600_000;
/** How far back a re-post is looked for: the same text published again within a year. */
const REPOST_LOOKBACK_MS = 365 * DAY;

export async function checkOwnContent(
  source: OwnContentSource,
  args: { unitId: string; siteUrl: string; from: string; to: string; now: Date },
): Promise<Observation[]> {
  // One read over the look-back and the period, split here: a national sweep checks ~83,762
  // Beranda sites, and two reads (each with its own lookups) were 6 of a site's ~31 queries.
  const all = await source.listPublished(args.unitId, new Date(Date.parse(args.from) - REPOST_LOOKBACK_MS).toISOString(), args.to, args.siteUrl);
  const older = all.filter((p) => p.publishedAt < args.from);
  const posts = all.filter((p) => p.publishedAt >= args.from);
  const items: ContentItem[] = [];
  const rejected: FreshnessValue['rejected'] = [];
  const spamHits: { where: string; url: string; spam: string[]; context: string[]; strength: 'mention' | 'strong' }[] = [];
  const seenTitles = new Map<string, OwnContentItem>();
  for (const p of older) {
    const k = titleKey(p.title);
    if (k && !seenTitles.has(k)) seenTitles.set(k, p);
  }
  for (const p of [...posts].sort((a, b) => a.publishedAt.localeCompare(b.publishedAt))) {
    const lex = scanLexicon(`${p.title} ${p.bodyText}`);
    const strength = Math.max(['none', 'mention', 'strong'].indexOf(spamStrength(scanLexicon(p.title), 'title')), ['none', 'mention', 'strong'].indexOf(spamStrength(lex, 'text')));
    if (strength > 0) spamHits.push({ where: 'own_post', url: p.url, spam: lex.spam, context: lex.context, strength: strength === 2 ? 'strong' : 'mention' });
    const ignored = ignoreReason(p.title, p.bodyText);
    const k = titleKey(p.title);
    const original = k ? seenTitles.get(k) : undefined;
    let reason: { reason: string; detail?: string } | null = strength === 2 ? { reason: 'spam_title' } : ignored;
    if (!reason && original) reason = { reason: 'repost', detail: `${original.url} ${original.publishedAt}` };
    if (!reason && Date.parse(p.publishedAt) > args.now.getTime() + DAY) reason = { reason: 'future_date', detail: p.publishedAt };
    if (k && !original) seenTitles.set(k, p);
    if (reason) {
      rejected.push({ url: p.url, title: p.title, ...reason, claimedAt: p.publishedAt });
      continue;
    }
    items.push({
      url: p.url,
      title: p.title,
      claimedAt: p.publishedAt,
      firstSeenAt: p.publishedAt,
      effectiveAt: p.publishedAt,
      source: 'beranda',
      confidence: 'high',
      dating: 'platform',
      channel: 'website',
      isBroadcast: p.isBroadcast,
    });
  }
  items.sort((a, b) => (b.effectiveAt ?? '').localeCompare(a.effectiveAt ?? ''));
  const fetchedAt = args.now.toISOString();
  const compromised = spamHits.some((h) => h.strength === 'strong');
  const state: FreshnessValue['state'] =
    items.length > 0 ? 'ok' : rejected.some((r) => r.reason === 'platform_default') ? 'default_only' : rejected.length > 0 ? 'ignored_only' : 'no_content';
  const codes = [`freshness_${state}`];
  if (rejected.some((r) => r.reason === 'repost')) codes.push('repost_ignored');
  if (rejected.some((r) => r.reason === 'future_date')) codes.push('future_dated_item');
  return [
    {
      kind: 'freshness',
      unitId: args.unitId,
      url: args.siteUrl,
      fetchedAt,
      source: 'beranda',
      confidence: items.length ? 'high' : 'none',
      value: { state, platform: 'beranda', items, rejected, sources: [{ source: 'beranda', url: args.siteUrl, outcome: `items_${posts.length}` }], latestEffectiveAt: items[0]?.effectiveAt ?? null },
      evidence: { codes, facts: { posts: posts.length } },
    },
    {
      kind: 'integrity',
      unitId: args.unitId,
      url: args.siteUrl,
      fetchedAt,
      source: 'beranda',
      confidence: 'high',
      value: {
        state: compromised ? 'compromised' : spamHits.length ? 'suspicious' : 'clean',
        hits: spamHits.map((h) => ({ ...h, count: 1, examples: [h.url] })),
        cloaking: false,
        newSitemapSections: [],
      },
      evidence: {
        codes: [compromised ? 'integrity_compromised' : spamHits.length ? 'integrity_suspicious' : 'integrity_clean', ...(compromised ? ['spam_in_own_post'] : [])],
        facts: { examples: spamHits.map((h) => h.url).slice(0, 3), spamPages: spamHits.filter((h) => h.strength === 'strong').length },
      },
    },
  ];
}

export const ownContentCheck: MonitorCheck = {
  name: 'own_content',
  scope: 'beranda_site',
  shouldRun: (r) => !!r.deps.ownContent && !!r.presence?.url,
  run: (r) => checkOwnContent(r.deps.ownContent!, { unitId: r.unitId, siteUrl: r.presence!.url!, from: r.from, to: r.to, now: r.now }),
};
