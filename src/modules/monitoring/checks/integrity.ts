import { pageOf } from '../html.js';
import type { IntegrityHit, IntegrityValue, Observation } from '../observation.js';
import { gamblingSignal, scanUrl } from '../page-signals.js';
import type { SiteContext } from '../site-context.js';
import { scanLexicon, spamStrength } from '../text-rules.js';
import { type MonitorCheck, siteStateOf } from './check.js';

// Signs that a site was hijacked by online-gambling spam (docs/reference/freshness.md §3.2):
// the home page as people and as Googlebot see it (cloaking), hidden and outbound links, the
// feed's items, the sitemap's addresses, sitemap sections that appeared from nowhere — and
// where visitors are sent (a redirect to a gambling site is a hijack). Each hit keeps a count
// and a few example addresses, so a person can open them and see. Any strong hit overrides
// every other verdict; a mere mention (an anti-gambling notice) is only reported.

/** A new sitemap section needs this many URLs to be suspicious (one new page is just a page). */
export const NEW_SECTION_MIN_URLS = 20;
const EXAMPLES = 3;

const scanUrlText = (u: string) => {
  try {
    return new URL(u).pathname.replace(/[-_/]+/g, ' ').replace(/\d+/g, ' ');
  } catch {
    return u;
  }
};

export function sectionOf(url: string): string {
  try {
    return new URL(url).pathname.split('/').filter(Boolean)[0]?.toLowerCase() ?? '';
  } catch {
    return '';
  }
}

