/** @jsxImportSource #html-jsx */
import { searchContent } from '../../db/search.js';
import { listPublicContent, recentPublishers } from '../../modules/content/index.js';
import { type UnitRow, listUnitTree } from '../../modules/units/index.js';
import { CardGrid, Crumbs } from '../views/site/components.js';
import { t } from '../../i18n/index.js';
import { fmtDate } from '../views/site/i18n.js';
import { Layout } from '../views/site/layout.js';
import { KIND_PATH, cardOf } from './content-pages.js';
import { type SiteDeps, cityName, portalChrome, regionPortalPath, unitTitle } from './context.js';
import { type Rendered, html } from './render.js';
import { governmentOrganization } from './seo/json-ld.js';
import { SearchForm } from './unit-pages.js';
import { portalLinks, unitLinks } from './urls.js';

// The city portal at `/`: identity, kecamatan → kelurahan index, latest posts from every unit,
// search across all units, and who published in the last seven days. Every other regency imported
// in the install (decision 0017) has the same page at /wilayah/<code>/, listed on the install's.

/** The install's regencies other than its own, by name (one query on the kind index). */
export async function otherRegencies(deps: SiteDeps): Promise<{ code: string; name: string }[]> {
  const rows = await deps.db
    .selectFrom('units')
    .select(['region_code', 'name'])
    .where('kind', 'in', ['kota', 'kabupaten'])
    .where('region_code', '!=', deps.config.region)
    .orderBy('region_code')
    .execute();
  return rows.map((r) => ({ code: r.region_code, name: r.name }));
}

