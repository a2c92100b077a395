import { anchors, titleOf, visibleText } from '../html.js';
import type { IntegrityValue, Observation } from '../observation.js';
import type { CrawlMemory } from '../ports.js';
import type { SiteContext } from '../site-context.js';
import { COMPROMISED_SCORE, scanLexicon } from '../text-rules.js';
import { absoluteUrl, sameSite } from '../url-tools.js';

// Signs that a site was hijacked by online-gambling spam (reference §3.2): the lexicon on the
// home page, its outbound links, the feed and the sitemap URLs; the home page fetched as
// Googlebot and compared with what people see (cloaking); and sitemap sections that appeared
// from nowhere with many URLs. Any clear hit overrides every other verdict.

/** A new sitemap section needs this many URLs to be suspicious (one new page is just a page). */
export const NEW_SECTION_MIN_URLS = 20;

export function sectionOf(url: string): string {
  try {
    return new URL(url).pathname.split('/').filter(Boolean)[0]?.toLowerCase() ?? '';
  } catch {
    return '';
  }
}

export async function checkIntegrity(ctx: SiteContext, memory: CrawlMemory): Promise<Observation> {
  const hits: IntegrityValue['hits'] = [];
  const home = ctx.shared.home;
  let asPeople = { spam: [] as string[], context: [] as string[], score: 0 };
  let asGooglebot = asPeople;
  const note = (where: string, url: string, h: { spam: string[]; context: string[]; score: number }) => {
    if (h.score > 0) hits.push({ where, url, spam: h.spam, context: h.context });
  };
  if (home && home.end === 'complete' && home.status === 200) {
    asPeople = scanLexicon(`${titleOf(home.body)} ${visibleText(home.body)}`);
    note('home', home.finalUrl, asPeople);
    const outbound = anchors(home.body)
      .map((a) => ({ ...a, abs: absoluteUrl(a.href, home.finalUrl) }))
      .filter((a) => a.abs && !sameSite(a.abs, home.finalUrl));
    note('outbound_links', home.finalUrl, scanLexicon(outbound.map((a) => `${a.text} ${a.abs}`).join(' \n ')));
  }
  const bot = await ctx.get(ctx.siteUrl, { ua: 'googlebot' });
  if (bot.end === 'complete' && bot.status === 200) {
    asGooglebot = scanLexicon(`${titleOf(bot.body)} ${visibleText(bot.body)}`);
    note('home_as_googlebot', bot.finalUrl, asGooglebot);
  }
  // Redirecting only Googlebot elsewhere is cloaking too.
  const botRedirectsAway = bot.end === 'offsite_redirect' && home?.end !== 'offsite_redirect';
  const cloaking =
    botRedirectsAway || (asGooglebot.score >= COMPROMISED_SCORE && asPeople.score < COMPROMISED_SCORE);

  if (ctx.shared.feedBody && ctx.shared.feedUrl) note('feed', ctx.shared.feedUrl, scanLexicon(ctx.shared.feedBody));
  const sitemapUrls = ctx.shared.sitemapUrls ?? [];
  if (sitemapUrls.length > 0) note('sitemap', ctx.siteUrl, scanLexicon(sitemapUrls.slice(0, 5000).join(' \n ')));

  const counts = new Map<string, number>();
  for (const u of sitemapUrls) counts.set(sectionOf(u), (counts.get(sectionOf(u)) ?? 0) + 1);
  const known = await memory.knownSections(ctx.siteKey);
  const newSections =
    known === null ? [] : [...counts].filter(([s, n]) => !known.includes(s) && n >= NEW_SECTION_MIN_URLS).map(([s]) => s);
  // Remember the sections only while nothing is wrong, so a suspicious section stays flagged
  // until someone looks at it instead of becoming "known" on the next crawl.
  if (newSections.length === 0 && sitemapUrls.length > 0) await memory.rememberSections(ctx.siteKey, [...counts.keys()]);

  const worst = hits.reduce((m, h) => Math.max(m, h.spam.length * 3 + h.context.length), 0);
  const state: IntegrityValue['state'] =
    worst >= COMPROMISED_SCORE || cloaking ? 'compromised' : worst > 0 || newSections.length > 0 ? 'suspicious' : 'clean';
  const codes = [`integrity_${state}`];
  if (cloaking) codes.push('cloaking');
  if (newSections.length) codes.push('new_sitemap_sections');
  for (const h of hits) if (h.spam.length * 3 + h.context.length >= COMPROMISED_SCORE) codes.push(`spam_in_${h.where}`);
  return {
    kind: 'integrity',
    unitId: ctx.unitId,
    url: ctx.siteUrl,
    fetchedAt: ctx.now.toISOString(),
    source: 'lexicon',
    confidence: state === 'clean' ? 'medium' : 'high',
    value: { state, hits, cloaking, newSitemapSections: newSections },
    evidence: {
      codes,
      facts: {
        terms: [...new Set(hits.flatMap((h) => [...h.spam, ...h.context]))],
        ...(botRedirectsAway ? { googlebotRedirect: bot.offsiteLocation } : {}),
        ...(newSections.length ? { newSections } : {}),
      },
    },
  };
}
