import type { AnyNode, Element } from 'domhandler';
import { findWrittenDate, parseDate, relativeDate, urlDate } from './dates.js';
import { type HtmlPage, attr, inChrome, isElement, textOf } from './html.js';
import { absoluteUrl, sameSite } from './url-tools.js';

// Reading dates where people see them (issue 15 §2): the article page's own date (JSON-LD,
// Open Graph article times, <time datetime>, a printed Indonesian date) and the items of a list
// page (/berita, /artikel, category pages) with the date printed beside each. Dates in page
// chrome — the header that prints today's date, sidebars of "recent comments" — are never read.

export interface PageDate {
  date: Date;
  /** json_ld, meta, time, printed, relative, url */
  how: string;
}

const ARTICLE_TYPES = /^(Article|NewsArticle|BlogPosting|Report|LiveBlogPosting|AnalysisNewsArticle|ReportageNewsArticle|SocialMediaPosting|Posting|TechArticle|ScholarlyArticle)$/i;
const PAGE_TYPES = /^(WebPage|ItemPage|AboutPage|CollectionPage)$/i;
const META_KEYS = ['article:published_time', 'og:article:published_time', 'datepublished', 'pubdate', 'publish-date', 'publish_date', 'article.published', 'dc.date.issued', 'dc.date', 'dcterms.created', 'sailthru.date', 'parsely-pub-date', 'date'];
const DATE_HINT = /(^|[\s_-])(date|dates|tanggal|tgl|time|posted|post-meta|entry-meta|meta|published|waktu|byline|post-info|info-post|postmeta|tanggal-post|news-date)([\s_-]|$)/i;

const typeOf = (o: Record<string, unknown>) => {
  const t = o['@type'];
  return Array.isArray(t) ? t.map(String) : [String(t ?? '')];
};

/** The date an article page states about itself, strongest marking first. */
export function articleDate(page: HtmlPage, url: string, renderedAt: Date, fresh: boolean): PageDate | null {
  const ld = page.jsonLd.filter((o) => o.datePublished || o.dateCreated);
  for (const pick of [ARTICLE_TYPES, PAGE_TYPES]) {
    for (const o of ld) {
      if (!typeOf(o).some((t) => pick.test(t))) continue;
      const d = parseDate(String(o.datePublished ?? o.dateCreated ?? ''));
      if (d) return { date: d, how: 'json_ld' };
    }
  }
  for (const key of META_KEYS) {
    const d = parseDate(page.meta(key));
    if (d) return { date: d, how: 'meta' };
  }
  const times = page.elements.filter((e) => e.name === 'time' || attr(e, 'itemprop')?.toLowerCase() === 'datepublished');
  const ranked = [
    ...times.filter((e) => attr(e, 'itemprop')?.toLowerCase() === 'datepublished' || /published|entry-date|post-date/i.test(attr(e, 'class') ?? '')),
    ...times,
  ];
  for (const e of ranked) {
    const d = parseDate(attr(e, 'datetime') ?? attr(e, 'content') ?? '') ?? findWrittenDate(textOf(e));
    if (d) return { date: d, how: 'time' };
  }
  for (const e of page.elements) {
    if (!DATE_HINT.test(`${attr(e, 'class') ?? ''} ${attr(e, 'id') ?? ''}`)) continue;
    const text = textOf(e).slice(0, 300);
    const d = findWrittenDate(text) ?? (fresh ? relativeDate(text, renderedAt) : null);
    if (d) return { date: d, how: 'printed' };
  }
  const d = findWrittenDate(page.mainText.slice(0, 2500));
  if (d) return { date: d, how: 'printed' };
  if (fresh) {
    const rel = relativeDate(page.mainText.slice(0, 1500), renderedAt);
    if (rel) return { date: rel, how: 'relative' };
  }
  const u = urlDate(url);
  return u ? { date: u, how: 'url' } : null;
}

/** Paths that are never one article: sections, archives, accounts, files. */
const NOT_ARTICLE = /(\/(tag|tags|category|kategori|categories|author|penulis|page|halaman|search|cari|wp-login|wp-admin|login|masuk|feed|rss|profil|profile|kontak|contact|tentang|about|galeri|gallery|agenda|layanan|download|unduh|produk-hukum|ppid|sitemap)\/?$|\/(tag|category|kategori|author|page)\/|\.(pdf|jpe?g|png|gif|webp|docx?|xlsx?|pptx?|zip|rar|mp4|mp3)$|\/wp-(content|json|includes)\/|\/(feed|comments)\/?$|\?(replytocom|share)=)/i;

