// Where a unit's Beranda site is served: {slug}.{SITE_DOMAIN} when a site domain is configured
// (what the city announces), {PUBLIC_URL}/{slug} otherwise. Shared by the public site (canonical
// links) and the monitoring registry (the address the unit's own site is registered under).

export interface UnitSiteUrlConfig {
  publicUrl: string;
  siteDomain: string | null;
}

export function unitCanonicalBase(cfg: UnitSiteUrlConfig, slug: string): string {
  if (!cfg.siteDomain) return `${cfg.publicUrl}/${slug}`;
  const pub = new URL(cfg.publicUrl);
  // Keep the port only when the public URL itself lives under the site domain (local dev).
  const port = pub.port && pub.hostname.endsWith(cfg.siteDomain) ? `:${pub.port}` : '';
  return `${pub.protocol}//${slug}.${cfg.siteDomain}${port}`;
}
