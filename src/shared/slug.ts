// Slugs are part of public URLs and host names ({slug}.{SITE_DOMAIN}), so they are lowercase
// ASCII letters, digits and single hyphens, and never collide with the app's own paths.
export const RESERVED_SLUGS = new Set([
  'admin', 'api', 'assets', 'media', 'healthz', 'login', 'logout', 'masuk', 'keluar', 'dashboard',
  'feed', 'rss', 'atom', 'sitemap', 'sitemap.xml', 'robots.txt', 'favicon.ico', 'cari', 'search',
  'static', 'www', 'integrations', 'oauth', 'transparansi', 'bantuan', 'kecamatan', 'kota', 'opd', 'wilayah',
]);

export const MAX_SLUG = 60;

export function slugify(input: string): string {
  const full = input
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’`]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return cutAtWord(full, MAX_SLUG);
}

/**
 * Shortens a slug at the last whole word that fits (`…jelang-musim-hujan`, never `…musim-huj`).
 * Only a single word longer than the limit (no hyphen to cut at) is cut mid-word.
 */
function cutAtWord(slug: string, max: number): string {
  if (slug.length <= max) return slug;
  // A hyphen right after the limit means the word before it ends exactly at the limit.
  if (slug[max] === '-') return slug.slice(0, max);
  const head = slug.slice(0, max);
  const lastHyphen = head.lastIndexOf('-');
  return lastHyphen > 0 ? head.slice(0, lastHyphen) : head;
}

/**
 * Picks the first free slug from a list of candidates (most readable first), falling back to a
 * numbered suffix. `taken` must contain every slug already in use.
 */
export function uniqueSlug(candidates: string[], taken: Set<string>): string {
  const clean = candidates.map(slugify).filter((s) => s.length > 0);
  for (const c of clean) {
    if (!taken.has(c) && !RESERVED_SLUGS.has(c)) return c;
  }
  const base = clean[0] || 'unit';
  for (let n = 2; ; n++) {
    const c = `${base}-${n}`;
    if (!taken.has(c) && !RESERVED_SLUGS.has(c)) return c;
  }
}
