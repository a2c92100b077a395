import { readFile } from 'node:fs/promises';
import { Hono } from 'hono';
import { createFileMediaStore } from '../../modules/media/index.js';
import { verifyMediaUrl } from '../../modules/publishing/index.js';
import { t } from '../../i18n/index.js';
import type { AppEnv } from '../context.js';
import type { AppDeps } from '../deps.js';

// GET /media/<key>?exp=…&sig=… — the signed, time-limited links Instagram and TikTok pull
// images from (and the manual kit shows staff). The signature (HMAC with BERANDA_SECRET, see
// publishing/public-media-url.ts) covers the path and the expiry, so a link cannot be stretched
// or pointed at another file; once expired it is 410 Gone. Requests without a signature are not
// ours: they pass to whatever serves the public website's images.

const TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  avif: 'image/avif',
  gif: 'image/gif',
};

export function signedMediaRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const store = createFileMediaStore(deps.config.mediaDir);

  app.on(['GET', 'HEAD'], '/media/*', async (c, next) => {
    const exp = c.req.query('exp') ?? null;
    const sig = c.req.query('sig') ?? null;
    if (!exp && !sig) return next();
    const now = deps.clock.now();
    const check = verifyMediaUrl(deps.config.secret, c.req.path, exp, sig, now);
    if (check !== 'ok') {
      c.header('Cache-Control', 'no-store');
      return c.text(t(check === 'expired' ? 'media.expired' : 'media.forbidden'), check === 'expired' ? 410 : 403);
    }
    const key = c.req.path.slice('/media/'.length);
    const file = store.pathOf(key);
    if (!file) return c.text(t('media.forbidden'), 404);
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return c.text(t('error.404.title'), 404);
    }
    const ext = key.slice(key.lastIndexOf('.') + 1).toLowerCase();
    // Cacheable until the link expires, never longer; content-addressed files never change.
    const maxAge = Math.max(0, Math.min(86_400, Number(exp) - Math.floor(now.getTime() / 1000)));
    const headers = {
      'Content-Type': TYPES[ext] ?? 'application/octet-stream',
      'Content-Length': String(body.length),
      'Cache-Control': `public, max-age=${maxAge}`,
      'X-Content-Type-Options': 'nosniff',
    };
    return c.req.method === 'HEAD' ? c.body(null, 200, headers) : c.body(new Uint8Array(body), 200, headers);
  });

  return app;
}
