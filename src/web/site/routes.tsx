/** @jsxImportSource #html-jsx */
import { Hono } from 'hono';
import { nextScheduledPublish } from '../../modules/content/index.js';
import { ensureServiceCatalogue } from '../../modules/services/index.js';
import { Crumbs } from '../views/site/components.js';
import { t } from '../../i18n/index.js';
import { Layout } from '../views/site/layout.js';
import { contentDetailPage, contentListPage } from './content-pages.js';
import { type SiteDeps, type UnitCtx, cityName, loadUnitCtx, portalChrome } from './context.js';
import { homePage } from './home-page.js';
import { pageKey } from './fast-path.js';
import { type CachedPage, PageCache, chooseEncoding, currentGeneration, encodePage, etagMatches, noteUnitRegion, variantOf } from './page-cache.js';
import { portalHome, portalSearch } from './portal-pages.js';
import { profilePage } from './profile-pages.js';
import { inRegionTerms, unitTerms } from '../terms.js';
import { type Rendered, html, pageParam } from './render.js';
import { contactPage, documentsPage, galleriesPage, galleryPage, serviceDetailPage, servicesPage, unitSearchPage } from './unit-pages.js';
import { SITEMAP_CAP, portalFeed, portalSitemap, robots, sitemapIndex, sitemapIndexUrls, unitFeed, unitSitemap } from './xml-routes.js';
import { slugFromHost } from './urls.js';

export { invalidateUnit } from './page-cache.js';

// All public pages: the city portal at `/`, each unit at `/{slug}/…` and at `{slug}.{SITE_DOMAIN}/…`.
// One small dispatcher serves both routing modes from the same table, so a page can never exist
// in one mode and be missing in the other. Pages are cached in process (see page-cache.ts) and
// answered with ETag/304; a cached page is answered before this router by the server's fast
// path (fast-path.ts), this router renders, caches and answers the rest.

export interface SiteRouteOptions {
  /**
   * The page cache: the one the server's fast path reads (web/server.ts), false to turn caching
   * off (the benchmark measures both). Default: a cache of this router's own.
   */
  cache?: boolean | PageCache;
  /** Addresses per sitemap file (the protocol's 50,000; tests split with a small one). */
  sitemapCap?: number;
}

interface Outcome {
  rendered: Rendered;
  /** Unit the page belongs to (null: portal-wide) — decides invalidation and expiry. */
  unitId: string | null;
  /** A portal page's one regency (see CachedPage.region); none for install-wide pages. */
  region?: string;
  cacheable: boolean;
}

const UNIT_LIST_KINDS = new Set(['berita', 'pengumuman', 'agenda']);
const PASS_THROUGH = new Set(['admin', 'api', 'assets', 'media', 'healthz', 'integrations', 'oauth', '_kartu']);
/** Brotli quality of a cached page (made once, sent many times) and of a page made for one answer. */
const CACHED_QUALITY = 9;
const ONE_OFF_QUALITY = 4;

