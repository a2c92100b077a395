import type { Context } from 'hono';

/**
 * Sets a header on the response a handler has already returned. Hono's c.header() on a finished
 * response copies it into a new Response each time, which turns @hono/node-server's lightweight
 * response (a string or bytes it writes directly) into a web-streams Response that is read back
 * in chunks — for a public page that cost more than rendering it (#20 point 4). The headers are
 * changed in place instead; a response whose headers cannot change (Response.redirect(), a
 * fetched response) is copied as before.
 */
export function setResponseHeader(c: Context, name: string, value: string): void {
  try {
    c.res.headers.set(name, value);
  } catch {
    c.header(name, value);
  }
}
