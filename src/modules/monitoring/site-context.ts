import type { Fetcher, FetchOptions, FetchResult, FetchSession } from './fetcher.js';
import { registrableDomain, hostOf } from './url-tools.js';

// Shared state of one site check: one fetch session (kept-alive connections), a per-run cache
// so the home page, feed and sitemap are fetched once even though several checks read them, and
// a hard cap on requests per run (politeness; reference §3.3).

export interface SiteContext {
  unitId: string;
  siteUrl: string;
  /** Identity of the site for the crawl memory: its registrable domain plus path. */
  siteKey: string;
  now: Date;
  fetcher: Fetcher;
  /** Cached GET; repeated calls for the same URL and user agent reuse the first answer. */
  get(url: string, options?: FetchOptions): Promise<FetchResult>;
  /** Uncached GET, for retries. */
  fresh(url: string, options?: FetchOptions): Promise<FetchResult>;
  requestsMade(): number;
  /** Things one check found that another can use (the feed URL, the sitemap entries). */
  shared: {
    home?: FetchResult;
    feedUrl?: string;
    feedBody?: string;
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

export function createSiteContext(
  fetcher: Fetcher,
  args: { unitId: string; siteUrl: string; now: Date; maxRequests?: number },
): SiteContext {
  const session: FetchSession = fetcher.openSession();
  const cache = new Map<string, Promise<FetchResult>>();
  const maxRequests = args.maxRequests ?? 40;
  let made = 0;
  const budgetExceeded = (url: string): FetchResult => ({
    requestedUrl: url,
    finalUrl: url,
    end: 'complete',
    errorCode: 'BUDGET',
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
  const fresh = (url: string, options?: FetchOptions) => {
    if (made >= maxRequests) return Promise.resolve(budgetExceeded(url));
    made++;
    return session.fetch(url, options);
  };
  return {
    unitId: args.unitId,
    siteUrl: args.siteUrl,
    siteKey: siteKeyOf(args.siteUrl),
    now: args.now,
    fetcher,
    get(url, options) {
      const key = `${options?.ua ?? 'monitor'} ${options?.method ?? 'GET'} ${url}`;
      let p = cache.get(key);
      if (!p) cache.set(key, (p = fresh(url, options)));
      return p;
    },
    fresh,
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
