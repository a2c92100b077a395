import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Clock } from '../../shared/clock.js';
import { securityHeaderPairs } from '../middleware/security-headers.js';
import { type PageCache, chooseEncoding, etagMatches, variantOf } from './page-cache.js';

// The cached path as thin as the bytes (#20 point 2, decision 0014): a GET for a public page
// that is in the page cache is answered from node:http's request straight from the cached
// buffer — no Request/Response objects, no router, no middleware. Everything else (a miss, a
// HEAD, the staff area, a page that is never cached) goes on to the app, which renders and
// caches it, so the next request for it takes this path.
//
// What the app's middleware would have done for such a request is done here or is not needed:
// security headers are the same fixed set (securityHeaderPairs); a public page has no session,
// no CSRF and no body; the region's words are already in the cached bytes. Deliberately not
// done: the per-request access log line and X-Request-Id — a log line costs more than the
// answer itself; staff requests, misses and errors keep both.

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
export function cachedPageResponder(cache: PageCache, clock: Clock, options: { https: boolean }): (req: IncomingMessage, res: ServerResponse) => boolean {
  const security = securityHeaderPairs(options);
  return (req, res) => {
    if (req.method !== 'GET') return false;
    const raw = req.url;
    if (!raw || raw.charCodeAt(0) !== 47 /* '/' */) return false;
    const q = raw.indexOf('?');
    const key = q < 0 ? pageKey(req.headers.host, raw, '') : pageKey(req.headers.host, raw.slice(0, q), raw.slice(q));
    const page = cache.get(key, clock.now().getTime());
    if (!page) return false;
    const { variant, encoding } = variantOf(page, chooseEncoding(req.headers['accept-encoding']));
    const headers: [string, string][] = [
      ['ETag', variant.etag],
      ['Vary', 'Accept-Encoding'],
      ['Cache-Control', page.cacheControl],
      ...security,
    ];
    if (etagMatches(req.headers['if-none-match'], variant.etag)) {
      res.writeHead(304, headers.flat());
      res.end();
      return true;
    }
    headers.push(['Content-Type', page.contentType], ['Content-Length', String(variant.bytes.length)]);
    if (encoding) headers.push(['Content-Encoding', encoding]);
    res.writeHead(page.status, headers.flat());
    res.end(variant.bytes);
    return true;
  };
}