export function siteRoutes(deps: SiteDeps, options: SiteRouteOptions = {}): Hono {
  const app = new Hono();
  const cache = options.cache === false ? null : options.cache instanceof PageCache ? options.cache : new PageCache();
  let catalogueReady: Promise<unknown> | null = null;
  const inflight = new Map<string, { generation: number; result: Promise<{ page: CachedPage; keep: boolean }> }>();

  app.get('*', async (c, next) => {
    // Paths of the app itself (staff area, API, media…) are never a unit's site, whatever order
    // the routers are mounted in.
    const first = c.req.path.split('/')[1] ?? '';
    if (PASS_THROUGH.has(first)) return next();
    const hostHeader = c.req.header('host');
    const now = deps.clock.now();
    const url = new URL(c.req.url);
    // The same key the fast path computes from the raw request (fast-path.ts).
    const key = pageKey(hostHeader, url.pathname, url.search);
    let hit = cache?.get(key, now.getTime());
    if (!hit) {
      const startedAt = currentGeneration();
      const render = async (): Promise<{ page: CachedPage; keep: boolean }> => {
        catalogueReady ??= ensureServiceCatalogue(deps.db, deps.clock).catch((e) => {
          catalogueReady = null;
          throw e;
        });
        await catalogueReady;
        const hostSlug = slugFromHost(hostHeader, deps.config.siteDomain);
        const outcome = (await dispatch(deps, url, hostSlug, now, options.sitemapCap ?? SITEMAP_CAP)) ?? (await notFound(deps, url, hostSlug, now));
        const { rendered } = outcome;
        const keep = cache !== null && outcome.cacheable && rendered.status === 200;
        const isHtml = rendered.contentType.startsWith('text/html');
        const wanted = chooseEncoding(c.req.header('accept-encoding'));
        const page = await encodePage(rendered, {
          // HTML says no-cache so browsers always revalidate (cheap with 304) and never show a page
          // older than the last publish; feeds and sitemaps may be kept a few minutes.
          cacheControl: rendered.status !== 200 ? 'no-store' : isHtml ? 'public, no-cache' : 'public, max-age=300',
          unitId: outcome.unitId,
          region: outcome.region,
          expiresAt: keep ? await expiryOf(deps, outcome.unitId, now, cache.ttlMs) : 0,
          quality: keep ? CACHED_QUALITY : ONE_OFF_QUALITY,
          // A page made for one answer is compressed only in the encoding this client takes.
        }, keep ? ['br', 'gzip'] : wanted ? [wanted] : []);
        if (keep) cache.set(key, page, startedAt);
        return { page, keep };
      };
      // Misses of one page at once render it once (a publish drops a popular page while many
      // readers ask for it; each rendering and brotli-compressing it again multiplied the work by
      // the readers waiting). Only a render started after the last invalidation is joined, and
      // only a page that may be kept (a one-off answer is compressed for its own client only).
      const running = cache ? inflight.get(key) : undefined;
      const joined = running && running.generation === startedAt ? await running.result.catch(() => null) : null;
      if (joined?.keep) hit = joined.page;
      else {
        const result = render();
        if (cache) inflight.set(key, { generation: startedAt, result });
        try {
          hit = (await result).page;
        } finally {
          if (inflight.get(key)?.result === result) inflight.delete(key);
        }
      }
    }

    const { variant, encoding } = variantOf(hit, chooseEncoding(c.req.header('accept-encoding')));
    const headers: Record<string, string> = {
      'Content-Type': hit.contentType,
      ETag: variant.etag,
      Vary: 'Accept-Encoding',
      'Cache-Control': hit.cacheControl,
      'X-Content-Type-Options': 'nosniff',
    };
    if (hit.status === 200 && etagMatches(c.req.header('if-none-match'), variant.etag)) {
      return c.body(null, 304, { ETag: variant.etag, Vary: 'Accept-Encoding', 'Cache-Control': hit.cacheControl });
    }
    if (encoding) headers['Content-Encoding'] = encoding;
    return c.body(new Uint8Array(variant.bytes.buffer as ArrayBuffer, variant.bytes.byteOffset, variant.bytes.length), hit.status as 200, headers);
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

async function dispatch(deps: SiteDeps, url: URL, hostSlug: string | null, now: Date, cap: number): Promise<Outcome | null> {
  const segs = segmentsOf(url.pathname);
  if (!segs) return null;
  const q = url.searchParams.get('q') ?? '';

  if (!hostSlug) {
    // Sitemaps and robots.txt span every regency; the other portal pages show one.
    const portal = (rendered: Rendered, cacheable = true, region?: string): Outcome => ({ rendered, unitId: null, cacheable, region });
    const own = deps.config.region;
    if (segs.length === 0) return portal((await portalHome(deps, now))!, true, own);
    if (segs.length === 1) {
      switch (segs[0]) {
        case 'cari':
          return portal((await portalSearch(deps, now, q))!, false);
        case 'feed.xml':
          return portal((await portalFeed(deps, now, 'rss'))!, true, own);
        case 'atom.xml':
          return portal((await portalFeed(deps, now, 'atom'))!, true, own);
        case 'sitemap.xml':
          return portal((await sitemapIndex(deps, 1, cap))!);
        case 'sitemap-portal.xml':
          return portal(await portalSitemap(deps, cap));
        case 'robots.txt':
          return portal(robots(await sitemapIndexUrls(deps, cap)));
      }
      // The numbered parts of a sitemap index longer than the cap (sitemap-2.xml, …).
      const part = /^sitemap-([1-9]\d{0,5})\.xml$/.exec(segs[0]!);
      if (part && part[1] !== '1') {
        const rendered = await sitemapIndex(deps, Number(part[1]), cap);
        return rendered ? portal(rendered) : null;
      }
    }
    // Another regency imported in the install (decision 0017): its portal and its search, in
    // its own words. Its portal pages are cached with its code: its units' changes drop them.
    if (segs[0] === 'wilayah' && segs.length <= 3 && /^\d{2}\.\d{2}$/.test(segs[1] ?? '') && segs[1] !== deps.config.region) {
      const region = segs[1]!;
      const page = segs[2];
      if (page !== undefined && !['cari', 'feed.xml', 'atom.xml'].includes(page)) return null;
      const rendered = await inRegionTerms(deps, region, () =>
        page === undefined ? portalHome(deps, now, region)
        : page === 'cari' ? portalSearch(deps, now, q, region)
        : portalFeed(deps, now, page === 'feed.xml' ? 'rss' : 'atom', region));
      return rendered ? portal(rendered, page !== 'cari', region) : null;
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
  noteUnitRegion(ctx.unit.id, ctx.unit.region_code);
  // A kecamatan's or an OPD's site speaks of its own head and office (issue 14, point 11).
  // The unit's words come from its own regency (desa/kabupaten or kelurahan/kota), then its kind.
  const rendered = await inRegionTerms(deps, ctx.unit.region_code, () => unitTerms(ctx.unit.kind, () => unitPage(ctx, rest, url)));
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
  const page = () => html(
    <Layout meta={{ title: t('site.notFound.title'), description: t('site.notFound.body'), canonical: `${deps.config.publicUrl}${url.pathname}`, noindex: true }} chrome={chrome}>
      <Crumbs items={[[t('site.nav.home'), home], [t('site.notFound.title'), null]]} />
      <h1>{t('site.notFound.title')}</h1>
      <p>{t('site.notFound.body')}</p>
      <p><a class="btn" href={home}>{t('site.notFound.back')}</a></p>
    </Layout>,
    404,
  );
  // A missing page of another regency's unit still speaks that regency's words.
  const rendered = ctx ? await inRegionTerms(deps, ctx.unit.region_code, async () => unitTerms(ctx.unit.kind, page)) : page();
  return { rendered, unitId: ctx?.unit.id ?? null, cacheable: false };
}
