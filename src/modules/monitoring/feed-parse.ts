import type { AnyNode, Element } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { htmlText, isElement, textOf } from './html.js';

// RSS/Atom feeds and sitemaps through a maintained parser, htmlparser2 in XML mode: it recovers
// from the broken XML small sites send (an unescaped "&", a stray or unclosed tag) where a
// strict parser would call the site dead, and it was the fastest of those measured (fast-xml-
// parser plus a tree walk cost about twice as much per feed in the 8,496-site sweep). Older OpenSID feeds put <item>s outside
// <channel> and omit <pubDate>; both shapes are read.

export interface FeedEntry {
  title: string;
  link: string;
  /** Raw date text as published, null when the feed has none (old OpenSID). */
  date: string | null;
  text: string;
}

export interface ParsedFeed {
  format: 'rss' | 'atom';
  title: string;
  entries: FeedEntry[];
  /** A feed of comments is not a feed of content. */
  isCommentsFeed: boolean;
}

type El = Element;

/** Elements named `name` anywhere below the roots (not inside another match). */
function find(roots: AnyNode[], name: string): El[] {
  const out: El[] = [];
  const stack = [...roots].reverse();
  while (stack.length) {
    const n = stack.pop()!;
    if (!isElement(n)) {
      const c = (n as { children?: AnyNode[] }).children;
      if (c) for (let i = c.length - 1; i >= 0; i--) stack.push(c[i]!);
      continue;
    }
    if (n.name.toLowerCase() === name) {
      out.push(n);
      continue;
    }
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
  }
  return out;
}

function child(n: El, ...names: string[]): El | undefined {
  for (const name of names) {
    const c = n.children.find((x): x is El => isElement(x) && x.name.toLowerCase() === name);
    if (c) return c;
  }
  return undefined;
}

const text = (n: El | undefined) => (n ? textOf(n) : '');

/** XML through htmlparser2's XML mode: tolerant of the broken feeds small sites send. */
function parseXml(body: string): AnyNode[] {
  return parseDocument(body, { xmlMode: true, decodeEntities: true }).children as AnyNode[];
}

export function parseFeed(body: string): ParsedFeed | null {
  const head = body.slice(0, 3000).toLowerCase();
  if (!/<(rss|rdf:rdf|feed|channel)[\s>]/.test(head) && !/<item[\s>]/i.test(body)) return null;
  const roots = parseXml(body);
  const items = find(roots, 'item');
  const atomEntries = items.length === 0 ? find(roots, 'entry') : [];
  if (items.length === 0 && atomEntries.length === 0 && !find(roots, 'rss').length && !find(roots, 'feed').length && !find(roots, 'channel').length) return null;
  const entries: FeedEntry[] = [];
  for (const e of items) {
    const link = child(e, 'link');
    entries.push({
      title: htmlText(text(child(e, 'title'))),
      link: (text(link) || link?.attribs.href || text(child(e, 'guid')) || '').trim(),
      date: text(child(e, 'pubdate', 'dc:date', 'published', 'updated', 'a10:updated')) || null,
      text: htmlText(text(child(e, 'content:encoded', 'description', 'summary'))),
    });
  }
  for (const e of atomEntries) {
    const links = e.children.filter((c): c is El => isElement(c) && c.name.toLowerCase() === 'link');
    const alt = links.find((l) => !l.attribs.rel || l.attribs.rel === 'alternate') ?? links[0];
    entries.push({
      title: htmlText(text(child(e, 'title'))),
      link: (alt?.attribs.href ?? text(alt)).trim(),
      date: text(child(e, 'published', 'updated', 'issued', 'modified')) || null,
      text: htmlText(text(child(e, 'content', 'summary'))),
    });
  }
  const channel = find(roots, 'channel')[0] ?? find(roots, 'feed')[0];
  const channelTitle = htmlText(channel ? text(child(channel, 'title')) : '');
  return {
    format: atomEntries.length ? 'atom' : 'rss',
    title: channelTitle,
    entries,
    isCommentsFeed: /^(comments (on|for)|komentar (pada|untuk|di))/i.test(channelTitle),
  };
}

export interface SitemapEntry {
  loc: string;
  lastmod: string | null;
}

export interface ParsedSitemap {
  kind: 'urlset' | 'index';
  entries: SitemapEntry[];
}

export function parseSitemap(body: string): ParsedSitemap | null {
  if (!/<(urlset|sitemapindex)[\s>]/i.test(body.slice(0, 5000)) && !/<url>\s*<loc>/i.test(body)) return null;
  const roots = parseXml(body);
  const index = find(roots, 'sitemapindex').length > 0;
  const tag = index ? 'sitemap' : 'url';
  const entries: SitemapEntry[] = [];
  for (const n of find(roots, tag)) {
    const loc = text(child(n, 'loc')).trim();
    if (loc) entries.push({ loc, lastmod: text(child(n, 'lastmod')).trim() || null });
  }
  return { kind: index ? 'index' : 'urlset', entries };
}

/** `Sitemap:` lines of robots.txt (a line format, not markup). */
export function robotsSitemaps(robots: string): string[] {
  return robots
    .split(/\r?\n/)
    .map((l) => l.match(/^\s*sitemap\s*:\s*(\S+)/i)?.[1])
    .filter((x): x is string => !!x);
}
