import { Hono } from 'hono';
import type { Context } from 'hono';
import { can, resolveSession } from '../../modules/accounts/index.js';
import { mediaInPublicUse } from '../../modules/content/index.js';
import { MEDIA_TYPES, isMediaKey, itemsByKey } from '../../modules/media/index.js';
import { profileUsesMedia } from '../../modules/profile/index.js';
import { findUnitById } from '../../modules/units/index.js';
import type { AppEnv } from '../context.js';
import { readSessionCookie } from '../cookies.js';
import type { AppDeps } from '../deps.js';
import { onInvalidateUnit } from '../site/page-cache.js';

// GET /media/<key>: photos and their variants, private until published (issue 16 point 4).
// A file is answered to anyone only while its media item is used by something public (a public
// content item's cover or picture, a public gallery or document, the unit's profile); then it
// may be cached by browsers and proxies. Otherwise only signed-in staff who may read the unit
// get it (the composer's thumbnails and previews), never cached by a shared cache, and everyone
// else gets 404 — a draft's photo does not exist for the public. Platforms fetch drafts' photos
// through the short-lived signed links (?exp=&sig=), answered earlier by
// integrations/media-route.ts.
//
// Deciding costs a few indexed queries, so the answer is kept per key for VISIBILITY_TTL_MS and
// dropped at once when this process publishes or unpublishes for the unit (invalidateUnit);
// other processes see an unpublish within the TTL. A proxy may keep a public file for
// PUBLIC_MAX_AGE_S after an unpublish: published variants are allowed to stay cacheable.
//
// The bytes come from the media store (MEDIA_STORE: local folder or S3-compatible bucket). With
// MEDIA_PUBLIC_URL set, a public file is answered by a redirect to the CDN/bucket address;
// otherwise, and always for staff-only files, it is streamed from the store.
const VISIBILITY_TTL_MS = 30_000;
const PUBLIC_MAX_AGE_S = 86_400;
const CACHE_LIMIT = 10_000;

interface Visibility {
  public: boolean;
  /** The units whose items hold this file (for staff access and invalidation). */
  unitIds: string[];
  until: number;
}

export function mediaRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const store = deps.services.media.store;
  const cache = new Map<string, Visibility>();
  onInvalidateUnit((unitId) => {
    for (const [key, v] of cache) if (v.unitIds.includes(unitId)) cache.delete(key);
  });

  async function visibility(key: string): Promise<Visibility> {
    const now = deps.clock.now();
    const hit = cache.get(key);
    if (hit && hit.until > now.getTime()) return hit;
    const items = await itemsByKey(deps.db, key);
    let isPublic = false;
    for (const it of items) {
      if ((await mediaInPublicUse(deps.db, { unitId: it.unitId, mediaId: it.mediaId, keys: it.keys, now })) || (await profileUsesMedia(deps.db, it.unitId, it.keys))) {
        isPublic = true;
        break;
      }
    }
    const v = { public: isPublic, unitIds: items.map((i) => i.unitId), until: now.getTime() + VISIBILITY_TTL_MS };
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    cache.set(key, v);
    return v;
  }

  /** Signed-in staff whose role may read one of the units holding the file. */
  async function staffMayRead(c: Context<AppEnv>, unitIds: string[]): Promise<boolean> {
    const token = readSessionCookie(c);
    if (!token || unitIds.length === 0) return false;
    const s = await resolveSession(deps.db, deps.clock, token);
    if (s.state !== 'active') return false;
    for (const id of unitIds) {
      const unit = await findUnitById(deps.db, id);
      if (unit && can(s.actor, 'read', unit)) return true;
    }
    return false;
  }

  app.on(['GET', 'HEAD'], '/media/*', async (c, next) => {
    if (c.req.query('sig') !== undefined || c.req.query('exp') !== undefined) return next();
    const key = c.req.path.slice('/media/'.length);
    const type = MEDIA_TYPES[key.slice(key.lastIndexOf('.') + 1)];
    const notFound = () => {
      c.header('Cache-Control', 'no-store');
      return c.notFound();
    };
    if (!isMediaKey(key) || !type) return notFound();
    const v = await visibility(key);
    const cacheControl = v.public ? `public, max-age=${PUBLIC_MAX_AGE_S}` : (await staffMayRead(c, v.unitIds)) ? 'private, max-age=600' : null;
    if (!cacheControl) return notFound();
    const direct = v.public ? store.publicUrl(key) : null;
    if (direct) {
      // Public for as long as the visibility answer holds; the CDN keeps the immutable object.
      c.header('Cache-Control', `public, max-age=${VISIBILITY_TTL_MS / 1000}`);
      return c.redirect(direct, 302);
    }
    const etag = `"${key.slice(6, 38)}"`;
    if (c.req.header('if-none-match') === etag) return c.body(null, 304, { 'Cache-Control': cacheControl, ETag: etag, Vary: 'Cookie' });
    const file = await store.open(key);
    if (!file) return notFound();
    // The same address answers differently to staff and to the public.
    const headers = { 'Content-Type': type, 'Content-Length': String(file.size), 'Cache-Control': cacheControl, ETag: etag, Vary: 'Cookie' };
    if (c.req.method === 'HEAD') {
      await file.body.cancel();
      return c.body(null, 200, headers);
    }
    return c.body(file.body, 200, headers);
  });
  return app;
}