export async function checkIntegrity(ctx: SiteContext, siteState: string | null): Promise<Observation> {
  const hits: IntegrityHit[] = [];
  const home = ctx.shared.home;
  const note = (h: IntegrityHit) => {
    if (h.spam.length > 0 || h.context.length > 0 || (h.count ?? 0) > 0) hits.push(h);
  };
  let peopleStrength: 'none' | 'mention' | 'strong' = 'none';
  if (home && ctx.shared.homePage) {
    const g = gamblingSignal(ctx.shared.homePage, home.finalUrl);
    peopleStrength = g.strength;
    const where = spamStrength(g.title, 'title') !== 'none' ? 'home_title' : 'home';
    const both = { spam: [...new Set([...g.title.spam, ...g.text.spam])], context: [...new Set([...g.title.context, ...g.text.context])] };
    // Gambling words alone in an anti-gambling notice are not worth a warning.
    if (both.spam.length || (both.context.length >= 2 && !g.text.against)) note({ where, url: home.finalUrl, ...both, strength: g.strength === 'strong' && (g.title.spam.length > 0 || g.text.spam.length > 0) ? 'strong' : 'mention' });
    if (g.spamLinks.length) note({ where: 'outbound_links', url: home.finalUrl, spam: [], context: [], count: g.spamLinks.length, examples: g.spamLinks.slice(0, EXAMPLES), strength: g.strength === 'strong' ? 'strong' : 'mention' });
    if (g.hiddenSpamLinks.length) note({ where: 'hidden_links', url: home.finalUrl, spam: [], context: [], count: g.hiddenSpamLinks.length, examples: g.hiddenSpamLinks.slice(0, EXAMPLES), strength: 'strong' });
  }
  // Where visitors are really sent.
  const landing = ctx.shared.landing;
  const offsite = home?.end === 'offsite_redirect' ? home.offsiteLocation : siteState?.startsWith('redirected') ? (landing?.requestedUrl ?? null) : null;
  let redirectTo: string | undefined;
  if (siteState === 'redirected_gambling' && offsite) {
    redirectTo = offsite;
    const landed = landing && (landing.end === 'complete' || landing.end === 'too_large') ? pageOf(landing) : null;
    const words = landed ? scanLexicon(`${landed.title} ${landed.text.slice(0, 20_000)}`) : scanUrl(offsite);
    note({ where: 'redirect', url: offsite, spam: words.spam.length ? words.spam : scanUrl(offsite).spam, context: words.context, count: 1, examples: [offsite], strength: 'strong' });
  }

  // Googlebot's view: cloaked spam is served only to search engines.
  const bot = await ctx.get(ctx.siteUrl, { ua: 'googlebot' });
  let botStrength: 'none' | 'mention' | 'strong' = 'none';
  // Most sites send Googlebot the very page people get: then there is nothing more to read.
  const samePage = bot.body === home?.body && bot.finalUrl === home?.finalUrl;
  if (samePage) botStrength = peopleStrength;
  else if (bot.end === 'complete' && bot.status === 200) {
    const g = gamblingSignal(pageOf(bot), bot.finalUrl);
    botStrength = g.strength;
    const spam = [...new Set([...g.title.spam, ...g.text.spam])];
    if (g.strength === 'strong' && peopleStrength !== 'strong') note({ where: 'home_as_googlebot', url: bot.finalUrl, spam, context: g.text.context, strength: 'strong', ...(g.spamLinks.length ? { count: g.spamLinks.length, examples: g.spamLinks.slice(0, EXAMPLES) } : {}) });
  }
  // Redirecting only Googlebot elsewhere is cloaking too.
  const botRedirectsAway = bot.end === 'offsite_redirect' && home?.end !== 'offsite_redirect' && !siteState?.startsWith('redirected');
  const botGambling = botRedirectsAway && bot.offsiteLocation ? scanUrl(bot.offsiteLocation).spam.length > 0 : false;
  const cloaking = botRedirectsAway || (botStrength === 'strong' && peopleStrength !== 'strong');
  if (botRedirectsAway) note({ where: 'googlebot_redirect', url: bot.offsiteLocation ?? ctx.siteUrl, spam: botGambling ? scanUrl(bot.offsiteLocation!).spam : [], context: [], count: 1, examples: [bot.offsiteLocation ?? ''], strength: 'strong' });

  // Feed items with gambling titles: a post on the site itself.
  // The site's own addresses are scanned by path: its host name is not evidence against it.
  const feedSpam = (ctx.shared.feedTitles ?? []).filter((f) => scanLexicon(f.title).spam.length > 0 || scanUrl(f.url, { host: false }).spam.length > 0);
  if (feedSpam.length > 0) {
    const words = scanLexicon(feedSpam.map((f) => f.title).join(' \n '));
    note({ where: 'feed', url: ctx.shared.feedUrl ?? ctx.siteUrl, spam: words.spam, context: words.context, count: feedSpam.length, examples: feedSpam.slice(0, EXAMPLES).map((f) => f.url), strength: 'strong' });
  }
  const sitemapUrls = ctx.shared.sitemapUrls ?? [];
  const spamPages = sitemapUrls.slice(0, 5000).filter((u) => scanUrl(u, { host: false }).spam.length > 0);
  if (spamPages.length > 0) {
    const words = scanLexicon(spamPages.slice(0, 50).map((u) => scanUrlText(u)).join(' '));
    note({ where: 'sitemap', url: ctx.siteUrl, spam: words.spam, context: [], count: spamPages.length, examples: spamPages.slice(0, EXAMPLES), strength: spamPages.length >= 3 ? 'strong' : 'mention' });
  }

  const counts = new Map<string, number>();
  for (const u of sitemapUrls) counts.set(sectionOf(u), (counts.get(sectionOf(u)) ?? 0) + 1);
  const known = await ctx.memory.knownSections(ctx.siteKey);
  const newSections = known === null ? [] : [...counts].filter(([s, n]) => !known.includes(s) && n >= NEW_SECTION_MIN_URLS).map(([s]) => s);
  // Remember the sections only while nothing is wrong, so a suspicious section stays flagged
  // until someone looks at it instead of becoming "known" on the next crawl.
  if (newSections.length === 0 && sitemapUrls.length > 0) await ctx.memory.rememberSections(ctx.siteKey, [...counts.keys()]);

  const strong = hits.some((h) => h.strength === 'strong') || cloaking;
  const state: IntegrityValue['state'] = strong ? 'compromised' : hits.length > 0 || newSections.length > 0 ? 'suspicious' : 'clean';
  const codes = [`integrity_${state}`];
  if (redirectTo) codes.push('redirect_to_gambling');
  if (cloaking) codes.push('cloaking');
  if (newSections.length) codes.push('new_sitemap_sections');
  for (const h of hits) if (h.strength === 'strong' && h.where !== 'redirect' && h.where !== 'googlebot_redirect') codes.push(`spam_in_${h.where}`);
  return {
    kind: 'integrity',
    unitId: ctx.unitId,
    url: ctx.siteUrl,
    fetchedAt: ctx.now.toISOString(),
    source: 'lexicon',
    confidence: state === 'clean' ? 'medium' : 'high',
    value: { state, hits, cloaking, newSitemapSections: newSections, ...(redirectTo ? { redirectTo } : {}) },
    evidence: {
      codes: [...new Set(codes)],
      facts: {
        terms: [...new Set(hits.flatMap((h) => [...h.spam, ...h.context]))],
        examples: [...new Set(hits.flatMap((h) => h.examples ?? []))].slice(0, 5),
        spamPages: hits.reduce((n, h) => n + (h.count ?? 0), 0),
        ...(redirectTo ? { redirectTo } : {}),
        ...(botRedirectsAway ? { googlebotRedirect: bot.offsiteLocation } : {}),
        ...(newSections.length ? { newSections } : {}),
      },
    },
  };
}

export const integrityCheck: MonitorCheck = {
  name: 'integrity',
  scope: 'website',
  // Integrity also runs for sites that look down or parked to people: cloaked spam may still
  // be served to Googlebot. Not for unreachable or refused hosts, where there is nothing to read.
  shouldRun: (r) => {
    const s = siteStateOf(r);
    return s !== null && s !== 'down' && s !== 'tls_error' && s !== 'address_refused' && s !== 'rate_limited';
  },
  run: async (r) => [await checkIntegrity(r.site!, siteStateOf(r))],
};