/** The portal of one regency of the install; null when no such regency is imported. */
export async function portalHome(deps: SiteDeps, now: Date, region = deps.config.region): Promise<Rendered | null> {
  const own = region === deps.config.region;
  const latestOf = (unitIds?: string[]) => listPublicContent(deps.db, { unitIds, kinds: ['berita', 'pengumuman', 'agenda'], now, perPage: 9, count: false });
  const [tree, city, latestAll, recent, others] = await Promise.all([
    listUnitTree(deps.db, region),
    cityName(deps, region),
    // With one regency every post is the regency's: read in parallel, as before.
    own ? latestOf() : null,
    recentPublishers(deps.db, { now, days: 7 }),
    own ? otherRegencies(deps) : Promise.resolve([]),
  ]);
  if (!own && !tree.root) return null;
  const byId = new Map<string, UnitRow>();
  for (const k of tree.kecamatan) {
    byId.set(k.unit.id, k.unit);
    for (const c of k.children) byId.set(c.id, c);
  }
  for (const o of tree.opd) byId.set(o.id, o);
  // With several, the latest nine are read over this regency's units only, so another regency's
  // posts never crowd them out.
  const latestItems = latestAll && others.length === 0 ? latestAll.items : byId.size === 0 ? [] : (await latestOf([...byId.keys()])).items;
  const unitHref = (u: UnitRow) => unitLinks(deps.config, u.slug, 'path').href('/');
  const kelCount = tree.kecamatan.reduce((n, k) => n + k.children.length, 0);
  const links = portalLinks(deps.config);
  const home = regionPortalPath(deps, region);
  const chrome = portalChrome(deps, city, region);
  const title = t('site.portal.title', { city });
  const active = recent.filter((r) => byId.has(r.unitId));

  return html(
    <Layout
      meta={{
        title,
        description: t('site.portal.intro', { city }),
        canonical: links.canonical(home),
        // Each regency's portal has its own feeds (decision 0017).
        feeds: { rss: links.canonical(`${home}feed.xml`), atom: links.canonical(`${home}atom.xml`) },
        jsonLd: [governmentOrganization({ name: tree.root ? tree.root.name : city, url: links.canonical(home) })],
      }}
      chrome={chrome}
    >
      <section class="hero">
        <h1>{title}</h1>
        <p>{t('site.portal.intro', { city })}</p>
        <p class="meta">{t('site.portal.unitsCount', { k: tree.kecamatan.length, n: kelCount })}</p>
      </section>
      <div class="two">
        <section aria-labelledby="h-latest">
          <h2 id="h-latest">{t('site.portal.latest')}</h2>
          <CardGrid
            items={latestItems.flatMap((r) => {
              const u = byId.get(r.unit_id);
              if (!u) return [];
              const l = unitLinks(deps.config, u.slug, 'path');
              return [cardOf({ links: l }, r, { unitName: unitTitle(u), kindLabel: t(`site.kind.${r.kind}`) })];
            })}
          />
        </section>
        <section class="panel" aria-labelledby="h-active">
          <h2 id="h-active">{t('site.portal.active')}</h2>
          {active.length === 0 ? (
            <p>{t('site.portal.inactiveNone')}</p>
          ) : (
            <>
              <p class="meta">{t('site.portal.activeCount', { n: active.length })}</p>
              <ul class="list">
                {active.slice(0, 12).map((r) => {
                  const u = byId.get(r.unitId)!;
                  return (
                    <li>
                      <a href={unitHref(u)}>{unitTitle(u)}</a>
                      <br />
                      <span class="meta">{t('site.portal.posts', { n: r.count })} · {fmtDate(r.lastAt)}</span>
                    </li>
                  );
                })}
              </ul>
            </>
          )}
        </section>
      </div>
      <section aria-labelledby="h-index">
        <h2 id="h-index">{t('site.portal.index')}</h2>
        <div class="idx">
          {tree.kecamatan.map((k) => (
            <div class="kec">
              <h3><a href={unitHref(k.unit)}>{unitTitle(k.unit)}</a></h3>
              <ul>
                {k.children.map((c) => (
                  <li><a href={unitHref(c)}>{c.name}</a></li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      </section>
      {others.length > 0 ? (
        <section aria-labelledby="h-regions">
          <h2 id="h-regions">{t('site.portal.regions')}</h2>
          <ul class="list">
            {others.map((r) => (
              <li><a href={regionPortalPath(deps, r.code)}>{r.name}</a></li>
            ))}
          </ul>
        </section>
      ) : null}
    </Layout>,
  );
}

/** Search over the units of one regency of the install (the one whose portal it is asked from). */
export async function portalSearch(deps: SiteDeps, now: Date, q: string, region = deps.config.region): Promise<Rendered | null> {
  const query = q.trim().slice(0, 100);
  const [city, tree] = await Promise.all([cityName(deps, region), listUnitTree(deps.db, region)]);
  if (region !== deps.config.region && !tree.root) return null;
  const units = new Map<string, UnitRow>();
  for (const k of tree.kecamatan) {
    units.set(k.unit.id, k.unit);
    for (const c of k.children) units.set(c.id, c);
  }
  for (const o of tree.opd) units.set(o.id, o);
  // Only this regency's units are searched, so another regency's posts never crowd its 30 hits out.
  const hits = query && units.size > 0 ? await searchContent(deps.db, { query, now: now.toISOString(), limit: 30, unitIds: [...units.keys()] }) : [];
  const home = regionPortalPath(deps, region);
  const chrome = portalChrome(deps, city, region);
  return html(
    <Layout meta={{ title: t('site.search.title'), description: t('site.search.title'), canonical: `${deps.config.publicUrl}${home}cari`, noindex: true }} chrome={chrome}>
      <Crumbs items={[[t('site.nav.portal'), home], [t('site.search.title'), null]]} />
      <h1>{query ? t('site.search.for', { q: query }) : t('site.search.title')}</h1>
      <SearchForm action={`${home}cari`} q={query} />
      {!query ? <p>{t('site.search.prompt')}</p> : hits.length === 0 ? <p>{t('site.search.none', { q: query })}</p> : (
        <CardGrid
          headingLevel={2}
          items={hits.flatMap((h) => {
            const u = units.get(h.unitId);
            if (!u) return [];
            const l = unitLinks(deps.config, u.slug, 'path');
            return [{ title: h.title, href: l.href(`/${KIND_PATH[h.kind as 'berita']}/${h.slug}`), summary: h.summary, date: h.publishAt, unitName: unitTitle(u), unitHref: l.href('/'), kindLabel: t(`site.kind.${h.kind}`) }];
          })}
        />
      )}
    </Layout>,
  );
}
