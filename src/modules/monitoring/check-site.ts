import { newToken } from '../../shared/ids.js';
import { checkAvailability } from './checks/availability.js';
import { checkDomainExpiry, type RdapBaseFor, type RdapCache } from './checks/domain-expiry.js';
import { checkFreshness } from './checks/freshness.js';
import { checkIntegrity } from './checks/integrity.js';
import { checkTls } from './checks/tls.js';
import type { Fetcher } from './fetcher.js';
import type { Observation } from './observation.js';
import type { CrawlMemory } from './ports.js';
import { createSiteContext } from './site-context.js';

// All checks of one external website, in the order of reference §3.3: reachability and
// identity first (a parked or offsite site is not crawled further), then integrity, freshness.
// One fetch session per site, so its handful of requests share a connection.

export interface CheckSiteOptions {
  unitId: string;
  url: string;
  now: Date;
  rdapBaseFor: RdapBaseFor;
  rdapCache?: RdapCache;
  retries?: number;
  retryDelayMs?: number;
  /** Per-run request cap (politeness). */
  maxRequests?: number;
  probeToken?: string;
}

export async function checkSite(fetcher: Fetcher, memory: CrawlMemory, o: CheckSiteOptions): Promise<Observation[]> {
  const ctx = createSiteContext(fetcher, { unitId: o.unitId, siteUrl: o.url, now: o.now, maxRequests: o.maxRequests });
  try {
    const out: Observation[] = [];
    const availability = await checkAvailability(ctx, {
      retries: o.retries ?? 2,
      retryDelayMs: o.retryDelayMs ?? 2_000,
      probeToken: o.probeToken ?? `beranda-${newToken(6)}`,
    });
    out.push(availability);
    const served = availability.kind === 'availability' ? availability.value.finalUrl : o.url;
    if (o.url.startsWith('https:')) out.push(await checkTls(ctx));
    else if (served.startsWith('https:')) out.push(await checkTls(ctx, served));
    out.push(await checkDomainExpiry(ctx, o.rdapBaseFor, o.rdapCache));
    const state = availability.kind === 'availability' ? availability.value.state : 'down';
    if (state === 'up') out.push(await checkFreshness(ctx, memory));
    // Integrity also runs for sites that look down or parked to people: cloaked spam may still
    // be served to Googlebot. Not for unreachable hosts, where there is nothing to read.
    if (state !== 'down' && state !== 'tls_error') out.push(await checkIntegrity(ctx, memory));
    return out;
  } finally {
    ctx.close();
  }
}
