import type { RdapBaseFor, RdapCache } from './checks/domain-expiry.js';
import { ABORTED, type Fetcher, type FetchOptions, type FetchResult, type FetchSession } from './fetcher.js';
import type { HtmlPage } from './html.js';
import type { CrawlMemory } from './ports.js';
import { hostOf, registrableDomain } from './url-tools.js';

// Shared state of one site check: one fetch session (kept-alive connections), a per-run cache
// so the home page, feed and sitemap are fetched once although several checks read them, a
// hard cap on requests per run (politeness; docs/reference/freshness.md §3.3), and a time
// budget within which a server's "come back later" (429/503 with Retry-After) is honoured.

export interface SiteCheckSettings {
  rdapBaseFor: RdapBaseFor;
  rdapCache?: RdapCache;
  /** Attempts after the first before a site is declared down. */
  retries: number;
  retryDelayMs: number;
  /** Random path segment for the soft-404 probe; injected so tests are repeatable. */
  probeToken: string;
  /** Longest Retry-After honoured in place, per wait (a sweep reschedules longer ones). */
  maxRetryAfterMs: number;
  /** Article pages read to date items whose list shows no date (bounded deeper evidence). */
  articlePages: number;
  /** Shorter limits for the home page's first request (a sweep's first pass; decision 0015). */
  firstLook?: FirstLook;
}

/** The limits of a sweep's quick first request to a site's home page. */
export interface FirstLook {
  connectTimeoutMs: number;
  totalTimeoutMs: number;
}

export interface SiteContext {
  unitId: string;
  siteUrl: string;
  /** Identity of the site for the crawl memory: its host (without www.) plus path. */
  siteKey: string;
  now: Date;
  fetcher: Fetcher;
  memory: CrawlMemory;
  settings: SiteCheckSettings;
  /** Cached GET; repeated calls for the same URL and user agent reuse the first answer. */
  get(url: string, options?: FetchOptions): Promise<FetchResult>;
  /** Uncached GET, for retries. */
  fresh(url: string, options?: FetchOptions): Promise<FetchResult>;
  /**
   * GET that honours 429/503 + Retry-After within the run's budget: waits and asks again (at
   * most twice). The answer says when the server asked us to come back if it still refuses.
   */
  polite(url: string, options?: FetchOptions): Promise<FetchResult & { retryAfterAt?: string }>;
  requestsMade(): number;
  /** Things one check found that another can use. */
  shared: {
    home?: FetchResult & { retryAfterAt?: string };
    homePage?: HtmlPage;
    /** Where an off-site redirect really led, fetched once (same limits). */
    landing?: FetchResult;
    platform?: 'wordpress' | 'opensid' | 'blogger' | 'other';
    feedUrl?: string;
    feedBody?: string;
    feedTitles?: { url: string; title: string }[];
    sitemapUrls?: string[];
    soft404Probe?: FetchResult;
  };
  close(): void;
}

export function siteKeyOf(url: string): string {
  const host = hostOf(url).replace(/^www\./, '');
  let path = '';
  try {
    path = new URL(url).pathname.replace(/\/+$/, '');
  } catch {
    /* keep host only */
  }
  return `${host}${path}`;
}

/** When a 429/503 says to come back: Retry-After in seconds or as an HTTP date. */
export function retryAfterMs(r: FetchResult, now: Date): number | null {
  if (r.status !== 429 && r.status !== 503) return null;
  const h = r.headers['retry-after'];
  if (!h) return null;
  if (/^\s*\d+\s*$/.test(h)) return Number(h) * 1000;
  const at = Date.parse(h);
  return Number.isNaN(at) ? null : Math.max(0, at - now.getTime());
}

export function createSiteContext(
  fetcher: Fetcher,
  args: { unitId: string; siteUrl: string; now: Date; maxRequests?: number; memory: CrawlMemory; settings: SiteCheckSettings; signal?: AbortSignal },
): SiteContext {
  const session: FetchSession = fetcher.openSession();
  const cache = new Map<string, Promise<FetchResult>>();
  const maxRequests = args.maxRequests ?? 40;
  let made = 0;
  const notSent = (url: string, end: 'complete' | 'timeout_total', errorCode: string): FetchResult => ({
    requestedUrl: url,
    finalUrl: url,
    end,
    errorCode,
    status: null,
    headers: {},
    body: '',
    bytes: 0,
    redirects: [],
    offsiteLocation: null,
    fetchedAt: args.now.toISOString(),
    latencyMs: 0,
    userAgent: 'monitor',
  });
  // Aborted when the run is let go (a sweep's bound, sweep-batches.ts): the request in flight is
  // closed and no new one is sent.
  const signal = args.signal;
  const fresh = (url: string, options?: FetchOptions) => {
    if (signal?.aborted) return Promise.resolve(notSent(url, 'timeout_total', ABORTED));
    if (made >= maxRequests) return Promise.resolve(notSent(url, 'complete', 'BUDGET'));
    made++;
    return session.fetch(url, signal ? { ...options, signal } : options);
  };
  const get = (url: string, options?: FetchOptions) => {
    const key = `${options?.ua ?? 'monitor'} ${options?.method ?? 'GET'} ${url}`;
    let p = cache.get(key);
    if (!p) cache.set(key, (p = fresh(url, options)));
    return p;
  };
  const polite = async (url: string, options?: FetchOptions) => {
    let r = await get(url, options);
    for (let attempt = 0; attempt < 2; attempt++) {
      const wait = retryAfterMs(r, new Date());
      if (wait === null) return r;
      if (wait > args.settings.maxRetryAfterMs) return { ...r, retryAfterAt: new Date(Date.now() + wait).toISOString() };
      await new Promise((res) => setTimeout(res, wait));
      r = await fresh(url, options);
      cache.set(`${options?.ua ?? 'monitor'} ${options?.method ?? 'GET'} ${url}`, Promise.resolve(r));
    }
    const wait = retryAfterMs(r, new Date());
    return wait === null ? r : { ...r, retryAfterAt: new Date(Date.now() + wait).toISOString() };
  };
  return {
    unitId: args.unitId,
    siteUrl: args.siteUrl,
    siteKey: siteKeyOf(args.siteUrl),
    now: args.now,
    fetcher,
    memory: args.memory,
    settings: args.settings,
    get,
    fresh,
    polite,
    requestsMade: () => made,
    shared: {},
    close: () => session.close(),
  };
}

export const originOf = (url: string): string => {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
};

export { registrableDomain };
