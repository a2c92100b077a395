import type { AnyNode, Element } from 'domhandler';
import { XMLParser } from 'fast-xml-parser';
import { parseDocument } from 'htmlparser2';
import { htmlText, isElement, textOf } from './html.js';

// RSS/Atom feeds and sitemaps through maintained parsers: fast-xml-parser for well-formed XML,
// and htmlparser2 in XML mode when a site sends broken XML (an unescaped "&", a stray tag) —
// a strict parser would call such a site dead. Older OpenSID feeds put <item>s outside
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

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: true,
  textNodeName: '#text',
  cdataPropName: false,
  isArray: (name) => ['item', 'entry', 'link', 'url', 'sitemap', 'loc'].includes(name),
});

type Node = Record<string, unknown>;
const arr = (v: unknown): Node[] => (Array.isArray(v) ? (v as Node[]) : v && typeof v === 'object' ? [v as Node] : []);

/** Text of a parsed XML value: a string, or an element with #text. */
function text(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string' || typeof v === 'number') return String(v);
  if (Array.isArray(v)) return text(v[0]);
  if (typeof v === 'object') return text((v as Node)['#text']);
  return '';
}

/** A simplified, engine-neutral tree: tag → children, for the fallback parser. */
interface Lite {
  name: string;
  attrs: Record<string, string>;
  text: string;
  children: Lite[];
}

function fromDom(el: Element): Lite {
  const children = el.children.filter(isElement).map(fromDom);
  return { name: el.name.toLowerCase(), attrs: el.attribs, text: textOf(el), children };
}

/** Both parsers' output as Lite trees, so the readers below are written once. */
function fromXml(name: string, v: unknown): Lite[] {
  if (Array.isArray(v)) return v.flatMap((x) => fromXml(name, x));
  if (v === null || typeof v !== 'object') return [{ name: name.toLowerCase(), attrs: {}, text: v === undefined || v === null ? '' : String(v), children: [] }];
  const o = v as Node;
  const attrs: Record<string, string> = {};
  const children: Lite[] = [];
  for (const [k, val] of Object.entries(o)) {
    if (k.startsWith('@')) attrs[k.slice(1).toLowerCase()] = String(val);
    else if (k !== '#text') children.push(...fromXml(k, val));
  }
  return [{ name: name.toLowerCase(), attrs, text: text(o), children }];
}

export function parseXmlTree(body: string): Lite[] {
  try {
    const doc = xml.parse(body, true) as Node;
    return Object.entries(doc).filter(([k]) => !k.startsWith('?')).flatMap(([k, v]) => fromXml(k, v));
  } catch {
    // Broken XML: htmlparser2's XML mode recovers the way a browser's feed reader would.
    const doc = parseDocument(body, { xmlMode: true, decodeEntities: true });
    return (doc.children as AnyNode[]).filter(isElement).map(fromDom);
  }
}

const find = (nodes: Lite[], name: string): Lite[] => {
  const out: Lite[] = [];
  const walk = (n: Lite) => {
    if (n.name === name) out.push(n);
    else n.children.forEach(walk);
  };
  nodes.forEach(walk);
  return out;
};
const child = (n: Lite, ...names: string[]) => {
  for (const name of names) {
    const c = n.children.find((x) => x.name === name);
    if (c) return c;
  }
  return undefined;
};

export function parseFeed(body: string): ParsedFeed | null {
  const head = body.slice(0, 3000).toLowerCase();
  if (!/<(rss|rdf:rdf|feed|channel)[\s>]/.test(head) && !/<item[\s>]/i.test(body)) return null;
  const roots = parseXmlTree(body);
  const items = find(roots, 'item');
  const atomEntries = items.length === 0 ? find(roots, 'entry') : [];
  if (items.length === 0 && atomEntries.length === 0 && !find(roots, 'rss').length && !find(roots, 'feed').length && !find(roots, 'channel').length) return null;
  const entries: FeedEntry[] = [];
  for (const e of items) {
    const link = child(e, 'link');
    entries.push({
      title: htmlText(child(e, 'title')?.text ?? ''),
      link: (link?.text || link?.attrs.href || child(e, 'guid')?.text || '').trim(),
      date: child(e, 'pubdate', 'dc:date', 'published', 'updated', 'a10:updated')?.text || null,
      text: htmlText(child(e, 'content:encoded', 'description', 'summary')?.text ?? ''),
    });
  }
  for (const e of atomEntries) {
    const links = e.children.filter((c) => c.name === 'link');
    const alt = links.find((l) => !l.attrs.rel || l.attrs.rel === 'alternate') ?? links[0];
    entries.push({
      title: htmlText(child(e, 'title')?.text ?? ''),
      link: (alt?.attrs.href ?? alt?.text ?? '').trim(),
      date: child(e, 'published', 'updated', 'issued', 'modified')?.text || null,
      text: htmlText(child(e, 'content', 'summary')?.text ?? ''),
    });
  }
  const channel = find(roots, 'channel')[0] ?? find(roots, 'feed')[0];
  const channelTitle = htmlText((channel && child(channel, 'title')?.text) ?? '');
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
  const roots = parseXmlTree(body);
  const index = find(roots, 'sitemapindex').length > 0;
  const tag = index ? 'sitemap' : 'url';
  const entries: SitemapEntry[] = [];
  for (const n of find(roots, tag)) {
    const loc = child(n, 'loc')?.text.trim();
    if (loc) entries.push({ loc, lastmod: child(n, 'lastmod')?.text.trim() || null });
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
