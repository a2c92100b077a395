import { Hono } from 'hono';
import { MEDIA_TYPES, isMediaKey } from '../../modules/media/index.js';
import { verifyMediaUrl } from '../../modules/publishing/index.js';
import { t } from '../../i18n/index.js';
import type { AppEnv } from '../context.js';
import type { AppDeps } from '../deps.js';

// GET /media/<key>?exp=…&sig=… — the signed, time-limited links Instagram and TikTok pull
// images from (and the manual kit shows staff). The signature (HMAC with BERANDA_SECRET, see
// publishing/public-media-url.ts) covers the path and the expiry, so a link cannot be stretched
// or pointed at another file; once expired it is 410 Gone. Requests without a signature are not
// ours: they pass to whatever serves the public website's images. The bytes are streamed from the
// media store (folder or bucket) under our own verified domain, never redirected: the platforms
// fetch from the domain the app was verified for.

export function signedMediaRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const store = deps.services.media.store;

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
    if (!isMediaKey(key)) return c.text(t('media.forbidden'), 404);
    const file = await store.open(key);
    if (!file) return c.text(t('error.404.title'), 404);
    const ext = key.slice(key.lastIndexOf('.') + 1).toLowerCase();
    // Cacheable until the link expires, never longer; content-addressed files never change.
    const maxAge = Math.max(0, Math.min(86_400, Number(exp) - Math.floor(now.getTime() / 1000)));
    const headers = {
      'Content-Type': MEDIA_TYPES[ext] ?? 'application/octet-stream',
      'Content-Length': String(file.size),
      'Cache-Control': `public, max-age=${maxAge}`,
      'X-Content-Type-Options': 'nosniff',
    };
    if (c.req.method === 'HEAD') {
      await file.body.cancel();
      return c.body(null, 200, headers);
    }
    return c.body(file.body, 200, headers);
  });

  return app;
}
