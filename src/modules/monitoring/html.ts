// Just enough HTML reading for monitoring: titles, link tags, anchors, meta, JSON-LD and dates
// inside article markup. Regular expressions instead of a DOM parser: pages are bounded by the
// fetcher's byte limit, often malformed, and we need a few facts, not a tree.

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

export function attr(tag: string, name: string): string | null {
  const m = tag.match(new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i'));
  if (!m) return null;
  return decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
}

export function titleOf(html: string): string {
  const m = html.match(/<title[^>]*>([\s\S]*?)<\/title>/i);
  return m ? decodeEntities(m[1]!.replace(/\s+/g, ' ').trim()) : '';
}

export function visibleText(html: string): string {
  return decodeEntities(
    html
      .replace(/<(script|style|noscript|template)[\s\S]*?<\/\1>/gi, ' ')
      .replace(/<!--[\s\S]*?-->/g, ' ')
      .replace(/<[^>]+>/g, ' '),
  )
    .replace(/\s+/g, ' ')
    .trim();
}

export interface LinkTag {
  rel: string[];
  type: string;
  href: string;
  title: string;
}

export function linkTags(html: string): LinkTag[] {
  const out: LinkTag[] = [];
  for (const m of html.matchAll(/<link\b[^>]*>/gi)) {
    const tag = m[0];
    const href = attr(tag, 'href');
    if (!href) continue;
    out.push({
      // rel is a space-separated, case-insensitive token list (feed autodiscovery draft).
      rel: (attr(tag, 'rel') ?? '').toLowerCase().split(/\s+/).filter(Boolean),
      type: (attr(tag, 'type') ?? '').toLowerCase(),
      href,
      title: attr(tag, 'title') ?? '',
    });
  }
  return out;
}

export function anchors(html: string): { href: string; text: string }[] {
  const out: { href: string; text: string }[] = [];
  for (const m of html.matchAll(/<a\b([^>]*)>([\s\S]*?)<\/a>/gi)) {
    const href = attr(` ${m[1]}`, 'href');
    if (href) out.push({ href, text: visibleText(m[2]!) });
  }
  return out;
}

export function metaContent(html: string, key: string): string | null {
  for (const m of html.matchAll(/<meta\b[^>]*>/gi)) {
    const tag = m[0];
    const k = (attr(tag, 'property') ?? attr(tag, 'name') ?? attr(tag, 'itemprop') ?? '').toLowerCase();
    if (k === key.toLowerCase()) return attr(tag, 'content');
  }
  return null;
}

/** Every JSON-LD object on the page, with @graph flattened; broken blocks are skipped. */
export function jsonLdObjects(html: string): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const visit = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      out.push(o);
      if (o['@graph']) visit(o['@graph']);
      if (o.itemListElement) visit(o.itemListElement);
      if (o.item && typeof o.item === 'object') visit(o.item);
    }
  };
  for (const m of html.matchAll(/<script\b[^>]*type\s*=\s*["']?application\/ld\+json["']?[^>]*>([\s\S]*?)<\/script>/gi)) {
    try {
      visit(JSON.parse(m[1]!));
    } catch {
      /* malformed JSON-LD is common; other sources still count */
    }
  }
  return out;
}

/** Inner HTML of each <article> element: dates are only trusted inside them (§3.1 row 4). */
export function articleBlocks(html: string): string[] {
  return [...html.matchAll(/<article\b[^>]*>([\s\S]*?)<\/article>/gi)].map((m) => m[1]!);
}

export function timeDatetimes(html: string): string[] {
  return [...html.matchAll(/<time\b[^>]*>/gi)].map((m) => attr(m[0], 'datetime')).filter((x): x is string => !!x);
}
