import { listPublicContent } from '../../modules/content/index.js';
import { contentRepository } from '../../modules/content/index.js';
import { listUnitTree, type UnitRow } from '../../modules/units/index.js';
import { t } from '../../i18n/index.js';
import { KIND_PATH } from './content-pages.js';
import { PROFILE_PAGES } from './profile-pages.js';
import { sql } from 'kysely';
import { type SiteDeps, type UnitCtx, cityName, regionPortalPath, unitTitle } from './context.js';
import { otherRegencies } from './portal-pages.js';
import { type Rendered, text, xml } from './render.js';
import { type Feed, type FeedItem, buildAtom, buildRss } from './seo/feed.js';
import { buildRobots, buildSitemapIndex, buildUrlset, type SitemapEntry } from './seo/sitemap.js';
import { unitCanonicalBase, unitLinks } from './urls.js';

// Feeds, sitemaps and robots.txt. Every URL here comes from the same public queries the pages
// use, so a draft or a future item cannot appear in a feed or a sitemap.

const RSS_TYPE = 'application/rss+xml; charset=utf-8';
const ATOM_TYPE = 'application/atom+xml; charset=utf-8';

/**
 * The latest public items of `units`. `portal`: a regency's feed, each title names its unit; it
 * reads over every unit at once when `units` are all the install has (one regency, as before).
 */