/** An address that looks like one article rather than a section or a file. */
export function isArticleUrl(url: string, site: string): boolean {
  if (!sameSite(url, site)) return false;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  const path = u.pathname.replace(/\/+$/, '');
  if (!path && !u.search) return false;
  if (NOT_ARTICLE.test(`${u.pathname}${u.search}`)) return false;
  const last = path.split('/').pop() ?? '';
  return /[-_]/.test(last) || /\d{2,}/.test(last) || /\.html?$/.test(last) || /[?&](p|id|page_id|artikel|berita)=\d+/.test(u.search) || /\/(read|berita|artikel|post|news|kabar|pengumuman|detail|baca|warta)\/[^/]+/i.test(path);
}

export interface ListItem {
  url: string;
  title: string;
  date: Date | null;
  /** time (a <time> element), printed (a written date), relative ("3 hari yang lalu"), url */
  how: string | null;
  /** Agenda or event listings carry future dates honestly. */
  agenda: boolean;
}

const AGENDA = /(agenda|event|jadwal|kegiatan-mendatang|upcoming|calendar|kalender)/i;

/**
 * The article links of a list page (or a home page), each with the date printed in its own
 * item box: for every article link, the largest enclosing element that holds no other article
 * is its item, and the date is read inside it only.
 */
export function listItems(page: HtmlPage, baseUrl: string, renderedAt: Date, fresh: boolean, limit = 30): ListItem[] {
  const links: { el: Element; url: string; text: string }[] = [];
  for (const a of page.anchors) {
    if (a.chrome || a.hidden) continue;
    const url = absoluteUrl(a.href, baseUrl);
    if (!url || !isArticleUrl(url, baseUrl)) continue;
    const text = a.text || attr(a.el, 'title') || '';
    links.push({ el: a.el, url, text });
  }
  if (links.length === 0) return [];
  // Distinct article URLs under each element (only "one" or "more" matters).
  const urlOf = new Map(links.map((l) => [l.el, l.url]));
  const under = new Map<AnyNode, string | null>();
  const count = (n: AnyNode): string | null => {
    if (under.has(n)) return under.get(n)!;
    let found: string | null = isElement(n) ? (urlOf.get(n) ?? null) : null;
    for (const c of (n as { children?: AnyNode[] }).children ?? []) {
      const x = count(c);
      if (x === null) continue;
      if (found === null) found = x;
      else if (found !== x) found = '*';
    }
    under.set(n, found);
    return found;
  };
  count(page.doc);
  const seen = new Map<string, ListItem>();
  for (const l of links) {
    let box: Element = l.el;
    for (let up = 0, p = l.el.parent; up < 7 && p && isElement(p as AnyNode) && p.type !== 'root'; up++, p = p.parent) {
      if (under.get(p as AnyNode) !== l.url || inChrome(p as Element)) break;
      box = p as Element;
    }
    // Flat lists (<h2><a/></h2><span>date</span><h2>…) keep the date in a sibling: read the
    // next two and the previous one, as long as they hold no other article.
    const siblings = [nextEl(box), nextEl(nextEl(box)), prevEl(box)].filter((x): x is Element => !!x && (under.get(x) ?? null) === null);
    const boxText = [textOf(box), ...siblings.map((x) => textOf(x))].join(' ').slice(0, 800);
    const time = findTime(box) ?? siblings.map(findTime).find((d) => d) ?? null;
    let date: Date | null = time;
    let how: string | null = time ? 'time' : null;
    if (!date) {
      date = findWrittenDate(boxText.replace(l.text, ' '));
      how = date ? 'printed' : null;
    }
    if (!date && fresh) {
      date = relativeDate(boxText, renderedAt);
      how = date ? 'relative' : null;
    }
    if (!date) {
      date = urlDate(l.url);
      how = date ? 'url' : null;
    }
    const heading = headingText(box);
    const title = (l.text.length >= heading.length ? l.text : heading).slice(0, 200);
    const agenda = AGENDA.test(`${attr(box, 'class') ?? ''} ${l.url}`) || !!closestHint(box, AGENDA);
    const prev = seen.get(l.url);
    if (!prev || (!prev.date && date) || title.length > prev.title.length) seen.set(l.url, { url: l.url, title: title || prev?.title || '', date: date ?? prev?.date ?? null, how: how ?? prev?.how ?? null, agenda });
    if (seen.size >= limit) break;
  }
  return [...seen.values()].filter((i) => i.title.trim().length > 0);
}

