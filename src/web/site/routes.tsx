/** @jsxImportSource #html-jsx */
import zlib, { brotliCompressSync, gzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { nextScheduledPublish } from '../../modules/content/index.js';
import { ensureServiceCatalogue } from '../../modules/services/index.js';
import { Crumbs } from '../views/site/components.js';
import { t } from '../views/site/i18n.js';
import { Layout } from '../views/site/layout.js';
import { contentDetailPage, contentListPage } from './content-pages.js';
import { type SiteDeps, type UnitCtx, cityName, loadUnitCtx, portalChrome } from './context.js';
import { homePage } from './home-page.js';
import { type CachedPage, PageCache, etagMatches, etagOf } from './page-cache.js';
import { portalHome, portalSearch } from './portal-pages.js';
import { profilePage } from './profile-pages.js';
import { type Rendered, html, pageParam } from './render.js';
import { contactPage, documentsPage, galleriesPage, galleryPage, serviceDetailPage, servicesPage, unitSearchPage } from './unit-pages.js';
import { portalFeed, portalSitemap, robots, sitemapIndex, unitFeed, unitSitemap } from './xml-routes.js';
import { slugFromHost } from './urls.js';

export { invalidateUnit } from './page-cache.js';

// All public pages: the city portal at `/`, each unit at `/{slug}/…` and at `{slug}.{SITE_DOMAIN}/…`.
// One small dispatcher serves both routing modes from the same table, so a page can never exist
// in one mode and be missing in the other. Pages are cached in process (see page-cache.ts) and
// answered with ETag/304; HTML says `no-cache` so browsers always revalidate (cheap with 304)
// and never show a page older than the last publish.

export interface SiteRouteOptions {
  /** Turn the in-process page cache off (the benchmark measures both). Default on. */
  cache?: boolean;
}

interface Outcome {
  rendered: Rendered;
  /** Unit the page belongs to (null: portal-wide) — decides invalidation and expiry. */
  unitId: string | null;
  cacheable: boolean;
}

const UNIT_LIST_KINDS = new Set(['berita', 'pengumuman', 'agenda']);
const PASS_THROUGH = new Set(['admin', 'api', 'assets', 'media', 'healthz', 'integrations', 'oauth']);

export function siteRoutes(deps: SiteDeps, options: SiteRouteOptions = {}): Hono {
  const app = new Hono();
  const cache = options.cache === false ? null : new PageCache();
  let catalogueReady: Promise<unknown> | null = null;

  app.get('*', async (c, next) => {
    // Paths of the app itself (staff area, API, media…) are never a unit's site, whatever order
    // the routers are mounted in.
    const first = c.req.path.split('/')[1] ?? '';
    if (PASS_THROUGH.has(first)) return next();
    const hostHeader = c.req.header('host');
    const now = deps.clock.now();
    // Cheap key first (no URL parsing) so a cached page costs as little as possible.
    const key = `${hostHeader ?? ''}|${c.req.path}|${c.req.query('halaman') ?? ''}`;
    let hit = cache?.get(key, now.getTime());
    if (!hit) {
      catalogueReady ??= ensureServiceCatalogue(deps.db, deps.clock).catch((e) => {
        catalogueReady = null;
        throw e;
      });
      await catalogueReady;
      const url = new URL(c.req.url);
      const hostSlug = slugFromHost(hostHeader, deps.config.siteDomain);
      const outcome = (await dispatch(deps, url, hostSlug, now)) ?? (await notFound(deps, url, hostSlug, now));
      // Encoded once: the ETag is the hash of these bytes and they are what is sent (hashing and
      // sending the string would convert it to UTF-8 twice).
      const bytes = Buffer.from(outcome.rendered.body, 'utf8');
      const entry: CachedPage = {
        ...outcome.rendered,
        bytes,
        etag: etagOf(bytes),
        unitId: outcome.unitId,
        expiresAt: cache ? await expiryOf(deps, outcome.unitId, now, cache.ttlMs) : 0,
      };
      if (cache && outcome.cacheable && outcome.rendered.status === 200) cache.set(key, entry);
      hit = entry;
    }

    const isHtml = hit.contentType.startsWith('text/html');
    // Compressed once per cached page (brotli for phones on slow data; gzip for old clients).
    const accept = c.req.header('accept-encoding') ?? '';
    const encoding = hit.body.length < 1024 ? null : /\bbr\b/.test(accept) ? 'br' : /\bgzip\b/.test(accept) ? 'gzip' : null;
    const etag = encoding ? `${hit.etag.slice(0, -1)}-${encoding === 'br' ? 'br' : 'gz'}"` : hit.etag;
    const headers: Record<string, string> = {
      'Content-Type': hit.contentType,
      ETag: etag,
      Vary: 'Accept-Encoding',
      'Cache-Control': hit.status !== 200 ? 'no-store' : isHtml ? 'public, no-cache' : 'public, max-age=300',
      'X-Content-Type-Options': 'nosniff',
    };
    if (hit.status === 200 && etagMatches(c.req.header('if-none-match'), etag)) {
      return c.body(null, 304, { ETag: etag, Vary: 'Accept-Encoding', 'Cache-Control': headers['Cache-Control']! });
    }
    if (encoding === 'br') {
      hit.br ??= new Uint8Array(brotliCompressSync(hit.bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: hit.body.length } }));
      return c.body(hit.br, hit.status as 200, { ...headers, 'Content-Encoding': 'br' });
    }
    if (encoding === 'gzip') {
      hit.gzip ??= new Uint8Array(gzipSync(hit.bytes, { level: 6 }));
      return c.body(hit.gzip, hit.status as 200, { ...headers, 'Content-Encoding': 'gzip' });
    }
    return c.body(hit.bytes, hit.status as 200, headers);
  });

  return app;
}

