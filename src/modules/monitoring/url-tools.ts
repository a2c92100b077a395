// Helpers to decide whether two URLs belong to the same site. A kelurahan site may move between
// `bacang.pangkalpinangkota.go.id` and `pangkalpinangkota.go.id/bacang`; that is still the same
// registrable domain. A redirect to another registrable domain is how parked and hijacked
// domains usually look, so the crawler stops there instead of following.

// Indonesian second-level suffixes (PANDI) plus the usual multi-label suffixes seen in the wild.
// Not the full Public Suffix List (that would be a dependency); enough for government sites.
const MULTI_LABEL_SUFFIXES = new Set([
  'go.id', 'desa.id', 'ac.id', 'co.id', 'or.id', 'sch.id', 'web.id', 'my.id', 'biz.id', 'net.id',
  'mil.id', 'ponpes.id', 'gov.uk', 'co.uk', 'com.au', 'com.sg', 'gov.sg',
]);

export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase().replace(/\.$/, '');
  } catch {
    return '';
  }
}

/** The registrable domain: `bacang.pangkalpinangkota.go.id` → `pangkalpinangkota.go.id`. */
export function registrableDomain(host: string): string {
  const h = host.toLowerCase().replace(/\.$/, '');
  if (/^\d+\.\d+\.\d+\.\d+$/.test(h) || h.includes(':') || !h.includes('.')) return h;
  const labels = h.split('.');
  const lastTwo = labels.slice(-2).join('.');
  const take = MULTI_LABEL_SUFFIXES.has(lastTwo) ? 3 : 2;
  return labels.slice(-take).join('.');
}

export function sameSite(a: string, b: string): boolean {
  const ha = hostOf(a);
  const hb = hostOf(b);
  return ha !== '' && registrableDomain(ha) === registrableDomain(hb);
}

/** Resolves `href` against `base`; null for junk, mailto:, javascript: and the like. */
export function absoluteUrl(href: string, base: string): string | null {
  try {
    const u = new URL(href.trim(), base);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    u.hash = '';
    return u.toString();
  } catch {
    return null;
  }
}

/** URL without query and fragment, used as the identity of an article for first-seen. */
export function canonicalItemUrl(url: string): string {
  try {
    const u = new URL(url);
    u.hash = '';
    // Tracking parameters would make one article look like many new ones.
    for (const k of [...u.searchParams.keys()]) if (/^utm_|^fbclid$|^amp$/.test(k)) u.searchParams.delete(k);
    u.hostname = u.hostname.replace(/^www\./, '');
    u.protocol = 'https:';
    if (u.port === '443' || u.port === '80') u.port = '';
    return u.toString().replace(/\/$/, '');
  } catch {
    return url;
  }
}
