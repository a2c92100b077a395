import { newToken } from '../../shared/ids.js';
import type { RdapBaseFor, RdapCache } from './checks/domain-expiry.js';
import { transientlyDown } from './checks/availability.js';
import { CHECKS } from './checks/index.js';
import type { CheckRun } from './checks/check.js';
import type { MonitoringDeps } from './deps.js';
import type { Fetcher } from './fetcher.js';
import type { Observation } from './observation.js';
import type { CrawlMemory } from './ports.js';
import { type FirstLook, createSiteContext } from './site-context.js';

// All checks of one external website: the `website` checks of checks/index.ts, in their order,
// sharing one fetch session (its handful of requests share a connection and a cache).

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
  /** Longest Retry-After honoured in place (default 15 s; a sweep reschedules longer ones). */
  maxRetryAfterMs?: number;
  /** Article pages read for their dates when lists show none (default 3). */
  articlePages?: number;
  /** For checks that need the unit's wider dependencies (none of the website checks today). */
  deps?: MonitoringDeps;
  /**
   * A sweep's quick first look: one request to the home page within these limits, no retries,
   * and nothing more when it finds the site transiently down (the sweep looks again later).
   */
  firstLook?: FirstLook;
  /** Aborted when the sweep lets the check go after its bound: no request is sent after it. */
  signal?: AbortSignal;
}

export async function checkSite(fetcher: Fetcher, memory: CrawlMemory, o: CheckSiteOptions): Promise<Observation[]> {
  const ctx = createSiteContext(fetcher, {
    unitId: o.unitId,
    siteUrl: o.url,
    now: o.now,
    maxRequests: o.maxRequests,
    memory,
    signal: o.signal,
    settings: {
      rdapBaseFor: o.rdapBaseFor,
      rdapCache: o.rdapCache,
      retries: o.firstLook ? 0 : (o.retries ?? 2),
      retryDelayMs: o.retryDelayMs ?? 2_000,
      probeToken: o.probeToken ?? `beranda-${newToken(6)}`,
      maxRetryAfterMs: o.maxRetryAfterMs ?? 15_000,
      articlePages: o.articlePages ?? 3,
      ...(o.firstLook ? { firstLook: o.firstLook } : {}),
    },
  });
  try {
    const out: Observation[] = [];
    const deps = o.deps ?? ({ fetcher, clock: { now: () => o.now }, rdapBaseFor: o.rdapBaseFor } as MonitoringDeps);
    const run: CheckRun = { unitId: o.unitId, now: o.now, site: ctx, deps, from: o.now.toISOString(), to: o.now.toISOString(), earlier: out, presences: [] };
    for (const check of CHECKS) {
      if (o.signal?.aborted) break;
      if (check.scope !== 'website' || !check.shouldRun(run)) continue;
      out.push(...(await check.run(run)));
      if (o.firstLook && out.some(transientlyDown)) return out;
    }
    return out;
  } finally {
    ctx.close();
  }
}