async function feedItems(deps: SiteDeps, now: Date, units: UnitRow[], portal: boolean, everyUnit = false): Promise<FeedItem[]> {
  const bySlug = new Map(units.map((u) => [u.id, u]));
  if (units.length === 0) return [];
  const page = await listPublicContent(deps.db, { unitIds: everyUnit ? undefined : units.map((u) => u.id), kinds: ['berita', 'pengumuman', 'agenda'], now, perPage: 30 });
  return page.items.flatMap((r) => {
    const u = bySlug.get(r.unit_id);
    if (!u) return [];
    const url = unitLinks(deps.config, u.slug, 'path').canonical(`/${KIND_PATH[r.kind]}/${r.slug}`);
    return [{
      id: r.id,
      title: portal ? `${r.title} (${unitTitle(u)})` : r.title,
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

async function regionUnits(deps: SiteDeps, region = deps.config.region): Promise<UnitRow[]> {
  const tree = await listUnitTree(deps.db, region);
  return [...tree.kecamatan.flatMap((k) => [k.unit, ...k.children]), ...tree.opd];
}

/**
 * The feed of one regency's portal (`/feed.xml` for the install's own, `/wilayah/<code>/feed.xml`
 * for another imported one, decision 0017); null when that regency is not imported.
 */
export async function portalFeed(deps: SiteDeps, now: Date, format: 'rss' | 'atom', region = deps.config.region): Promise<Rendered | null> {
  const own = region === deps.config.region;
  const [units, city, others] = await Promise.all([regionUnits(deps, region), cityName(deps, region), otherRegencies(deps)]);
  if (!own && units.length === 0) return null;
  const base = `${deps.config.publicUrl}${regionPortalPath(deps, region).replace(/\/$/, '')}`;
  const feed: Feed = {
    title: t('site.portal.title', { city }),
    description: t('site.portal.latest'),
    siteUrl: `${base}/`,
    rssUrl: `${base}/feed.xml`,
    atomUrl: `${base}/atom.xml`,
    id: `${base}/`,
    // With one regency every post is the regency's: read over all units, as before.
    items: await feedItems(deps, now, units, true, own && others.length === 0),
    fallbackUpdated: new Date('2024-01-01T00:00:00Z'),
  };
  return format === 'rss' ? xml(buildRss(feed), RSS_TYPE) : xml(buildAtom(feed), ATOM_TYPE);
}

/** The protocol's limit of addresses in one sitemap (and of sitemaps in one index). */
export const SITEMAP_CAP = 50_000;

/** Regency sites other than the kota/kabupaten itself (which has the portal instead). */
const REGENCY_KINDS = ['kota', 'kabupaten'] as const;

/**
 * Part `part` (1-based) of the sitemap index: the portal's sitemap, every unit sitemap of the
 * install's regency (in its portal's order), then those of every other imported regency by code.
 * Past `cap` entries the index is split into numbered files (`/sitemap.xml`, `/sitemap-2.xml`, …)
 * all named in robots.txt: an index may not list another index. Null past the last part.
 */
export async function sitemapIndex(deps: SiteDeps, part = 1, cap = SITEMAP_CAP): Promise<Rendered | null> {
  const own = await regionUnits(deps);
  const head: SitemapEntry[] = [
    { loc: `${deps.config.publicUrl}/sitemap-portal.xml` },
    ...own.map((u) => ({ loc: `${unitCanonicalBase(deps.config, u.slug)}/sitemap.xml` })),
  ];
  const sizes = await otherRegencySizes(deps);
  const total = head.length + sizes.reduce((n, r) => n + r.units, 0);
  if (part < 1 || part > sitemapParts(total, cap)) return null;
  const from = (part - 1) * cap;
  const to = Math.min(total, part * cap);
  const entries = head.slice(from, to);
  if (to > head.length) {
    // Paged by regency, not by an OFFSET over every unit (a national part 2 skipped ~49,000 sorted
    // rows): the part reads the regencies from the one holding its first entry to the one holding
    // its last, and skips only into the first of them.
    let skip = Math.max(0, from - head.length);
    const want = to - Math.max(from, head.length);
    let first = 0;
    while (skip >= sizes[first]!.units) skip -= sizes[first++]!.units;
    let last = first;
    for (let short = skip + want - sizes[first]!.units; short > 0; ) short -= sizes[++last]!.units;
    const slugs = await deps.db
      .selectFrom('units')
      .select('slug')
      .where('region_code', '>=', sizes[first]!.region)
      .where('region_code', '<=', sizes[last]!.region)
      .where('region_code', '!=', deps.config.region)
      .where('kind', 'not in', REGENCY_KINDS)
      .orderBy('region_code')
      // Kecamatan before their desa, OPD (no code) last, the same on both engines.
      .orderBy(sql`case when code is null then 1 else 0 end`)
      .orderBy('code')
      .orderBy('slug')
      .offset(skip)
      .limit(want)
      .execute();
    entries.push(...slugs.map((u) => ({ loc: `${unitCanonicalBase(deps.config, u.slug)}/sitemap.xml` })));
  }
  return xml(buildSitemapIndex(entries));
}

/** How many unit sitemaps each other imported regency has, by code (one GROUP BY on units(region_code, kind)). */
async function otherRegencySizes(deps: SiteDeps): Promise<{ region: string; units: number }[]> {
  const rows = await deps.db
    .selectFrom('units')
    .select((eb) => ['region_code', eb.fn.countAll<number | string>().as('n')])
    .where('region_code', '!=', deps.config.region)
    .where('kind', 'not in', REGENCY_KINDS)
    .groupBy('region_code')
    .orderBy('region_code')
    .execute();
  return rows.map((r) => ({ region: r.region_code, units: Number(r.n) }));
}

const sitemapParts = (entries: number, cap: number) => Math.max(1, Math.ceil(entries / cap));

/** The address of every part of the sitemap index, for robots.txt. */
export async function sitemapIndexUrls(deps: SiteDeps, cap = SITEMAP_CAP): Promise<string[]> {
  const own = await regionUnits(deps);
  const others = (await otherRegencySizes(deps)).reduce((n, r) => n + r.units, 0);
  const parts = sitemapParts(1 + own.length + others, cap);
  return Array.from({ length: parts }, (_, i) => `${deps.config.publicUrl}/${i === 0 ? 'sitemap.xml' : `sitemap-${i + 1}.xml`}`);
}

/** The portal pages: `/` and every other imported regency's portal. */
export async function portalSitemap(deps: SiteDeps, cap = SITEMAP_CAP): Promise<Rendered> {
  const others = await otherRegencies(deps);
  const urls = [{ loc: `${deps.config.publicUrl}/` }, ...others.map((r) => ({ loc: `${deps.config.publicUrl}${regionPortalPath(deps, r.code)}` }))];
  return xml(buildUrlset(urls, cap));
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

export function robots(sitemapUrls: string | string[]): Rendered {
  return text(buildRobots(sitemapUrls));
}
