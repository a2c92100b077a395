import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { setResponseHeader } from '../../src/web/middleware/response-headers.js';

// Middleware adds headers to the response a handler already returned (security headers, the
// request id); it changes them in place, and must still work when a response's headers cannot
// change.
describe('setResponseHeader', () => {
  const app = new Hono();
  app.use('*', async (c, next) => {
    await next();
    setResponseHeader(c, 'X-Test', 'yes');
  });
  app.get('/page', (c) => c.html('<p>hi</p>', 200, { 'Cache-Control': 'no-cache' }));
  // Response.redirect() makes a response whose headers are immutable.
  app.get('/away', () => Response.redirect('http://127.0.0.1/page', 302));

  it('adds the header and keeps the body and the headers the handler set', async () => {
    const r = await app.request('/page');
    expect(r.headers.get('x-test')).toBe('yes');
    expect(r.headers.get('cache-control')).toBe('no-cache');
    expect(await r.text()).toBe('<p>hi</p>');
  });

  it('adds the header to a response with immutable headers by copying it', async () => {
    const r = await app.request('/away');
    expect(r.status).toBe(302);
    expect(r.headers.get('location')).toBe('http://127.0.0.1/page');
    expect(r.headers.get('x-test')).toBe('yes');
  });
});
