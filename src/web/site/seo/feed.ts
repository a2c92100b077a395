import { xmlEscape as x } from './xml.js';

// RSS 2.0 wants RFC-822 dates (Date.toUTCString gives the RFC-1123 form, which RSS readers
// expect); Atom wants RFC-3339 (ISO-8601 with zone). Both feeds carry the same items so the
// kecamatan or the city can aggregate kelurahan news without scraping.

export interface FeedItem {
  id: string;
  title: string;
  url: string;
  summary: string;
  published: Date;
  updated: Date;
  author: string;
  category?: string;
  image?: string;
}

export interface Feed {
  title: string;
  description: string;
  siteUrl: string;
  rssUrl: string;
  atomUrl: string;
  /** Stable URI that identifies the feed for Atom (`id`). */
  id: string;
  language?: string;
  items: FeedItem[];
  /** Used when there are no items, so an empty feed still has a valid date. */
  fallbackUpdated: Date;
}

export const rfc822 = (d: Date): string => d.toUTCString();
export const rfc3339 = (d: Date): string => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

const newest = (feed: Feed): Date =>
  feed.items.reduce((m, i) => (i.updated > m ? i.updated : m), feed.items[0]?.updated ?? feed.fallbackUpdated);

export function buildRss(feed: Feed): string {
  const items = feed.items
    .map(
      (i) =>
        `<item><title>${x(i.title)}</title><link>${x(i.url)}</link><guid isPermaLink="true">${x(i.url)}</guid>` +
        `<pubDate>${rfc822(i.published)}</pubDate><description>${x(asHtml(i.summary))}</description>` +
        `<dc:creator>${x(i.author)}</dc:creator>` +
        (i.category ? `<category>${x(i.category)}</category>` : '') +
        (i.image ? `<enclosure url="${x(i.image)}" length="0" type="${imageType(i.image)}"/>` : '') +
        `</item>`,
    )
    .join('');
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>` +
    `<title>${x(feed.title)}</title><link>${x(feed.siteUrl)}</link><description>${x(feed.description)}</description>` +
    `<language>${x(feed.language ?? 'id')}</language><lastBuildDate>${rfc822(newest(feed))}</lastBuildDate>` +
    `<atom:link href="${x(feed.rssUrl)}" rel="self" type="application/rss+xml"/>` +
    items +
    `</channel></rss>\n`
  );
}

export function buildAtom(feed: Feed): string {
  const entries = feed.items
    .map(
      (i) =>
        `<entry><title>${x(i.title)}</title><link rel="alternate" type="text/html" href="${x(i.url)}"/>` +
        `<id>${x(i.url)}</id><published>${rfc3339(i.published)}</published><updated>${rfc3339(i.updated)}</updated>` +
        `<author><name>${x(i.author)}</name></author><summary>${x(i.summary)}</summary>` +
        (i.category ? `<category term="${x(i.category)}"/>` : '') +
        `</entry>`,
    )
    .join('');
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${x(feed.language ?? 'id')}">` +
    `<title>${x(feed.title)}</title><subtitle>${x(feed.description)}</subtitle>` +
    `<link rel="alternate" type="text/html" href="${x(feed.siteUrl)}"/>` +
    `<link rel="self" type="application/atom+xml" href="${x(feed.atomUrl)}"/>` +
    `<id>${x(feed.id)}</id><updated>${rfc3339(newest(feed))}</updated>` +
    entries +
    `</feed>\n`
  );
}

/**
 * An RSS item's description is HTML (readers render it), so a plain-text summary is written as
 * HTML text first and then escaped for XML: "a <b> & c" shows as those characters, not as
 * markup. Atom's <summary> is text by default and needs only the XML escape.
 */
const asHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function imageType(url: string): string {
  if (/\.webp(\?|$)/i.test(url)) return 'image/webp';
  if (/\.png(\?|$)/i.test(url)) return 'image/png';
  if (/\.avif(\?|$)/i.test(url)) return 'image/avif';
  return 'image/jpeg';
}
