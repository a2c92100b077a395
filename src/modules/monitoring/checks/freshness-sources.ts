import { parseDate } from '../dates.js';
import { parseFeed, parseSitemap, robotsSitemaps, type SitemapEntry } from '../feed-parse.js';
import type { FetchResult } from '../fetcher.js';
import { type HtmlPage, htmlText, pageOf } from '../html.js';
import type { Confidence } from '../observation.js';
import { articleDate, listItems, listPageLinks } from '../page-items.js';
import { originOf, type SiteContext } from '../site-context.js';
import { absoluteUrl, sameSite } from '../url-tools.js';
import { asRecord, recordsOf } from '../../../shared/json-record.js';

// Collectors for the freshness resolver, one per evidence source (docs/reference/freshness.md
// §3.1). Each returns candidate items and one line saying what happened, so the evidence shows
// which sources were tried and why they did or did not help.

export interface Candidate {
  url: string;
  title: string;
  claimedAt: string | null;
  source: string;
  confidence: Confidence;
  /** Text the source carried (feed description, article text); undefined when none. */
  body?: string;
  /** From an agenda or events listing: a future date there is an event, not a mistake. */
  agenda?: boolean;
  wpId?: number;
}

export interface SourceOutcome {
  source: string;
  url: string;
  outcome: string;
}

const ok200 = (r: FetchResult) => r.end === 'complete' && r.status === 200;
const iso = (d: Date | null) => (d ? d.toISOString() : null);
const outcomeOf = (r: FetchResult) => (r.end === 'complete' ? `http_${r.status}` : r.end);

/** A response rendered now (not from a stale cache), so "3 hari yang lalu" means what it says. */
export const renderedFresh = (r: FetchResult) => Number(r.headers.age ?? 0) < 3600 && !/hit/i.test(r.headers['x-cache'] ?? r.headers['cf-cache-status'] ?? '');

