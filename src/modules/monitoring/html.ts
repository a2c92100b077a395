import type { AnyNode, Document, Element } from 'domhandler';
import { parseDocument } from 'htmlparser2';

// HTML as the checks read it, from a maintained tolerant parser (htmlparser2): pages we check
// are often malformed and sometimes hostile, and a parser that builds a tree the way browsers
// recover from broken markup is what keeps a stray "<" from hiding an article or a spam link.
// Each page is parsed once (pageOf caches per fetched response) and walked once; the checks
// then read plain values: title, visible and hidden text, links, meta, JSON-LD, regions.

export interface LinkTag {
  rel: string[];
  type: string;
  href: string;
  title: string;
}

export interface Anchor {
  href: string;
  text: string;
  /** Inside page chrome: header, navigation, footer, sidebar, widgets. */
  chrome: boolean;
  /** Hidden from people (display:none, hidden, off-screen): where injected links hide. */
  hidden: boolean;
  el: Element;
}

export interface HtmlPage {
  doc: Document;
  title: string;
  lang: string;
  /** Text people see: no scripts, styles, templates or hidden elements. */
  text: string;
  /** Every text node a crawler reads, hidden ones included (injected spam often hides). */
  allText: string;
  /** Text inside <noscript> ("aktifkan JavaScript"). */
  noscriptText: string;
  /** Visible text outside the page chrome: the content itself. */
  mainText: string;
  links: LinkTag[];
  anchors: Anchor[];
  /** First content of <meta> by property, name or itemprop (lowercase key). */
  meta(key: string): string | null;
  jsonLd: Record<string, unknown>[];
  scripts: { src: string | null; inline: string }[];
  /** Pages framed into this one (<iframe>, <frame>, <embed>, <object>): a hijack may show another site whole. */
  frames: string[];
  /** Target of <meta http-equiv="refresh" content="0;url=…">, if any. */
  metaRefresh: string | null;
  /** Elements that are not chrome, in document order (for item and date extraction). */
  elements: Element[];
}

const SKIP_TEXT = new Set(['script', 'style', 'noscript', 'template', 'svg', 'iframe', 'object', 'canvas', 'select', 'option']);
const CHROME_TAGS = new Set(['header', 'nav', 'footer', 'aside']);
const CHROME_HINT = /(^|[\s_-])(header|site-header|masthead|footer|site-footer|nav|navbar|navigation|menu|mainmenu|sidebar|side-bar|widget|widgets|topbar|top-bar|breadcrumbs?|copyright|ticker|marquee|running-text|tanggal-hari-ini|today|jam|clock|banner-atas)([\s_-]|$)/i;
const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden|(left|top|text-indent)\s*:\s*-\d{3,}px|font-size\s*:\s*0(px)?\s*(;|$)|(height|width)\s*:\s*0(px)?\s*;[^"]*overflow\s*:\s*hidden|opacity\s*:\s*0(\.0+)?\s*(;|$)/i;

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

export function isElement(n: AnyNode): n is Element {
  return n.type === 'tag' || n.type === 'script' || n.type === 'style';
}

export const attr = (el: Element, name: string): string | null => {
  const v = el.attribs[name];
  return v === undefined ? null : v;
};

export function isChromeElement(el: Element): boolean {
  if (CHROME_TAGS.has(el.name)) return true;
  const hint = `${el.attribs.id ?? ''} ${el.attribs.class ?? ''} ${el.attribs.role ?? ''}`;
  return CHROME_HINT.test(hint) || /^(banner|navigation|contentinfo|complementary)$/i.test(el.attribs.role ?? '');
}

const isHiddenElement = (el: Element) => el.attribs.hidden !== undefined || HIDDEN_STYLE.test(el.attribs.style ?? '') || /(^|\s)(hidden|d-none|sr-only|screen-reader-text|visually-hidden)(\s|$)/.test(el.attribs.class ?? '');

/** Text of a subtree, scripts and styles left out. */
export function textOf(node: AnyNode, opts: { skipHidden?: boolean } = {}): string {
  const out: string[] = [];
  const walk = (n: AnyNode) => {
    if (n.type === 'text') out.push((n as unknown as { data: string }).data);
    else if (isElement(n)) {
      if (SKIP_TEXT.has(n.name)) return;
      if (opts.skipHidden && isHiddenElement(n)) return;
      if (n.name === 'br' || n.name === 'p' || n.name === 'div' || n.name === 'li') out.push(' ');
      for (const c of n.children) walk(c);
      if (n.name === 'p' || n.name === 'div' || n.name === 'li' || /^h[1-6]$/.test(n.name) || n.name === 'td') out.push(' ');
    } else if ((n as { children?: AnyNode[] }).children) for (const c of (n as unknown as { children: AnyNode[] }).children) walk(c);
  };
  walk(node);
  return squash(out.join(''));
}

export function closest(el: Element, pred: (e: Element) => boolean, maxDepth = 50): Element | null {
  let cur: AnyNode | null = el;
  for (let d = 0; cur && d <= maxDepth; d++) {
    if (isElement(cur) && pred(cur)) return cur;
    cur = cur.parent as AnyNode | null;
  }
  return null;
}

export const inChrome = (el: Element): boolean => closest(el, isChromeElement) !== null;

function parseJsonLd(raw: string, out: Record<string, unknown>[]): void {
  const visit = (v: unknown, depth: number) => {
    if (depth > 6) return;
    if (Array.isArray(v)) v.forEach((x) => visit(x, depth + 1));
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      out.push(o);
      for (const k of ['@graph', 'itemListElement', 'item', 'mainEntity', 'hasPart', 'blogPost', 'articleBody'] as const) {
        if (o[k] && typeof o[k] === 'object') visit(o[k], depth + 1);
      }
    }
  };
  // Themes often leave trailing commas or HTML comments around the JSON: tolerate both.
  const cleaned = raw.replace(/^\s*<!--|-->\s*$/g, '').replace(/,\s*([}\]])/g, '$1').trim();
  try {
    visit(JSON.parse(cleaned), 0);
  } catch {
    /* a broken block is common; other sources still count */
  }
}

