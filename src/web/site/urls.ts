// A unit's site is reachable at {PUBLIC_URL}/{slug}/… and, when SITE_DOMAIN is set, at
// {slug}.{SITE_DOMAIN}/…. Links inside a page must work in the mode the visitor used (so they
// are relative to the mode's base), while the canonical URL is one address for search engines:
// the host name when configured (it is what the city announces), the path form otherwise.

import { unitCanonicalBase } from '../../shared/unit-site-url.js';

export { unitCanonicalBase };

export type RoutingMode = 'path' | 'host';

export interface SiteLinks {
  mode: RoutingMode;
  /** Prefix for in-page links: `/bacang` in path mode, `` in host mode. */
  base: string;
  /** Absolute origin + base of the canonical address, no trailing slash. */
  canonicalBase: string;
  href(path?: string): string;
  canonical(path?: string): string;
}

export interface UrlConfig {
  publicUrl: string;
  siteDomain: string | null;
}

const join = (base: string, path = '/'): string => {
  const p = path.startsWith('/') ? path : `/${path}`;
  return p === '/' ? `${base}/` : `${base}${p}`;
};

export function unitLinks(cfg: UrlConfig, slug: string, mode: RoutingMode): SiteLinks {
  const base = mode === 'host' ? '' : `/${slug}`;
  const canonicalBase = unitCanonicalBase(cfg, slug);
  return {
    mode,
    base,
    canonicalBase,
    href: (path = '/') => join(base, path),
    canonical: (path = '/') => join(canonicalBase, path),
  };
}

export function portalLinks(cfg: UrlConfig): SiteLinks {
  return {
    mode: 'path',
    base: '',
    canonicalBase: cfg.publicUrl,
    href: (path = '/') => join('', path),
    canonical: (path = '/') => join(cfg.publicUrl, path),
  };
}

/**
 * Which unit a Host header names, or null for the portal. `bacang.pangkalpinangkota.go.id` →
 * `bacang`; the bare domain and `www.` are the portal.
 */
export function slugFromHost(host: string | undefined, siteDomain: string | null): string | null {
  if (!host || !siteDomain) return null;
  const name = host.toLowerCase().replace(/:\d+$/, '').replace(/\.$/, '');
  if (!name.endsWith(`.${siteDomain}`)) return null;
  const sub = name.slice(0, -(siteDomain.length + 1));
  if (!/^[a-z0-9-]+$/.test(sub) || sub === 'www') return null;
  return sub;
}
