import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, gzip } from 'node:zlib';
import { Hono } from 'hono';
import { sourceFile } from '../shared/code-location.js';

// Static assets (CSS, tiny scripts, icons) are read once at start and hashed, compressed on the
// first request that accepts it (off the event loop, at brotli's best quality: compressing all
// of them at start cost ~0.7 s of start-up), and served with a long cache: pages link them as
// /assets/name?v=hash, so a change is a new URL.
const ASSET_DIR = sourceFile('web/assets');

const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
};

interface Asset {
  body: Buffer;
  /** Text compresses; pictures and fonts are already compressed. */
  textual: boolean;
  br?: Promise<Buffer>;
  gzip?: Promise<Buffer>;
  type: string;
  hash: string;
}

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

const assets = new Map<string, Asset>();

function load(dir: string, prefix = ''): void {
  let entries: string[] = [];
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of entries) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) {
      load(full, `${prefix}${name}/`);
      continue;
    }
    const ext = path.extname(name);
    const type = TYPES[ext];
    if (!type) continue;
    const body = readFileSync(full);
    const textual = type.startsWith('text/') || ext === '.svg' || ext === '.json' || ext === '.webmanifest';
    assets.set(prefix + name, {
      body,
      textual,
      type,
      hash: createHash('sha256').update(body).digest('hex').slice(0, 12),
    });
  }
}
load(ASSET_DIR);

/** The versioned URL of an asset; unknown names still get a URL so a typo shows up as a 404. */
export function assetUrl(name: string): string {
  const a = assets.get(name);
  return a ? `/assets/${name}?v=${a.hash}` : `/assets/${name}`;
}

/** The raw text of an asset, for pages that inline a small stylesheet. */
export const assetText = (name: string): string | undefined => assets.get(name)?.body.toString('utf8');

export function assetRoutes(): Hono {
  const app = new Hono();
  app.get('/assets/*', async (c) => {
    const name = c.req.path.slice('/assets/'.length);
    const a = assets.get(name);
    if (!a) return c.notFound();
    const etag = `"${a.hash}"`;
    const headers: Record<string, string> = {
      'Content-Type': a.type,
      ETag: etag,
      'Cache-Control': c.req.query('v') === a.hash ? 'public, max-age=31536000, immutable' : 'public, max-age=300',
      Vary: 'Accept-Encoding',
    };
    if (c.req.header('if-none-match') === etag) return c.body(null, 304, headers);
    const accept = c.req.header('accept-encoding') ?? '';
    if (a.textual && /\bbr\b/.test(accept)) {
      a.br ??= brotliAsync(a.body);
      return c.body(new Uint8Array(await a.br), 200, { ...headers, 'Content-Encoding': 'br' });
    }
    if (a.textual && /\bgzip\b/.test(accept)) {
      a.gzip ??= gzipAsync(a.body);
      return c.body(new Uint8Array(await a.gzip), 200, { ...headers, 'Content-Encoding': 'gzip' });
    }
    return c.body(new Uint8Array(a.body), 200, headers);
  });
  return app;
}
