import { type FixtureResponse, type FixtureSite, type FleetRequest, freshPosts, html, notFound, wordpress } from './fixtures.js';

// Issue 15 §2 and §5 cases: every way a site can fail to answer, or answer without being
// readable, each with its own verdict and reason — and the server that asks us to come back
// later and then answers. The slow, huge, looping and endless-redirect hosts of issue 6 are
// judged here too.

// Built on first use: fixtures.ts and this file import each other.
const fresh: FixtureSite['handle'] = (r, state) => wordpress({ rest: true, posts: freshPosts })(r, state);

/** "Come back in N seconds" on the first visit to the home page, a normal WordPress site after. */
function busyOnce(status: 429 | 503, seconds: number): FixtureSite['handle'] {
  let refused = false;
  return (r, state) => {
    if (r.path === '/' && !refused && !r.googlebot) {
      refused = true;
      return { status, headers: { 'retry-after': String(seconds), 'content-type': 'text/html' }, body: `<h1>${status}</h1><p>Server sedang sibuk.</p>` };
    }
    return fresh(r, state);
  };
}

/** Cloudflare's interstitial: 403, cf-mitigated: challenge, "Just a moment...". */
const challenge = (): FixtureResponse => ({
  status: 403,
  headers: { 'content-type': 'text/html; charset=UTF-8', server: 'cloudflare', 'cf-mitigated': 'challenge', 'cf-ray': '8f0a1b2c3d4e5f60-SIN' },
  body: '<!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title><meta http-equiv="refresh" content="390"></head><body><div class="main-wrapper"><h1 class="zone-name-title">kelurahan.test</h1><h2>Checking if the site connection is secure</h2><noscript>Enable JavaScript and cookies to continue</noscript></div><script src="/cdn-cgi/challenge-platform/h/g/orchestrate/chl_page/v1"></script></body></html>',
});

/** A React single-page app: an empty mount point, a bundle, and <noscript>. */
function spa(r: FleetRequest): FixtureResponse {
  if (r.path === '/') {
    return html('<!doctype html><html lang="id"><head><meta charset="utf-8"><title>Kelurahan Digital</title><link rel="manifest" href="/manifest.json"><script defer src="/static/js/main.3f9a1c.js"></script><link href="/static/css/main.8e2b.css" rel="stylesheet"></head><body><noscript>You need to enable JavaScript to run this app.</noscript><div id="root"></div></body></html>');
  }
  return notFound();
}

const suspended = (): FixtureResponse =>
  html('<!DOCTYPE html><html><head><title>Account Suspended</title></head><body><div><h1>Account Suspended</h1><p>This Account has been suspended.</p><p>Contact your hosting provider for more information.</p></div></body></html>');

export function availabilityFixtures(): FixtureSite[] {
  return [
    { name: 'sibuk', scheme: 'http', group: '429 then success', handle: busyOnce(429, 1), expected: { verdict: 'PASS', codes: ['content_ok'] } },
    {
      // Always "come back in a second": after the waits a check allows, we cannot tell.
      name: 'selalu-sibuk',
      scheme: 'http',
      group: '429 that never answers',
      handle: () => ({ status: 429, headers: { 'retry-after': '1', 'content-type': 'text/plain' }, body: 'Too Many Requests' }),
      expected: { verdict: 'UNKNOWN', codes: ['site_rate_limited', 'submit_link'] },
    },
    { name: 'sibuk-lama', scheme: 'http', group: '503 with a longer Retry-After', handle: busyOnce(503, 2) },
    { name: 'spa', scheme: 'http', group: 'script-only page', handle: spa, expected: { verdict: 'UNKNOWN', codes: ['script_only', 'submit_link'] } },
    { name: 'tantangan', scheme: 'http', group: 'bot challenge', handle: challenge, expected: { verdict: 'UNKNOWN', codes: ['bot_challenge', 'submit_link'] } },
    { name: 'raksasa', scheme: 'http', group: 'oversize page', handle: () => ({ stream: hugeHtml }), expected: { verdict: 'UNKNOWN', codes: ['site_too_large'] } },
    { name: 'lambat', scheme: 'http', group: 'timeout', handle: () => ({ stream: slow }), expected: { verdict: 'FAIL', codes: ['site_timeout'] } },
    { name: 'tak-dikenal', scheme: 'nxdomain', group: 'DNS failure', handle: notFound, expected: { verdict: 'FAIL', codes: ['site_dns_error'] } },
    { name: 'mati', scheme: 'closed', group: 'connection refused', handle: notFound, expected: { verdict: 'FAIL', codes: ['site_refused'] } },
    { name: 'loop', scheme: 'http', group: 'redirect loop', handle: (r) => ({ status: 302, headers: { location: r.path === '/a' ? '/b' : '/a' } }), expected: { verdict: 'FAIL', codes: ['site_redirect_loop'] } },
    {
      name: 'putar',
      scheme: 'http',
      group: 'too many redirects',
      handle: (r) => ({ status: 302, headers: { location: `/r/${Number(r.path.match(/\/r\/(\d+)/)?.[1] ?? 0) + 1}` } }),
      expected: { verdict: 'FAIL', codes: ['site_too_many_redirects'] },
    },
    { name: 'error-server', scheme: 'http', group: 'server error', handle: () => html('<h1>Internal Server Error</h1>', 500), expected: { verdict: 'FAIL', codes: ['site_server_error'] } },
    { name: 'ditangguhkan', scheme: 'http', group: 'suspended hosting', handle: suspended, expected: { verdict: 'FAIL', codes: ['suspended'] } },
    { name: 'tls-kedaluwarsa', scheme: 'https', cert: 'expired', group: 'TLS expired', handle: fresh, expected: { verdict: 'FAIL', codes: ['tls_expired'] } },
    { name: 'tls-sendiri', scheme: 'https', cert: 'self_signed', group: 'TLS self-signed', handle: fresh, expected: { verdict: 'FAIL', codes: ['tls_self_signed'] } },
    { name: 'tls-nama-lain', scheme: 'https', cert: 'wrong_name', group: 'TLS wrong name', handle: fresh, expected: { verdict: 'FAIL', codes: ['tls_wrong_name'] } },
    { name: 'tls-hampir', scheme: 'https', cert: 'expiring', group: 'TLS expiring soon', handle: fresh, expected: { verdict: 'PASS', codes: ['content_ok', 'tls_expiring'] } },
  ];
}

/** Sends headers, then one byte every 200 ms, forever. */
export function slow(res: import('node:http').ServerResponse): void {
  res.writeHead(200, { 'content-type': 'text/html' });
  const t = setInterval(() => res.write('.'), 200);
  res.on('close', () => clearInterval(t));
}

/** A real-looking page that never ends (a theme that inlines every image as base64). */
export function hugeHtml(res: import('node:http').ServerResponse): void {
  res.writeHead(200, { 'content-type': 'text/html' });
  res.write('<!doctype html><html lang="id"><head><meta charset="utf-8"><title>Kelurahan Raksasa</title></head><body><h1>Selamat datang di situs resmi kelurahan</h1><img src="data:image/png;base64,');
  const chunk = Buffer.alloc(64 * 1024, 'A');
  const pump = () => {
    while (!res.destroyed && res.write(chunk)) {
      /* keep writing until the socket pushes back */
    }
  };
  res.on('drain', pump);
  pump();
}
