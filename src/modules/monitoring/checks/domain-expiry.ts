import type { FetchResult } from '../fetcher.js';
import type { DomainExpiryValue, Observation } from '../observation.js';
import type { SiteContext } from '../site-context.js';
import type { MonitorCheck } from './check.js';
import { hostOf, registrableDomain } from '../url-tools.js';

// Domain expiry through RDAP (RFC 9083). An expired go.id or desa.id domain is how parked and
// gambling sites take over a kelurahan's name. The base URL is injected: PANDI's server for .id
// in production (as Uptime Kuma does), the fixture fleet in tests.

const DAY = 24 * 3600_000;
export const DOMAIN_WARN_DAYS = 30;

/** Picks the RDAP server for a domain; null when we know none (then the check says unknown). */
export type RdapBaseFor = (domain: string) => string | null;

export const defaultRdapBase: RdapBaseFor = (domain) => (domain.endsWith('.id') ? 'https://rdap.pandi.id/rdap/' : null);

/**
 * Many kelurahan sites share one registrable domain (bacang.pangkalpinangkota.go.id), and
 * expiry changes once a year: a sweep asks RDAP once per domain through this cache.
 */
export type RdapCache = Map<string, Promise<FetchResult>>;

export async function checkDomainExpiry(ctx: SiteContext, rdapBaseFor: RdapBaseFor, cache?: RdapCache): Promise<Observation> {
  const domain = registrableDomain(hostOf(ctx.siteUrl));
  const base = rdapBaseFor(domain);
  // Keyed by the site URL (not the RDAP URL) so verdicts find it next to the site's other checks.
  const obs = (value: DomainExpiryValue, codes: string[], facts: Record<string, unknown>, rdapUrl: string): Observation => ({
    kind: 'domain_expiry',
    unitId: ctx.unitId,
    url: ctx.siteUrl,
    fetchedAt: ctx.now.toISOString(),
    source: 'rdap',
    confidence: value.state === 'unknown' ? 'none' : 'high',
    value,
    evidence: { codes, facts: rdapUrl === ctx.siteUrl ? facts : { ...facts, rdap: rdapUrl } },
  });
  const unknown = (code: string, facts: Record<string, unknown> = {}, url = ctx.siteUrl) =>
    obs({ state: 'unknown', domain, expiresAt: null, daysLeft: null }, [code], facts, url);
  if (!base) return unknown('rdap_no_server');
  const url = `${base.replace(/\/?$/, '/')}domain/${encodeURIComponent(domain)}`;
  let pending = cache?.get(url);
  if (!pending) {
    pending = ctx.get(url, { accept: 'application/rdap+json, application/json' });
    cache?.set(url, pending);
  }
  const r = await pending;
  if (r.end !== 'complete' || r.status !== 200) return unknown('rdap_unavailable', { status: r.status, end: r.end }, url);
  let expiresAt: string | null = null;
  try {
    const json = JSON.parse(r.body) as { events?: { eventAction?: string; eventDate?: string }[] };
    const ev = json.events?.find((e) => e.eventAction === 'expiration');
    if (ev?.eventDate && !Number.isNaN(Date.parse(ev.eventDate))) expiresAt = new Date(ev.eventDate).toISOString();
  } catch {
    return unknown('rdap_unreadable', {}, url);
  }
  if (!expiresAt) return unknown('rdap_no_expiry', {}, url);
  const daysLeft = Math.floor((Date.parse(expiresAt) - ctx.now.getTime()) / DAY);
  const state: DomainExpiryValue['state'] = daysLeft < 0 ? 'expired' : daysLeft < DOMAIN_WARN_DAYS ? 'expiring' : 'ok';
  return obs({ state, domain, expiresAt, daysLeft }, [`domain_${state}`], { expiresAt, rdap: url }, url);
}

export const domainExpiryCheck: MonitorCheck = {
  name: 'domain_expiry',
  scope: 'website',
  shouldRun: () => true,
  run: async (r) => [await checkDomainExpiry(r.site!, r.site!.settings.rdapBaseFor, r.site!.settings.rdapCache)],
};
