import { isIP } from 'node:net';
import { type AllowList, EMPTY_ALLOW_LIST, allowsAddress, allowsHost, classifyAddress, parseAllowList } from './net-guard.js';

// Which addresses may be registered as a unit's website. This is the first gate (the crawler
// checks every connection again, net-guard.ts): http or https only, no user name or password
// in the address, and a host name that can be public — not an internal name, not an address in
// a private network, not Beranda itself. The allow-list (MONITOR_ALLOW) opens chosen networks
// and host suffixes for the loopback test fleet.

export type SiteUrlProblem =
  | 'invalid_url'
  | 'scheme'
  | 'credentials'
  | 'internal_host'
  | 'internal_address'
  | 'beranda_itself';

export interface SiteUrlPolicy {
  allow: AllowList;
  /** Host names that are Beranda itself (PUBLIC_URL's host); their pages are never crawled. */
  ownHosts: string[];
  /** SITE_DOMAIN: `slug.SITE_DOMAIN` are Beranda-hosted unit sites, registered automatically. */
  siteDomain: string | null;
}

export function siteUrlPolicy(o: { allow?: readonly string[]; publicUrl?: string; siteDomain?: string | null } = {}): SiteUrlPolicy {
  let own: string[] = [];
  try {
    if (o.publicUrl) own = [new URL(o.publicUrl).hostname.toLowerCase()];
  } catch {
    own = [];
  }
  return { allow: o.allow ? parseAllowList(o.allow) : EMPTY_ALLOW_LIST, ownHosts: own, siteDomain: o.siteDomain?.toLowerCase() ?? null };
}

/** Names that only resolve inside a network (RFC 6761, RFC 6762, RFC 8375 and common habits). */
const INTERNAL_SUFFIXES = ['.localhost', '.local', '.internal', '.intranet', '.lan', '.home', '.corp', '.private', '.home.arpa', '.arpa', '.test', '.invalid', '.example', '.onion', '.localdomain'];

export type SiteUrlCheck = { ok: true; url: string } | { ok: false; problem: SiteUrlProblem; detail?: string };

/** Validates and normalises (no fragment, lowercase host) an address staff want monitored. */
export function checkSiteUrl(input: string, policy: SiteUrlPolicy): SiteUrlCheck {
  let u: URL;
  try {
    u = new URL(input.trim());
  } catch {
    return { ok: false, problem: 'invalid_url' };
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return { ok: false, problem: 'scheme', detail: u.protocol.replace(/:$/, '') };
  if (u.username || u.password) return { ok: false, problem: 'credentials' };
  const host = u.hostname.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '');
  if (!host) return { ok: false, problem: 'invalid_url' };
  u.hash = '';
  const normalised = u.toString();
  if (isIP(host)) {
    if (allowsAddress(policy.allow, host)) return { ok: true, url: normalised };
    const cls = classifyAddress(host);
    return cls === 'public' ? { ok: true, url: normalised } : { ok: false, problem: 'internal_address', detail: cls };
  }
  if (policy.ownHosts.includes(host)) return { ok: false, problem: 'beranda_itself' };
  if (policy.siteDomain && host.endsWith(`.${policy.siteDomain}`) && host.split('.').length === policy.siteDomain.split('.').length + 1) {
    return { ok: false, problem: 'beranda_itself' };
  }
  if (allowsHost(policy.allow, host)) return { ok: true, url: normalised };
  if (host === 'localhost' || !host.includes('.') || INTERNAL_SUFFIXES.some((s) => `.${host}`.endsWith(s))) {
    return { ok: false, problem: 'internal_host', detail: host };
  }
  // Labels must be DNS labels (an IDN arrives here already in punycode from URL parsing).
  if (!host.split('.').every((l) => /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/.test(l))) return { ok: false, problem: 'invalid_url' };
  return { ok: true, url: normalised };
}