export function fingerprint(home: FetchResult, page: HtmlPage | undefined): 'wordpress' | 'opensid' | 'blogger' | 'other' {
  const generator = (page?.meta('generator') ?? '').toLowerCase();
  const links = page?.links.map((l) => l.href).join(' ') ?? '';
  const head = home.body.slice(0, 60_000);
  if (generator.includes('wordpress') || page?.links.some((l) => l.rel.includes('https://api.w.org/')) || /\/wp-content\/|\/wp-includes\//i.test(head)) return 'wordpress';
  if (generator.includes('opensid') || /opensid|\/desa\/themes\/|first\/artikel|\/assets\/front\//i.test(head)) return 'opensid';
  if (generator.includes('blogger') || /blogger\.com|\.blogspot\.com|\/feeds\/posts\/default/i.test(`${links} ${head.slice(0, 20_000)}`)) return 'blogger';
  return 'other';
}

/** WordPress REST API: the most trustworthy external source (server dates, post ids). */
export async function collectWpRest(ctx: SiteContext, home: FetchResult, page: HtmlPage | undefined): Promise<{ items: Candidate[]; outcome: SourceOutcome }> {
  const link = page?.links.find((l) => l.rel.includes('https://api.w.org/'));
  const apiBase = link ? absoluteUrl(link.href, home.finalUrl) : `${originOf(home.finalUrl)}/wp-json/`;
  const query = 'per_page=10&orderby=date&order=desc&_fields=id,date_gmt,modified_gmt,link,title,status,excerpt';
  const url = apiBase?.includes('rest_route=')
    ? `${originOf(apiBase)}/?rest_route=/wp/v2/posts&${query}`
    : `${(apiBase ?? '').replace(/\/?$/, '/')}wp/v2/posts?${query}`;
  if (!sameSite(url, home.finalUrl)) return { items: [], outcome: { source: 'wp_rest', url, outcome: 'offsite' } };
  const r = await ctx.polite(url, { accept: 'application/json' });
  if (!ok200(r)) return { items: [], outcome: { source: 'wp_rest', url, outcome: r.retryAfterAt ? 'rate_limited' : outcomeOf(r) } };
  let posts: unknown;
  try {
    posts = JSON.parse(r.body);
  } catch {
    return { items: [], outcome: { source: 'wp_rest', url, outcome: 'unreadable' } };
  }
  if (!Array.isArray(posts)) return { items: [], outcome: { source: 'wp_rest', url, outcome: 'unreadable' } };
  const items: Candidate[] = [];
  for (const p of recordsOf(posts)) {
    if (p.status && p.status !== 'publish') continue;
    // *_gmt fields carry no zone marker but are UTC.
    const d = typeof p.date_gmt === 'string' ? parseDate(`${p.date_gmt}Z`) : null;
    const rendered = asRecord(p.excerpt)?.rendered;
    const excerpt = typeof rendered === 'string' ? htmlText(rendered) : undefined;
    items.push({
      url: String(p.link ?? ''),
      title: htmlText(String(asRecord(p.title)?.rendered ?? p.title ?? '')),
      claimedAt: iso(d),
      source: 'wp_rest',
      confidence: 'high',
      body: excerpt,
      wpId: typeof p.id === 'number' ? p.id : undefined,
    });
  }
  return { items, outcome: { source: 'wp_rest', url, outcome: `items_${items.length}` } };
}

const FEED_TYPES = ['application/rss+xml', 'application/atom+xml', 'application/rdf+xml'];

/** Feed autodiscovery, then the usual paths (WordPress /feed/, OpenSID /feed.xml, Blogger). */
export async function collectFeed(
  ctx: SiteContext,
  home: FetchResult,
  page: HtmlPage | undefined,
  platform: string,
): Promise<{ items: Candidate[]; outcome: SourceOutcome; undated: Candidate[] }> {
  const discovered = (page?.links ?? [])
    .filter((l) => (l.rel.includes('alternate') && FEED_TYPES.includes(l.type)) || l.rel.includes('feed'))
    .map((l) => absoluteUrl(l.href, home.finalUrl))
    .filter((u): u is string => !!u && sameSite(u, home.finalUrl))
    // Comment feeds are discovered too; the posts feed usually comes first, so try it first.
    .sort((a, b) => Number(/comment|komentar/i.test(a)) - Number(/comment|komentar/i.test(b)));
  const origin = originOf(home.finalUrl);
  const probes =
    platform === 'opensid' ? ['/feed.xml', '/index.php/feed'] : platform === 'wordpress' ? ['/feed/', '/?feed=rss2'] : platform === 'blogger' ? ['/feeds/posts/default'] : ['/feed', '/rss', '/feed.xml'];
  const tried: string[] = [];
  for (const url of [...new Set([...discovered, ...probes.map((p) => origin + p)])].slice(0, discovered.length > 0 ? 2 : 3)) {
    tried.push(url);
    const r = await ctx.polite(url, { accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5' });
    if (!ok200(r)) continue;
    const feed = parseFeed(r.body);
    if (!feed || feed.isCommentsFeed) continue;
    ctx.shared.feedUrl = url;
    ctx.shared.feedBody = r.body;
    const items: Candidate[] = [];
    const undated: Candidate[] = [];
    for (const e of feed.entries.slice(0, 20)) {
      const link = absoluteUrl(e.link, url);
      if (!link) continue;
      const d = parseDate(e.date);
      const c: Candidate = { url: link, title: e.title, claimedAt: iso(d), source: 'feed', confidence: 'medium', body: e.text || undefined };
      (d ? items : undated).push(c);
    }
    ctx.shared.feedTitles = [...items, ...undated].map((c) => ({ url: c.url, title: c.title }));
    const how = discovered.includes(url) ? 'autodiscovered' : 'probed';
    return { items, undated, outcome: { source: 'feed', url, outcome: `${how}_${feed.entries.length}_entries_${undated.length}_undated` } };
  }
  return { items: [], undated: [], outcome: { source: 'feed', url: tried.join(' '), outcome: 'none_found' } };
}

/** Items a page lists (home or list page), with the date printed in each item's own box. */
export function pageItems(r: FetchResult, source: 'home_page' | 'list_page'): Candidate[] {
  const page = pageOf(r);
  const fresh = renderedFresh(r);
  const rendered = new Date(r.fetchedAt);
  const out: Candidate[] = [];
  for (const o of page.jsonLd) {
    const type = String(o['@type'] ?? '');
    if (!/Article|BlogPosting|NewsArticle|Posting/i.test(type)) continue;
    const url = absoluteUrl(String(o.url ?? o['@id'] ?? ''), r.finalUrl);
    const d = parseDate(String(o.datePublished ?? ''));
    if (!url || !d) continue;
    out.push({ url, title: String(o.headline ?? o.name ?? ''), claimedAt: d.toISOString(), source: `${source}_json_ld`, confidence: 'medium' });
  }
  for (const i of listItems(page, r.finalUrl, rendered, fresh)) {
    out.push({
      url: i.url,
      title: i.title,
      claimedAt: iso(i.date),
      source: i.date ? `${source}_${i.how}` : source,
      // A relative date ("3 hari yang lalu") or one read from the address is weaker than a printed one.
      confidence: i.how === 'url' ? 'low' : 'medium',
      agenda: i.agenda,
    });
  }
  return out;
}

/** Fetches one list page of news (/berita, /artikel, a category page) and reads its items. */
export async function collectListPage(ctx: SiteContext, home: FetchResult, page: HtmlPage): Promise<{ items: Candidate[]; outcome: SourceOutcome | null }> {
  const url = listPageLinks(page, home.finalUrl).find((u) => u.replace(/\/$/, '') !== home.finalUrl.replace(/\/$/, ''));
  if (!url) return { items: [], outcome: null };
  const r = await ctx.polite(url);
  if (!ok200(r)) return { items: [], outcome: { source: 'list_page', url, outcome: r.retryAfterAt ? 'rate_limited' : outcomeOf(r) } };
  const items = pageItems(r, 'list_page');
  return { items, outcome: { source: 'list_page', url, outcome: `items_${items.length}_dated_${items.filter((i) => i.claimedAt).length}` } };
}

/** Reads the newest few articles' own pages for their dates (bounded deeper evidence). */
export async function dateFromArticlePages(ctx: SiteContext, undated: Candidate[], limit: number): Promise<Candidate[]> {
  const out: Candidate[] = [];
  for (const c of undated.slice(0, limit)) {
    if (!sameSite(c.url, ctx.siteUrl)) continue;
    const r = await ctx.polite(c.url);
    if (!ok200(r)) continue;
    const page = pageOf(r);
    const found = articleDate(page, r.finalUrl, new Date(r.fetchedAt), renderedFresh(r));
    // No date on the page itself: keep what the list said (an address date, weak).
    const usable = found && !(found.how === 'url' && c.claimedAt);
    out.push({
      ...c,
      title: c.title || page.meta('og:title') || page.title,
      claimedAt: usable ? iso(found.date) : c.claimedAt,
      source: usable ? `article_page_${found.how}` : c.source,
      confidence: usable ? (found.how === 'url' ? 'low' : 'medium') : c.confidence,
      body: page.mainText.slice(0, 3000),
    });
  }
  return out;
}

/** Sitemap entries (robots.txt first, then the usual paths), following one index level. */
export async function collectSitemap(ctx: SiteContext, home: FetchResult): Promise<{ entries: SitemapEntry[]; outcome: SourceOutcome }> {
  const origin = originOf(home.finalUrl);
  const robots = await ctx.get(`${origin}/robots.txt`, { accept: 'text/plain', maxBytes: 64 * 1024 });
  const listed = ok200(robots) ? robotsSitemaps(robots.body).filter((u) => sameSite(u, origin)) : [];
  const candidates = [...new Set([...listed, `${origin}/sitemap.xml`, `${origin}/wp-sitemap.xml`])].slice(0, listed.length ? 2 : 2);
  for (const url of candidates) {
    const r = await ctx.get(url, { accept: 'application/xml, text/xml' });
    if (!ok200(r)) continue;
    const sm = parseSitemap(r.body);
    if (!sm) continue;
    if (sm.kind === 'urlset') return { entries: sm.entries, outcome: { source: 'sitemap', url, outcome: `entries_${sm.entries.length}` } };
    // Index: read the content sitemaps (posts/articles first), at most two.
    const children = sm.entries
      .map((e) => e.loc)
      .filter((u) => sameSite(u, origin) && !/\.gz$/i.test(u))
      .sort((a, b) => Number(/post|artikel|berita|news/i.test(b)) - Number(/post|artikel|berita|news/i.test(a)))
      .slice(0, 2);
    const entries: SitemapEntry[] = [];
    for (const child of children) {
      const c = await ctx.get(child, { accept: 'application/xml, text/xml' });
      const parsed = ok200(c) ? parseSitemap(c.body) : null;
      if (parsed?.kind === 'urlset') entries.push(...parsed.entries);
    }
    return { entries, outcome: { source: 'sitemap', url, outcome: `index_${children.length}_children_${entries.length}_entries` } };
  }
  return { entries: [], outcome: { source: 'sitemap', url: candidates.join(' '), outcome: 'none_found' } };
}

/**
 * A sitemap whose dates are all the same day (usually the day of the build or of the request)
 * says nothing about when content changed (squirrelscan crawl/sitemap-lastmod-churn).
 */
export function isBuildStamped(entries: SitemapEntry[]): boolean {
  const days = entries.map((e) => parseDate(e.lastmod)?.toISOString().slice(0, 10)).filter((x): x is string => !!x);
  if (days.length < 3) return false;
  const counts = new Map<string, number>();
  for (const d of days) counts.set(d, (counts.get(d) ?? 0) + 1);
  const top = Math.max(...counts.values());
  return top / days.length >= 0.9;
}

export function sitemapItems(entries: SitemapEntry[], siteUrl: string, limit: number): Candidate[] {
  return entries
    .filter((e) => e.lastmod && parseDate(e.lastmod) && sameSite(e.loc, siteUrl))
    .map((e) => ({ e, d: parseDate(e.lastmod)! }))
    .sort((a, b) => b.d.getTime() - a.d.getTime())
    .slice(0, limit)
    .map(({ e, d }) => ({
      url: e.loc,
      title: slugTitle(e.loc),
      claimedAt: d.toISOString(),
      source: 'sitemap',
      confidence: 'low' as const,
    }));
}

/** A readable title from the last path segment ("kerja-bakti-rw-03" → "kerja bakti rw 03"). */
function slugTitle(url: string): string {
  let last = '';
  try {
    last = new URL(url).pathname.split('/').filter(Boolean).pop() ?? '';
  } catch {
    return '';
  }
  let text = last;
  try {
    text = decodeURIComponent(last);
  } catch {
    /* a stray % in a URL: keep it as it is */
  }
  return text.replace(/\.html?$/, '').replace(/[-_]+/g, ' ');
}