/** Parses a page once and reads everything the checks need in one walk. */
export function parseHtml(html: string): HtmlPage {
  const doc = parseDocument(html, { lowerCaseTags: true, lowerCaseAttributeNames: true, decodeEntities: true });
  let title = '';
  let lang = '';
  const all: string[] = [];
  const visible: string[] = [];
  const main: string[] = [];
  const noscript: string[] = [];
  const links: LinkTag[] = [];
  const anchors: Anchor[] = [];
  const metas = new Map<string, string>();
  const jsonLd: Record<string, unknown>[] = [];
  const scripts: { src: string | null; inline: string }[] = [];
  const elements: Element[] = [];
  const frames: string[] = [];
  let metaRefresh: string | null = null;

  const walk = (n: AnyNode, ctx: { hidden: boolean; chrome: boolean; skip: boolean; noscript: boolean }) => {
    if (n.type === 'text') {
      const data = (n as unknown as { data: string }).data;
      if (ctx.noscript) noscript.push(data.includes('<') ? textOf(parseDocument(data)) : data);
      if (ctx.skip) return;
      all.push(data);
      if (!ctx.hidden) {
        visible.push(data);
        if (!ctx.chrome) main.push(data);
      }
      return;
    }
    if (!isElement(n)) {
      for (const c of (n as unknown as { children?: AnyNode[] }).children ?? []) walk(c, ctx);
      return;
    }
    const el = n;
    const name = el.name;
    if (name === 'title' && !title) title = squash(textOf(el));
    if (name === 'html') lang = el.attribs.lang ?? '';
    if (name === 'link' && el.attribs.href) {
      links.push({
        // rel is a space-separated, case-insensitive token list (feed autodiscovery draft).
        rel: (el.attribs.rel ?? '').toLowerCase().split(/\s+/).filter(Boolean),
        type: (el.attribs.type ?? '').toLowerCase(),
        href: el.attribs.href.trim(),
        title: el.attribs.title ?? '',
      });
    }
    if (name === 'meta') {
      const key = (el.attribs.property ?? el.attribs.name ?? el.attribs.itemprop ?? '').toLowerCase();
      if (key && el.attribs.content !== undefined && !metas.has(key)) metas.set(key, el.attribs.content);
      if ((el.attribs['http-equiv'] ?? '').toLowerCase() === 'refresh') {
        const m = (el.attribs.content ?? '').match(/^\s*\d*\s*[;,]?\s*url\s*=\s*['"]?([^'"]+)/i);
        if (m && !metaRefresh) metaRefresh = m[1]!.trim();
      }
    }
    if (name === 'script') {
      const raw = el.children.map((c) => (c as unknown as { data?: string }).data ?? '').join('');
      if ((el.attribs.type ?? '').toLowerCase().includes('ld+json')) parseJsonLd(raw, jsonLd);
      else scripts.push({ src: el.attribs.src ?? null, inline: raw });
      return;
    }
    const hidden = ctx.hidden || isHiddenElement(el);
    const chrome = ctx.chrome || isChromeElement(el);
    const skip = ctx.skip || SKIP_TEXT.has(name);
    const inNoscript = ctx.noscript || name === 'noscript';
    if (!chrome && !skip) elements.push(el);
    if (name === 'iframe' || name === 'frame' || name === 'embed' || name === 'object') {
      const src = (el.attribs.src ?? el.attribs.data ?? '').trim();
      if (src) frames.push(src);
    }
    if (name === 'a' && el.attribs.href !== undefined) {
      anchors.push({ href: el.attribs.href.trim(), text: textOf(el), chrome, hidden, el });
    }
    const block = /^(p|div|li|br|tr|td|th|h[1-6]|article|section|dd|dt)$/.test(name);
    if (block) {
      all.push(' ');
      if (!hidden) visible.push(' ');
      if (!hidden && !chrome) main.push(' ');
    }
    for (const c of el.children) walk(c, { hidden, chrome, skip, noscript: inNoscript });
    if (block) {
      all.push(' ');
      if (!hidden) visible.push(' ');
      if (!hidden && !chrome) main.push(' ');
    }
  };
  walk(doc, { hidden: false, chrome: false, skip: false, noscript: false });

  return {
    doc,
    title,
    lang,
    text: squash(visible.join('')),
    allText: squash(all.join('')),
    noscriptText: squash(noscript.join(' ')),
    mainText: squash(main.join('')),
    links,
    anchors,
    meta: (key) => metas.get(key.toLowerCase()) ?? null,
    jsonLd,
    scripts,
    frames,
    metaRefresh,
    elements,
  };
}

// One parse per fetched response: availability, integrity and freshness all read the home page.
const cache = new WeakMap<object, HtmlPage>();

export function pageOf(r: { body: string }): HtmlPage {
  let p = cache.get(r);
  if (!p) cache.set(r, (p = parseHtml(r.body)));
  return p;
}

/** Text of an HTML fragment (feed descriptions, REST titles). */
export const htmlText = (fragment: string): string => (fragment.includes('<') || fragment.includes('&') ? textOf(parseDocument(fragment, { decodeEntities: true })) : squash(fragment));
