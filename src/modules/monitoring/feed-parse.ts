import { decodeEntities } from './html.js';

// Tolerant RSS/Atom and sitemap readers. Older OpenSID feeds put <item>s outside <channel> and
// omit <pubDate>; many sites send broken XML. A strict parser would call those sites dead, so we
// pick out the elements we need wherever they are.

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

function inner(xml: string, tag: string): string | null {
  const m = xml.match(new RegExp(`<${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</${tag}>`, 'i'));
  if (!m) return null;
  return decodeEntities(m[1]!.replace(/^\s*<!\[CDATA\[([\s\S]*?)\]\]>\s*$/, '$1')).trim();
}

const stripTags = (s: string) => s.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();

export function parseFeed(xml: string): ParsedFeed | null {
  const head = xml.slice(0, 2000).toLowerCase();
  const isRss = /<rss[\s>]|<rdf:rdf|<channel[\s>]/.test(head) || /<item[\s>]/i.test(xml);
  const isAtom = /<feed[\s>]/.test(head);
  if (!isRss && !isAtom) return null;
  const entries: FeedEntry[] = [];
  if (isAtom && !isRss) {
    for (const m of xml.matchAll(/<entry\b[^>]*>([\s\S]*?)<\/entry>/gi)) {
      const e = m[1]!;
      const link =
        e.match(/<link\b[^>]*rel\s*=\s*["']alternate["'][^>]*href\s*=\s*["']([^"']+)["']/i)?.[1] ??
        e.match(/<link\b[^>]*href\s*=\s*["']([^"']+)["']/i)?.[1] ??
        '';
      entries.push({
        title: stripTags(inner(e, 'title') ?? ''),
        link: decodeEntities(link),
        date: inner(e, 'published') ?? inner(e, 'updated'),
        text: stripTags(inner(e, 'content') ?? inner(e, 'summary') ?? ''),
      });
    }
  } else {
    for (const m of xml.matchAll(/<item\b[^>]*>([\s\S]*?)<\/item>/gi)) {
      const e = m[1]!;
      entries.push({
        title: stripTags(inner(e, 'title') ?? ''),
        link: (inner(e, 'link') ?? inner(e, 'guid') ?? '').trim(),
        date: inner(e, 'pubDate') ?? inner(e, 'dc:date') ?? inner(e, 'published') ?? null,
        text: stripTags(inner(e, 'content:encoded') ?? inner(e, 'description') ?? ''),
      });
    }
  }
  const channelTitle = stripTags(inner(xml.replace(/<(item|entry)\b[\s\S]*?<\/\1>/gi, ''), 'title') ?? '');
  return {
    format: isAtom && !isRss ? 'atom' : 'rss',
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

export function parseSitemap(xml: string): ParsedSitemap | null {
  const isIndex = /<sitemapindex[\s>]/i.test(xml);
  const isSet = /<urlset[\s>]/i.test(xml) || /<url>\s*<loc>/i.test(xml);
  if (!isIndex && !isSet) return null;
  const tag = isIndex ? 'sitemap' : 'url';
  const entries: SitemapEntry[] = [];
  for (const m of xml.matchAll(new RegExp(`<${tag}\\b[^>]*>([\\s\\S]*?)</${tag}>`, 'gi'))) {
    const loc = inner(m[1]!, 'loc');
    if (loc) entries.push({ loc, lastmod: inner(m[1]!, 'lastmod') });
  }
  return { kind: isIndex ? 'index' : 'urlset', entries };
}

/** `Sitemap:` lines of robots.txt. */
export function robotsSitemaps(robots: string): string[] {
  return [...robots.matchAll(/^\s*sitemap\s*:\s*(\S+)/gim)].map((m) => m[1]!);
}