function nextEl(el: Element | null | undefined): Element | null {
  let n = el?.next ?? null;
  while (n && !isElement(n as AnyNode)) n = n.next;
  return (n as Element | null) ?? null;
}

function prevEl(el: Element | null | undefined): Element | null {
  let n = el?.prev ?? null;
  while (n && !isElement(n as AnyNode)) n = n.prev;
  return (n as Element | null) ?? null;
}

function findTime(box: Element): Date | null {
  const stack: AnyNode[] = [box];
  while (stack.length) {
    const n = stack.pop()!;
    if (!isElement(n)) continue;
    if (n.name === 'time' || attr(n, 'itemprop')?.toLowerCase() === 'datepublished') {
      const d = parseDate(attr(n, 'datetime') ?? attr(n, 'content') ?? '') ?? findWrittenDate(textOf(n));
      if (d) return d;
    }
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
  }
  return null;
}

function headingText(box: Element): string {
  const stack: AnyNode[] = [box];
  while (stack.length) {
    const n = stack.shift()!;
    if (!isElement(n)) continue;
    if (/^h[1-6]$/.test(n.name)) return textOf(n);
    stack.push(...n.children);
  }
  return '';
}

function closestHint(el: Element, re: RegExp): Element | null {
  let cur: AnyNode | null = el;
  for (let d = 0; cur && d < 6; d++) {
    if (isElement(cur) && re.test(`${attr(cur, 'class') ?? ''} ${attr(cur, 'id') ?? ''}`)) return cur;
    cur = cur.parent as AnyNode | null;
  }
  return null;
}

/** Links to list pages of news (/berita, /artikel, /kabar, category pages), best first. */
export function listPageLinks(page: HtmlPage, baseUrl: string): string[] {
  const out: { url: string; score: number }[] = [];
  const WORDS = /\b(berita|artikel|kabar|warta|news|informasi|pengumuman|kegiatan|blog|postingan|publikasi|siaran pers|rilis)\b/i;
  for (const a of page.anchors) {
    const url = absoluteUrl(a.href, baseUrl);
    if (!url || !sameSite(url, baseUrl)) continue;
    let path = '';
    try {
      path = new URL(url).pathname.toLowerCase();
    } catch {
      continue;
    }
    const words = `${a.text} ${path.replace(/[-/_]/g, ' ')}`;
    if (!WORDS.test(words) || isArticleUrl(url, baseUrl) && !/\/(category|kategori)\//.test(path)) continue;
    if (path.split('/').filter(Boolean).length > 3) continue;
    const score = (/^\/(berita|artikel|kabar|news|warta)\/?$/.test(path) ? 3 : 0) + (/(category|kategori)\/(berita|artikel|kabar|news)/.test(path) ? 2 : 0) + (a.chrome ? 1 : 0);
    if (!out.some((o) => o.url === url)) out.push({ url, score });
  }
  out.push(...gatewayLinks(page, baseUrl).filter((url) => !out.some((o) => o.url === url)).map((url) => ({ url, score: 4 })));
  return out.sort((a, b) => b.score - a.score).map((o) => o.url);
}

const ENTRANCE = /\b(masuk|enter|beranda|home|portal|lanjut(kan)?|kunjungi|website|situs)\b/i;
const ASSET = /\.(png|jpe?g|gif|webp|svg|pdf|docx?|xlsx?|zip|css|js)$/i;

/**
 * An intro page ("Selamat datang — Masuk ke situs") stands in front of the real home page: with
 * a handful of links to this site and one that reads as the way in, that link is where the news is.
 */
function gatewayLinks(page: HtmlPage, baseUrl: string): string[] {
  const inside = new Map<string, string>();
  for (const a of page.anchors) {
    const url = absoluteUrl(a.href, baseUrl);
    if (!url || !sameSite(url, baseUrl) || ASSET.test(new URL(url).pathname) || url.replace(/[#?].*$/, '').replace(/\/$/, '') === baseUrl.replace(/[#?].*$/, '').replace(/\/$/, '')) continue;
    inside.set(url, `${a.text} ${new URL(url).pathname.replace(/[-/_.]/g, ' ')}`);
  }
  if (inside.size === 0 || inside.size > 3) return [];
  return [...inside].filter(([, words]) => ENTRANCE.test(words)).map(([url]) => url);
}
