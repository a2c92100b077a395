import type { ContentItem, Observation } from '../observation.js';
import type { OwnContentSource } from '../ports.js';
import { COMPROMISED_SCORE, isDefaultTitle, scanLexicon, wordCount } from '../text-rules.js';

// Sites Beranda hosts: our own database is authoritative for dates, but a hijacked staff
// account can still publish gambling spam, and empty or placeholder posts prove nothing, so the
// same filters as for external sites apply (reference §3.1 row 0).

export const MIN_WORDS = 5;

export async function checkOwnContent(
  source: OwnContentSource,
  args: { unitId: string; siteUrl: string; from: string; to: string; now: Date },
): Promise<Observation[]> {
  const posts = await source.listPublished(args.unitId, args.from, args.to);
  const items: ContentItem[] = [];
  const rejected: { url: string; title: string; reason: string }[] = [];
  const spamHits: { where: string; url: string; spam: string[]; context: string[] }[] = [];
  for (const p of posts) {
    const lex = scanLexicon(`${p.title} ${p.bodyText}`);
    if (lex.score > 0) spamHits.push({ where: 'own_post', url: p.url, spam: lex.spam, context: lex.context });
    const reason = isDefaultTitle(p.title)
      ? 'default_post'
      : lex.score >= COMPROMISED_SCORE
        ? 'spam_title'
        : wordCount(`${p.title} ${p.bodyText}`) < MIN_WORDS
          ? 'too_short'
          : null;
    if (reason) {
      rejected.push({ url: p.url, title: p.title, reason });
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
  const compromised = spamHits.some((h) => h.spam.length * 3 + h.context.length >= COMPROMISED_SCORE);
  const state = items.length > 0 ? 'ok' : rejected.some((r) => r.reason === 'default_post') ? 'default_only' : 'no_content';
  return [
    {
      kind: 'freshness',
      unitId: args.unitId,
      url: args.siteUrl,
      fetchedAt,
      source: 'beranda',
      confidence: items.length ? 'high' : 'none',
      value: { state, platform: 'beranda', items, rejected, sources: [{ source: 'beranda', url: args.siteUrl, outcome: `items_${posts.length}` }], latestEffectiveAt: items[0]?.effectiveAt ?? null },
      evidence: { codes: [`freshness_${state}`], facts: { posts: posts.length } },
    },
    {
      kind: 'integrity',
      unitId: args.unitId,
      url: args.siteUrl,
      fetchedAt,
      source: 'beranda',
      confidence: 'high',
      value: { state: compromised ? 'compromised' : spamHits.length ? 'suspicious' : 'clean', hits: spamHits, cloaking: false, newSitemapSections: [] },
      evidence: { codes: [compromised ? 'integrity_compromised' : spamHits.length ? 'integrity_suspicious' : 'integrity_clean'], facts: {} },
    },
  ];
}