/** A cached page lives until the next scheduled item of its unit (or any unit, for the portal) goes public. */
async function expiryOf(deps: SiteDeps, unitId: string | null, now: Date, ttl: number): Promise<number> {
  const next = await nextScheduledPublish(deps.db, { unitId, now });
  const fallback = now.getTime() + ttl;
  return next ? Math.min(next.getTime(), fallback) : fallback;
}

function segmentsOf(pathname: string): string[] | null {
  try {
    return pathname.split('/').filter(Boolean).map((s) => decodeURIComponent(s));
  } catch {
    return null;
  }
}

async function dispatch(deps: SiteDeps, url: URL, hostSlug: string | null, now: Date): Promise<Outcome | null> {
  const segs = segmentsOf(url.pathname);
  if (!segs) return null;
  const q = url.searchParams.get('q') ?? '';

  if (!hostSlug) {
    const portal = (rendered: Rendered, cacheable = true): Outcome => ({ rendered, unitId: null, cacheable });
    if (segs.length === 0) return portal(await portalHome(deps, now));
    if (segs.length === 1) {
      switch (segs[0]) {
        case 'cari':
          return portal(await portalSearch(deps, now, q), false);
        case 'feed.xml':
          return portal(await portalFeed(deps, now, 'rss'));
        case 'atom.xml':
          return portal(await portalFeed(deps, now, 'atom'));
        case 'sitemap.xml':
          return portal(await sitemapIndex(deps));
        case 'sitemap-portal.xml':
          return portal(portalSitemap(deps));
        case 'robots.txt':
          return portal(robots(`${deps.config.publicUrl}/sitemap.xml`));
      }
    }
  }

  const slug = hostSlug ?? segs[0]!;
  const rest = hostSlug ? segs : segs.slice(1);
  if (!/^[a-z0-9-]{1,80}$/.test(slug)) return null;
  if (hostSlug && rest.length === 1 && rest[0] === 'robots.txt') {
    const ctx = await loadUnitCtx(deps, slug, 'host', now);
    return ctx ? { rendered: robots(ctx.links.canonical('/sitemap.xml')), unitId: ctx.unit.id, cacheable: true } : null;
  }
  const ctx = await loadUnitCtx(deps, slug, hostSlug ? 'host' : 'path', now);
  if (!ctx) return null;
  const rendered = await unitPage(ctx, rest, url);
  return rendered ? { rendered, unitId: ctx.unit.id, cacheable: rest[0] !== 'cari' } : null;
}

async function unitPage(ctx: UnitCtx, rest: string[], url: URL): Promise<Rendered | null> {
  const [a, b, extra] = rest;
  if (extra !== undefined) return null;
  if (a === undefined) return homePage(ctx);
  if (b === undefined) {
    if (UNIT_LIST_KINDS.has(a)) return contentListPage(ctx, a as 'berita', pageParam(url.searchParams.get('halaman') ?? undefined));
    switch (a) {
      case 'profil':
        return profilePage(ctx);
      case 'galeri':
        return galleriesPage(ctx);
      case 'layanan':
        return servicesPage(ctx);
      case 'informasi-publik':
        return documentsPage(ctx);
      case 'kontak':
        return contactPage(ctx);
      case 'cari':
        return unitSearchPage(ctx, url.searchParams.get('q') ?? '');
      case 'feed.xml':
        return unitFeed(ctx, 'rss');
      case 'atom.xml':
        return unitFeed(ctx, 'atom');
      case 'sitemap.xml':
        return unitSitemap(ctx);
    }
    return null;
  }
  if (UNIT_LIST_KINDS.has(a) || a === 'halaman') return contentDetailPage(ctx, a as 'berita', b);
  if (a === 'profil') return profilePage(ctx, b);
  if (a === 'galeri') return galleryPage(ctx, b);
  if (a === 'layanan') return serviceDetailPage(ctx, b);
  return null;
}

async function notFound(deps: SiteDeps, url: URL, hostSlug: string | null, now: Date): Promise<Outcome> {
  const segs = segmentsOf(url.pathname) ?? [];
  const slug = hostSlug ?? segs[0];
  const ctx = slug && /^[a-z0-9-]{1,80}$/.test(slug) ? await loadUnitCtx(deps, slug, hostSlug ? 'host' : 'path', now) : null;
  const chrome = ctx ? ctx.chrome : portalChrome(deps, await cityName(deps));
  const home = ctx ? ctx.links.href('/') : '/';
  const rendered = html(
    <Layout meta={{ title: t('site.notFound.title'), description: t('site.notFound.body'), canonical: `${deps.config.publicUrl}${url.pathname}`, noindex: true }} chrome={chrome}>
      <Crumbs items={[[t('site.nav.home'), home], [t('site.notFound.title'), null]]} />
      <h1>{t('site.notFound.title')}</h1>
      <p>{t('site.notFound.body')}</p>
      <p><a class="btn" href={home}>{t('site.notFound.back')}</a></p>
    </Layout>,
    404,
  );
  return { rendered, unitId: ctx?.unit.id ?? null, cacheable: false };
}
