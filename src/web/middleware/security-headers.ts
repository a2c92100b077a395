import type { MiddlewareHandler } from 'hono';

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

export const securityHeaders = (opts: { https: boolean } = { https: false }): MiddlewareHandler => async (c, next) => {
  await next();
  if (opts.https) c.header('Strict-Transport-Security', HSTS);
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('Referrer-Policy', 'strict-origin-when-cross-origin');
  c.header('X-Frame-Options', 'DENY');
  c.header('Permissions-Policy', 'geolocation=(), microphone=()');
  if (!c.res.headers.has('Content-Security-Policy')) c.header('Content-Security-Policy', CSP);
};
