import { listPublicContent } from '../../modules/content/index.js';
import { contentRepository } from '../../modules/content/index.js';
import { listUnitTree, type UnitRow } from '../../modules/units/index.js';
import { t } from '../../i18n/index.js';
import { KIND_PATH } from './content-pages.js';
import { PROFILE_PAGES } from './profile-pages.js';
import { type SiteDeps, type UnitCtx, cityName, unitTitle } from './context.js';
import { type Rendered, text, xml } from './render.js';
import { type Feed, type FeedItem, buildAtom, buildRss } from './seo/feed.js';
import { buildRobots, buildSitemapIndex, buildUrlset, type SitemapEntry } from './seo/sitemap.js';
import { unitCanonicalBase, unitLinks } from './urls.js';

// Feeds, sitemaps and robots.txt. Every URL here comes from the same public queries the pages
// use, so a draft or a future item cannot appear in a feed or a sitemap.

const RSS_TYPE = 'application/rss+xml; charset=utf-8';
const ATOM_TYPE = 'application/atom+xml; charset=utf-8';

async function feedItems(deps: SiteDeps, now: Date, units: UnitRow[], all: boolean): Promise<FeedItem[]> {
  const bySlug = new Map(units.map((u) => [u.id, u]));
  const page = await listPublicContent(deps.db, { unitIds: all ? undefined : units.map((u) => u.id), kinds: ['berita', 'pengumuman', 'agenda'], now, perPage: 30 });
  return page.items.flatMap((r) => {
    const u = bySlug.get(r.unit_id);
    if (!u) return [];
    const url = unitLinks(deps.config, u.slug, 'path').canonical(`/${KIND_PATH[r.kind]}/${r.slug}`);
    return [{
      id: r.id,
      title: all ? `${r.title} (${unitTitle(u)})` : r.title,
      url,
      summary: r.summary,
      published: new Date(r.publish_at!),
      updated: new Date(r.updated_at > r.publish_at! ? r.updated_at : r.publish_at!),
      author: r.author_name || unitTitle(u),
      category: t(`site.kind.${r.kind}`),
    }];
  });
}

export async function unitFeed(ctx: UnitCtx, format: 'rss' | 'atom'): Promise<Rendered> {
  const feed: Feed = {
    title: unitTitle(ctx.unit),
    description: `${t('site.nav.berita')}, ${t('site.nav.pengumuman').toLowerCase()} ${t('site.nav.agenda').toLowerCase()} ${unitTitle(ctx.unit)}`,
    siteUrl: ctx.links.canonical('/'),
    rssUrl: ctx.links.canonical('/feed.xml'),
    atomUrl: ctx.links.canonical('/atom.xml'),
    id: ctx.links.canonical('/'),
    items: await feedItems(ctx.deps, ctx.now, [ctx.unit], false),
    fallbackUpdated: new Date(ctx.unit.created_at),
  };
  return format === 'rss' ? xml(buildRss(feed), RSS_TYPE) : xml(buildAtom(feed), ATOM_TYPE);
}

async function regionUnits(deps: SiteDeps): Promise<UnitRow[]> {
  const tree = await listUnitTree(deps.db, deps.config.region);
  return [...tree.kecamatan.flatMap((k) => [k.unit, ...k.children]), ...tree.opd];
}

export async function portalFeed(deps: SiteDeps, now: Date, format: 'rss' | 'atom'): Promise<Rendered> {
  const units = await regionUnits(deps);
  const city = await cityName(deps);
  const base = deps.config.publicUrl;
  const feed: Feed = {
    title: t('site.portal.title', { city }),
    description: t('site.portal.latest'),
    siteUrl: `${base}/`,
    rssUrl: `${base}/feed.xml`,
    atomUrl: `${base}/atom.xml`,
    id: `${base}/`,
    items: await feedItems(deps, now, units, true),
    fallbackUpdated: new Date('2024-01-01T00:00:00Z'),
  };
  return format === 'rss' ? xml(buildRss(feed), RSS_TYPE) : xml(buildAtom(feed), ATOM_TYPE);
}

export async function sitemapIndex(deps: SiteDeps): Promise<Rendered> {
  const units = await regionUnits(deps);
  const entries: SitemapEntry[] = [
    { loc: `${deps.config.publicUrl}/sitemap-portal.xml` },
    ...units.map((u) => ({ loc: `${unitCanonicalBase(deps.config, u.slug)}/sitemap.xml` })),
  ];
  return xml(buildSitemapIndex(entries));
}

export function portalSitemap(deps: SiteDeps): Rendered {
  return xml(buildUrlset([{ loc: `${deps.config.publicUrl}/` }]));
}

export async function unitSitemap(ctx: UnitCtx): Promise<Rendered> {
  const l = ctx.links;
  const fixed = ['/', '/profil', ...PROFILE_PAGES.map((p) => `/profil/${p}`), '/berita', '/pengumuman', '/agenda', '/galeri', '/layanan', '/informasi-publik', '/kontak'];
  const [items, services, galleries] = await Promise.all([
    contentRepository.listPublic(ctx.deps.db, { unitIds: [ctx.unit.id], now: ctx.now.toISOString(), limit: 45_000 }),
    ctx.services(),
    contentRepository.listPublicGalleries(ctx.deps.db, ctx.unit.id, ctx.now.toISOString(), 1000),
  ]);
  const urls: SitemapEntry[] = [
    ...fixed.map((p) => ({ loc: l.canonical(p) })),
    ...items.map((r) => ({ loc: l.canonical(`/${KIND_PATH[r.kind]}/${r.slug}`), lastmod: new Date(r.updated_at > r.publish_at! ? r.updated_at : r.publish_at!) })),
    ...services.filter((s) => s.enabled).map((s) => ({ loc: l.canonical(`/layanan/${s.code}`) })),
    ...galleries.map((g) => ({ loc: l.canonical(`/galeri/${g.slug}`), lastmod: new Date(g.updated_at) })),
  ];
  return xml(buildUrlset(urls));
}

export function robots(sitemapUrl: string): Rendered {
  return text(buildRobots(sitemapUrl));
}
