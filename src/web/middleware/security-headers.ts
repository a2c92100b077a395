import type { MiddlewareHandler } from 'hono';
import { setResponseHeader } from './response-headers.js';

// Pages work without JavaScript; scripts, when present, are our own files. Inline styles are
// allowed for the per-unit accent colour (a CSS variable in a style attribute).
const CSP = [
  "default-src 'self'",
  "img-src 'self' data: blob: https:",
  "style-src 'self' 'unsafe-inline'",
  "script-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Browsers remember for half a year to use https only (sent only when PUBLIC_URL is https). */
const HSTS = 'max-age=15552000';

/** The fixed headers every answer carries; the server's fast path (site/fast-path.ts) sends the same. */
export function securityHeaderPairs(opts: { https: boolean }): [string, string][] {
  return [
    ...(opts.https ? ([['Strict-Transport-Security', HSTS]] as [string, string][]) : []),
    ['X-Content-Type-Options', 'nosniff'],
    ['Referrer-Policy', 'strict-origin-when-cross-origin'],
    ['X-Frame-Options', 'DENY'],
    ['Permissions-Policy', 'geolocation=(), microphone=()'],
    ['Content-Security-Policy', CSP],
  ];
}

export const securityHeaders = (opts: { https: boolean } = { https: false }): MiddlewareHandler => {
  const pairs = securityHeaderPairs(opts);
  return async (c, next) => {
    await next();
    // A route may set a stricter policy of its own (e.g. a PDF viewer); keep it.
    const headers = c.res.headers;
    for (const [name, value] of pairs) if (name !== 'Content-Security-Policy' || !headers.has(name)) setResponseHeader(c, name, value);
  };
};
