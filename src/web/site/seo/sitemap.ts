import { xmlEscape as x } from './xml.js';

// Search engines get one sitemap per unit (so a kelurahan with thousands of posts never pushes
// another out of the 50,000-URL limit) under one index. Only public URLs are ever passed in: the
// caller builds entries from the same "is public" query the pages use.

export interface SitemapEntry {
  loc: string;
  lastmod?: Date;
}

const lastmod = (d?: Date) => (d ? `<lastmod>${d.toISOString().slice(0, 10)}</lastmod>` : '');

export function buildSitemapIndex(sitemaps: SitemapEntry[]): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` +
    sitemaps.map((s) => `<sitemap><loc>${x(s.loc)}</loc>${lastmod(s.lastmod)}</sitemap>`).join('') +
    `</sitemapindex>\n`
  );
}

export function buildUrlset(urls: SitemapEntry[], cap = 50_000): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` +
    urls.slice(0, cap).map((u) => `<url><loc>${x(u.loc)}</loc>${lastmod(u.lastmod)}</url>`).join('') +
    `</urlset>\n`
  );
}

export function buildRobots(sitemapUrls: string | string[]): string {
  // Staff pages and search result pages are not for crawlers (search is an endless URL space).
  // A national install's index comes in numbered parts (an index may not list an index): each is named.
  const lines = (Array.isArray(sitemapUrls) ? sitemapUrls : [sitemapUrls]).map((u) => `Sitemap: ${u}\n`).join('');
  return `User-agent: *\nDisallow: /admin\nDisallow: /api/\nDisallow: /cari\nAllow: /\n\n${lines}`;
}
