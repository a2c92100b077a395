import { findIndonesianDate, parseDate } from '../dates.js';
import { parseFeed, parseSitemap, robotsSitemaps, type SitemapEntry } from '../feed-parse.js';
import type { FetchResult } from '../fetcher.js';
import { anchors, articleBlocks, attr, jsonLdObjects, linkTags, metaContent, timeDatetimes, titleOf, visibleText } from '../html.js';
import type { Confidence } from '../observation.js';
import { originOf, type SiteContext } from '../site-context.js';
import { absoluteUrl, sameSite } from '../url-tools.js';

// Collectors for the freshness resolver, one per evidence source of reference/freshness.md
// §3.1, strongest first. Each returns candidate items and one line saying what happened, so the
// evidence shows which sources were tried and why they did or did not help.

export interface Candidate {
  url: string;
  title: string;
  claimedAt: string | null;
  source: string;
  confidence: Confidence;
  wpId?: number;
}

export interface SourceOutcome {
  source: string;
  url: string;
  outcome: string;
}

const ok200 = (r: FetchResult) => r.end === 'complete' && r.status === 200;
const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function fingerprint(html: string): 'wordpress' | 'opensid' | 'other' {
  if (/api\.w\.org|\/wp-content\/|\/wp-includes\//i.test(html)) return 'wordpress';
  if (/opensid|content="OpenSID|\/desa\/themes\/|first\/artikel/i.test(html)) return 'opensid';
  return 'other';
}

/** WordPress REST API: the most trustworthy external source (server dates, post ids). */
export async function collectWpRest(ctx: SiteContext, home: FetchResult): Promise<{ items: Candidate[]; outcome: SourceOutcome }> {
  const link = linkTags(home.body).find((l) => l.rel.includes('https://api.w.org/'));
  const apiBase = link ? absoluteUrl(link.href, home.finalUrl) : `${originOf(home.finalUrl)}/wp-json/`;
  const query = 'per_page=10&orderby=date&order=desc&_fields=id,date_gmt,modified_gmt,link,title,status';
  const url = apiBase?.includes('rest_route=')
    ? `${originOf(apiBase)}/?rest_route=/wp/v2/posts&${query}`
    : `${(apiBase ?? '').replace(/\/?$/, '/')}wp/v2/posts?${query}`;
  const r = await ctx.get(url, { accept: 'application/json' });
  if (!ok200(r)) return { items: [], outcome: { source: 'wp_rest', url, outcome: r.end === 'complete' ? `http_${r.status}` : r.end } };
  let posts: unknown;
  try {
    posts = JSON.parse(r.body);
  } catch {
    return { items: [], outcome: { source: 'wp_rest', url, outcome: 'unreadable' } };
  }
  if (!Array.isArray(posts)) return { items: [], outcome: { source: 'wp_rest', url, outcome: 'unreadable' } };
  const items: Candidate[] = [];
  for (const p of posts as Record<string, any>[]) {
    if (p.status && p.status !== 'publish') continue;
    // *_gmt fields carry no zone marker but are UTC.
    const d = typeof p.date_gmt === 'string' ? parseDate(`${p.date_gmt}Z`) : null;
    items.push({
      url: String(p.link ?? ''),
      title: visibleText(String(p.title?.rendered ?? p.title ?? '')),
      claimedAt: iso(d),
      source: 'wp_rest',
      confidence: 'high',
      wpId: typeof p.id === 'number' ? p.id : undefined,
    });
  }
  return { items, outcome: { source: 'wp_rest', url, outcome: `items_${items.length}` } };
}

const FEED_TYPES = ['application/rss+xml', 'application/atom+xml', 'application/feed+json', 'application/rdf+xml'];

/** Feed autodiscovery, then the usual paths (WordPress /feed/, OpenSID /feed.xml). */
export async function collectFeed(
  ctx: SiteContext,
  home: FetchResult,
  platform: string,
): Promise<{ items: Candidate[]; outcome: SourceOutcome; undated: Candidate[] }> {
  const discovered = linkTags(home.body)
    .filter((l) => (l.rel.includes('alternate') && FEED_TYPES.includes(l.type)) || l.rel.includes('feed'))
    .map((l) => absoluteUrl(l.href, home.finalUrl))
    .filter((u): u is string => !!u && sameSite(u, home.finalUrl))
    // Comment feeds are discovered too; the posts feed usually comes first, so try it first.
    .sort((a, b) => Number(/comment|komentar/i.test(a)) - Number(/comment|komentar/i.test(b)));
  const origin = originOf(home.finalUrl);
  const probes =
    platform === 'opensid' ? ['/feed.xml', '/index.php/feed'] : platform === 'wordpress' ? ['/feed/', '/?feed=rss2'] : ['/feed', '/feed.xml', '/rss'];
  const tried: string[] = [];
  for (const url of [...discovered, ...probes.map((p) => origin + p)].slice(0, 4)) {
    tried.push(url);
    const r = await ctx.get(url, { accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5' });
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
      const c: Candidate = { url: link, title: e.title, claimedAt: iso(d), source: 'feed', confidence: 'medium' };
      (d ? items : undated).push(c);
    }
    const how = discovered.includes(url) ? 'autodiscovered' : 'probed';
    return { items, undated, outcome: { source: 'feed', url, outcome: `${how}_${feed.entries.length}_entries_${undated.length}_undated` } };
  }
  return { items: [], undated: [], outcome: { source: 'feed', url: tried.join(' '), outcome: 'none_found' } };
}

/** The date an article page states about itself: JSON-LD, meta, <time>, then printed dates. */
export function articlePageDate(html: string): { date: Date | null; how: string } {
  for (const o of jsonLdObjects(html)) {
    const d = parseDate(String(o.datePublished ?? ''));
    if (d) return { date: d, how: 'json_ld' };
  }
  for (const key of ['article:published_time', 'datePublished', 'og:published_time', 'date']) {
    const d = parseDate(metaContent(html, key));
    if (d) return { date: d, how: 'meta' };
  }
  // Only inside <article>: page headers often print today's date (a classic false "fresh").
  for (const block of articleBlocks(html)) {
    for (const t of timeDatetimes(block)) {
      const d = parseDate(t);
      if (d) return { date: d, how: 'time' };
    }
    const d = findIndonesianDate(visibleText(block));
    if (d) return { date: d, how: 'printed' };
  }
  return { date: null, how: 'none' };
}

/** Dates undated feed items (old OpenSID) from their article pages, at most `limit` pages. */
export async function dateFromArticlePages(ctx: SiteContext, undated: Candidate[], limit: number): Promise<Candidate[]> {
  const out: Candidate[] = [];
  for (const c of undated.slice(0, limit)) {
    if (!sameSite(c.url, ctx.siteUrl)) continue;
    const r = await ctx.get(c.url);
    if (!ok200(r)) continue;
    const { date, how } = articlePageDate(r.body);
    out.push({ ...c, title: c.title || titleOf(r.body), claimedAt: iso(date), source: date ? `article_page_${how}` : c.source });
  }
  return out;
}

/** Items listed on the home page: JSON-LD articles and <article> blocks with their dates. */
export function homePageItems(home: FetchResult): Candidate[] {
  const out: Candidate[] = [];
  for (const o of jsonLdObjects(home.body)) {
    const type = String(o['@type'] ?? '');
    if (!/Article|BlogPosting|NewsArticle|Posting/i.test(type)) continue;
    const url = absoluteUrl(String(o.url ?? o['@id'] ?? ''), home.finalUrl);
    if (!url) continue;
    out.push({ url, title: String(o.headline ?? o.name ?? ''), claimedAt: iso(parseDate(String(o.datePublished ?? ''))), source: 'page_json_ld', confidence: 'medium' });
  }
  for (const block of articleBlocks(home.body)) {
    const a = anchors(block).find((x) => x.text.length > 0);
    if (!a) continue;
    const url = absoluteUrl(a.href, home.finalUrl);
    if (!url) continue;
    const t = timeDatetimes(block)[0];
    const d = parseDate(t) ?? findIndonesianDate(visibleText(block));
    out.push({ url, title: a.text, claimedAt: iso(d), source: 'page_article', confidence: 'medium' });
  }
  return out;
}

/** Sitemap entries (robots.txt first, then the usual paths), following one index level. */
export async function collectSitemap(ctx: SiteContext, home: FetchResult): Promise<{ entries: SitemapEntry[]; outcome: SourceOutcome }> {
  const origin = originOf(home.finalUrl);
  const robots = await ctx.get(`${origin}/robots.txt`, { accept: 'text/plain', maxBytes: 64 * 1024 });
  const listed = ok200(robots) ? robotsSitemaps(robots.body).filter((u) => sameSite(u, origin)) : [];
  const candidates = [...new Set([...listed, `${origin}/sitemap.xml`, `${origin}/wp-sitemap.xml`])].slice(0, 3);
  for (const url of candidates) {
    const r = await ctx.get(url, { accept: 'application/xml, text/xml' });
    if (!ok200(r)) continue;
    const sm = parseSitemap(r.body);
    if (!sm) continue;
    if (sm.kind === 'urlset') return { entries: sm.entries, outcome: { source: 'sitemap', url, outcome: `entries_${sm.entries.length}` } };
    // Index: read the content sitemaps (posts/articles first), at most three.
    const children = sm.entries
      .map((e) => e.loc)
      .filter((u) => sameSite(u, origin))
      .sort((a, b) => Number(/post|artikel|berita|news/i.test(b)) - Number(/post|artikel|berita|news/i.test(a)))
      .slice(0, 3);
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
  const last = new URL(url).pathname.split('/').filter(Boolean).pop() ?? '';
  let text = last;
  try {
    text = decodeURIComponent(last);
  } catch {
    /* a stray % in a URL: keep it as it is */
  }
  return text.replace(/[-_]+/g, ' ');
}

export { attr };
