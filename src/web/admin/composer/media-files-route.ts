import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { Hono } from 'hono';
import type { AppEnv } from '../../context.js';
import type { AppDeps } from '../../deps.js';
import { mediaDepsOf } from './composer-deps.js';

// GET /media/<key>: the photos that website pages and the composer's thumbnails point at.
// Keys are content addresses (sha256 of the bytes), so a file never changes: cached for a year.
// A key is only known to someone who was shown the picture (the hash cannot be guessed), which
// is what makes a draft's photos safe to serve here before the post is out. Signed links (with
// ?exp=&sig=) are answered earlier by the channels' signed-media route.
// This lives with the composer because the composer was first to need it; it belongs to the
// public site and can move there unchanged.

const TYPES: Record<string, string> = { jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', avif: 'image/avif', gif: 'image/gif' };

export function mediaFileRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.on(['GET', 'HEAD'], '/media/*', async (c, next) => {
    if (c.req.query('sig') !== undefined || c.req.query('exp') !== undefined) return next();
    const key = c.req.path.slice('/media/'.length);
    const file = mediaDepsOf(deps).store.pathOf(key);
    const type = TYPES[key.slice(key.lastIndexOf('.') + 1)];
    if (!file || !type) return c.notFound();
    let size: number;
    try {
      size = (await stat(file)).size;
    } catch {
      return c.notFound();
    }
    const etag = `"${key.slice(6, 38)}"`;
    const headers = { 'Content-Type': type, 'Content-Length': String(size), 'Cache-Control': 'public, max-age=31536000, immutable', ETag: etag };
    if (c.req.header('if-none-match') === etag) return c.body(null, 304, headers);
    if (c.req.method === 'HEAD') return c.body(null, 200, headers);
    return c.body(Readable.toWeb(createReadStream(file)) as ReadableStream, 200, headers);
  });
  return app;
}
