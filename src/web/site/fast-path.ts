import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { Clock } from '../../shared/clock.js';
import { clientAddress, normaliseAddress, trustedProxyList } from '../client-ip.js';
import { requestIdOf } from '../middleware/request-context.js';
import { securityHeaderPairs } from '../middleware/security-headers.js';
import { type PageCache, chooseEncoding, etagMatches, variantOf } from './page-cache.js';
import { slugFromHost } from './urls.js';

// The cached path as thin as the bytes (#20 point 2, decision 0014): a GET for a public page
// that is in the page cache is answered from node:http's request straight from the cached
// buffer — no Request/Response objects, no router, no middleware. Everything else (a miss, a
// HEAD, the staff area, a page that is never cached) goes on to the app, which renders and
// caches it, so the next request for it takes this path.
//
// What the app's middleware would have done for such a request is done here or is not needed:
// security headers are the same fixed set (securityHeaderPairs); a public page has no session,
// no CSRF and no body; the region's words are already in the cached bytes. Like the app's
// answers, each carries an X-Request-Id (a proxy's, or a new one) and gets one access log line
// with the same fields (requestId, method, path, status, ms, unit, ip) plus cache: "hit" — written
// directly, without a per-request child logger.

/**
 * The cache key of a public page: host, path and the only query parameter a cached page
 * depends on (halaman, the page of a list). The router computes it from the parsed URL, the
 * fast path from the raw request line; a raw path that is not in normal form simply misses.
 */
export function pageKey(host: string | undefined, pathname: string, search: string): string {
  const halaman = search.length > 1 ? (new URLSearchParams(search).get('halaman') ?? '') : '';
  return `${host ?? ''}|${pathname}|${halaman}`;
}

/** A request listener's front: true when it answered the request from the cache. */
export function cachedPageResponder(
  cache: PageCache,
  deps: { clock: Clock; logger: Logger; config: { publicUrl: string; siteDomain: string | null; trustedProxies: string[] } },
): (req: IncomingMessage, res: ServerResponse) => boolean {
  const { clock, logger, config } = deps;
  const security = securityHeaderPairs({ https: config.publicUrl.startsWith('https://') });
  const proxies = trustedProxyList(config.trustedProxies);
  return (req, res) => {
    const started = performance.now();
    if (req.method !== 'GET') return false;
    const raw = req.url;
    if (!raw || raw.charCodeAt(0) !== 47 /* '/' */) return false;
    const q = raw.indexOf('?');
    const key = q < 0 ? pageKey(req.headers.host, raw, '') : pageKey(req.headers.host, raw.slice(0, q), raw.slice(q));
    const page = cache.get(key, clock.now().getTime());
    if (!page) return false;
    const { variant, encoding } = variantOf(page, chooseEncoding(req.headers['accept-encoding']));
    const requestId = requestIdOf(req.headers['x-request-id'] as string | undefined);
    const headers: [string, string][] = [
      ['ETag', variant.etag],
      ['Vary', 'Accept-Encoding'],
      ['Cache-Control', page.cacheControl],
      ...security,
      ['X-Request-Id', requestId],
      // Says which path answered (for an operator's curl -I, and for tests of spawned servers).
      ['X-Cache', 'hit'],
    ];
    let status = 304;
    if (etagMatches(req.headers['if-none-match'], variant.etag)) {
      res.writeHead(304, headers.flat());
      res.end();
    } else {
      headers.push(['Content-Type', page.contentType], ['Content-Length', String(variant.bytes.length)]);
      if (encoding) headers.push(['Content-Encoding', encoding]);
      status = page.status;
      res.writeHead(status, headers.flat());
      res.end(variant.bytes);
    }
    if (logger.isLevelEnabled('info')) {
      const peer = normaliseAddress(req.socket.remoteAddress) ?? '127.0.0.1';
      const ip = clientAddress(peer, req.headers['x-forwarded-for'] as string | undefined, proxies);
      const unit = slugFromHost(req.headers.host, config.siteDomain) ?? undefined;
      // The path as the app's line names it: on a unit's own host name, under the unit's slug.
      const pathname = q < 0 ? raw : raw.slice(0, q);
      const path = unit ? (pathname === '/' ? `/${unit}` : `/${unit}${pathname}`) : pathname;
      logger.info({ requestId, method: 'GET', path, status, ms: Math.round(performance.now() - started), unit, ip, cache: 'hit' }, 'request');
    }
    return true;
  };
}
