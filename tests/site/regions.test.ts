import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveContent } from '../../src/modules/content/index.js';
import { importRegion } from '../../src/modules/units/index.js';
import { PageCache, invalidateUnit } from '../../src/web/site/page-cache.js';
import { pageKey } from '../../src/web/site/fast-path.js';
import { testEngine } from '../support/test-db.js';
import { type SiteFixture, createSiteFixture } from './site-fixture.js';

// Many regions in one install (issue 18 point 3, decision 0017): the public site of a unit of any
// imported regency works, in its regency's words, and each other regency has its portal page;
// the install's own regency (19.71, Pangkalpinang) is served as before.
describe(`public sites of several regencies on ${testEngine()}`, () => {
  let f: SiteFixture;
  let desa: { slug: string; name: string; id: string };
  beforeAll(async () => {
    f = await createSiteFixture({ cache: false });
    const r = await importRegion(f.t.db, '11.01', f.clock);
    if (!r.ok) throw new Error('import of 11.01 failed');
    desa = await f.t.db.selectFrom('units').select(['slug', 'name', 'id']).where('region_code', '=', '11.01').where('kind', '=', 'desa').orderBy('code').executeTakeFirstOrThrow();
  });
  afterAll(() => f.t.close());

  const post = (unitId: string, title: string, daysAgo: number) =>
    saveContent({ db: f.t.db, clock: f.clock }, {
      unitId,
      actorId: null,
      input: { kind: 'berita', title, body: `${title}. Isi kabar untuk warga.`, status: 'published', publishAt: new Date(f.clock.now().getTime() - daysAgo * 86_400_000).toISOString(), authorName: 'Admin', eventStart: '', eventEnd: '', eventPlace: '' },
    });

  it("serves a desa of another imported kabupaten with desa and kabupaten words, linked to that regency's portal", async () => {
    const res = await f.get(`/${desa.slug}/`);
    expect(res.status).toBe(200);
    const body = await res.text();
    expect(body).toContain(`Desa ${desa.name}`);
    expect(body).toContain('Portal Kabupaten');
    expect(body).not.toContain('Portal Kota');
    expect(body).toContain('href="/wilayah/11.01/"');
    for (const page of ['profil', 'layanan', 'berita', 'kontak']) expect((await f.get(`/${desa.slug}/${page}`)).status, page).toBe(200);
    const missing = await f.get(`/${desa.slug}/tidak-ada`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('Portal Kabupaten');
  });

  it("lists the other regency's kecamatan and desa on its portal page, and searches only its units", async () => {
    const res = await f.get('/wilayah/11.01/');
    expect(res.status).toBe(200);
    const body = await res.text();
    expect(body).toContain(`href="/${desa.slug}/"`);
    expect(body).toContain('Portal Desa');
    expect(body).toContain('action="/wilayah/11.01/cari"');
    // Nothing of Pangkalpinang on Simeulue's portal.
    expect(body).not.toContain('href="/bacang/"');
    const search = await f.get('/wilayah/11.01/cari?q=Bacang');
    expect(search.status).toBe(200);
    expect(await search.text()).not.toContain('href="/bacang/');
    expect((await f.get('/wilayah/99.99/')).status).toBe(404);
    expect((await f.get('/wilayah/19.71/')).status).toBe(404);
  });

  it("shows a regency's own latest posts on its portal, even when the install's newer posts outnumber them", async () => {
    // Older than every demo post of Pangkalpinang: read over all units, it would not be among the nine.
    const r = await post(desa.id, 'Gotong royong membersihkan saluran desa', 60);
    expect(r.ok).toBe(true);
    expect(await (await f.get('/wilayah/11.01/')).text()).toContain('Gotong royong membersihkan saluran desa');
    expect(await (await f.get('/')).text()).not.toContain('Gotong royong membersihkan saluran desa');
    expect(await (await f.get(`/${desa.slug}/berita`)).text()).toContain('Gotong royong membersihkan saluran desa');
  });

  it("keeps the install's portal and sites as they were, with a link to the other regency", async () => {
    const portal = await (await f.get('/')).text();
    expect(portal).toContain('href="/bacang/"');
    expect(portal).not.toContain(`href="/${desa.slug}/"`);
    expect(portal).toContain('href="/wilayah/11.01/"');
    const bacang = await (await f.get('/bacang/')).text();
    expect(bacang).toContain('Portal Kota');
    expect(bacang).toContain('href="/"');
    const hits = await (await f.get('/cari?q=Bacang')).text();
    expect(hits).toContain('href="/bacang/');
  });
});

describe(`feeds, sitemaps and robots.txt of several regencies on ${testEngine()}`, () => {
  let f: SiteFixture;
  let units: { slug: string; region_code: string; kind: string; id: string }[];
  const CAP = 20;
  beforeAll(async () => {
    f = await createSiteFixture({ cache: false, sitemapCap: CAP });
    for (const code of ['11.01', '11.02']) if (!(await importRegion(f.t.db, code, f.clock)).ok) throw new Error(`import of ${code} failed`);
    units = await f.t.db.selectFrom('units').select(['slug', 'region_code', 'kind', 'id']).execute();
  });
  afterAll(() => f.t.close());
  const parser = new XMLParser();
  const locsOf = (body: string, tag: 'sitemapindex' | 'urlset') => {
    const doc = parser.parse(body)[tag];
    const rows = tag === 'sitemapindex' ? doc.sitemap : doc.url;
    return (Array.isArray(rows) ? rows : [rows]).map((r: { loc: string }) => r.loc);
  };

  it('lists every unit sitemap of every regency once, in numbered index files of at most the cap, all named in robots.txt', async () => {
    const robots = await (await f.get('/robots.txt')).text();
    const parts = [...robots.matchAll(/^Sitemap: (\S+)$/gm)].map((m) => m[1]!);
    const expected = new Set([
      'https://portal.example.go.id/sitemap-portal.xml',
      ...units.filter((u) => u.kind !== 'kota' && u.kind !== 'kabupaten').map((u) => `https://${u.slug}.pangkalpinangkota.go.id/sitemap.xml`),
    ]);
    expect(parts.length).toBe(Math.ceil(expected.size / CAP));
    expect(parts[0]).toBe('https://portal.example.go.id/sitemap.xml');
    const seen: string[] = [];
    for (const [i, url] of parts.entries()) {
      expect(url).toBe(`https://portal.example.go.id/${i === 0 ? 'sitemap.xml' : `sitemap-${i + 1}.xml`}`);
      const res = await f.get(url.replace('https://portal.example.go.id', ''));
      expect(res.status, url).toBe(200);
      const body = await res.text();
      expect(XMLValidator.validate(body), url).toBe(true);
      const locs = locsOf(body, 'sitemapindex');
      expect(locs.length, url).toBeLessThanOrEqual(CAP);
      seen.push(...locs);
    }
    expect(seen.length).toBe(expected.size);
    expect(new Set(seen)).toEqual(expected);
    // The install's own regency comes first, as in a one-regency install.
    expect(seen[0]).toBe('https://portal.example.go.id/sitemap-portal.xml');
    const own = units.filter((u) => u.region_code === '19.71' && u.kind !== 'kota').length;
    expect(seen.slice(1, 1 + own).every((l) => units.find((u) => l.startsWith(`https://${u.slug}.`))!.region_code === '19.71')).toBe(true);
    // The parts, read a regency range at a time, follow one another as the whole list in one
    // query would: by regency code, kecamatan before their desa (cap 20 splits every regency).
    const whole = await f.t.db
      .selectFrom('units')
      .select('slug')
      .where('region_code', '!=', '19.71')
      .where('kind', 'not in', ['kota', 'kabupaten'])
      .orderBy('region_code')
      .orderBy(sql`case when code is null then 1 else 0 end`)
      .orderBy('code')
      .orderBy('slug')
      .execute();
    expect(seen.slice(1 + own)).toEqual(whole.map((u) => `https://${u.slug}.pangkalpinangkota.go.id/sitemap.xml`));
    expect((await f.get(`/sitemap-${parts.length + 1}.xml`)).status).toBe(404);
    expect((await f.get('/sitemap-1.xml')).status).toBe(404);
  });

  it("lists each regency's portal in the portal sitemap", async () => {
    const locs = locsOf(await (await f.get('/sitemap-portal.xml')).text(), 'urlset');
    expect(locs).toEqual(['https://portal.example.go.id/', 'https://portal.example.go.id/wilayah/11.01/', 'https://portal.example.go.id/wilayah/11.02/']);
  });

  it("gives each regency's portal its own feeds, with only its units' posts", async () => {
    const desa = units.find((u) => u.region_code === '11.02' && u.kind === 'desa')!;
    const r = await saveContent({ db: f.t.db, clock: f.clock }, {
      unitId: desa.id,
      actorId: null,
      input: { kind: 'berita', title: 'Panen raya padi sawah desa', body: 'Panen raya padi sawah desa. Isi kabar.', status: 'published', publishAt: new Date(f.clock.now().getTime() - 90 * 86_400_000).toISOString(), authorName: 'Admin', eventStart: '', eventEnd: '', eventPlace: '' },
    });
    expect(r.ok).toBe(true);
    const rss = await (await f.get('/wilayah/11.02/feed.xml')).text();
    expect(XMLValidator.validate(rss)).toBe(true);
    const channel = parser.parse(rss).rss.channel;
    expect(channel.link).toBe('https://portal.example.go.id/wilayah/11.02/');
    expect(rss).toContain('Panen raya padi sawah desa');
    expect(rss).not.toContain('Kerja Bakti');
    const atom = await (await f.get('/wilayah/11.02/atom.xml')).text();
    expect(atom).toContain('<feed');
    expect(atom).toContain('Panen raya padi sawah desa');
    expect(await (await f.get('/wilayah/11.01/feed.xml')).text()).not.toContain('Panen raya padi sawah desa');
    // The install's feed holds its own regency's posts only, never crowded by another's.
    const own = await (await f.get('/feed.xml')).text();
    expect(own).toContain('Kerja Bakti');
    expect(own).not.toContain('Panen raya padi sawah desa');
    expect(await (await f.get('/wilayah/11.02/')).text()).toContain('href="https://portal.example.go.id/wilayah/11.02/feed.xml"');
    expect((await f.get('/wilayah/99.99/feed.xml')).status).toBe(404);
  });
});

describe(`page cache of several regencies on ${testEngine()}`, () => {
  it("caches another regency's desa page under its own key and drops it, and only its own regency's portal pages, when that desa changes", async () => {
    const cache = new PageCache();
    const f = await createSiteFixture({ cache });
    try {
      await importRegion(f.t.db, '11.01', f.clock);
      const desa = await f.t.db.selectFrom('units').select(['slug', 'id']).where('region_code', '=', '11.01').where('kind', '=', 'desa').orderBy('code').executeTakeFirstOrThrow();
      const host = 'portal.example.go.id';
      const portalPages = ['/wilayah/11.01/', '/wilayah/11.01/feed.xml', '/', '/feed.xml', '/sitemap.xml'];
      const fetchAll = async () => {
        for (const p of [`/${desa.slug}/`, '/bacang/', ...portalPages]) expect((await f.get(p)).status, p).toBe(200);
      };
      await fetchAll();
      const cached = (p: string) => cache.get(pageKey(host, p, ''), f.clock.now().getTime()) !== undefined;
      expect(cached(`/${desa.slug}/`)).toBe(true);
      expect(cached('/wilayah/11.01/')).toBe(true);
      invalidateUnit(desa.id);
      expect(cached(`/${desa.slug}/`)).toBe(false);
      // Its regency's portal and feed go, and the sitemap (it spans every regency); the install's
      // own portal and feed, and another unit's site, stay.
      expect(cached('/wilayah/11.01/')).toBe(false);
      expect(cached('/wilayah/11.01/feed.xml')).toBe(false);
      expect(cached('/sitemap.xml')).toBe(false);
      expect(cached('/')).toBe(true);
      expect(cached('/feed.xml')).toBe(true);
      expect(cached('/bacang/')).toBe(true);

      // And the other way round: Bacang's change keeps Simeulue's portal.
      await fetchAll();
      invalidateUnit(await f.unitId('bacang'));
      expect(cached('/bacang/')).toBe(false);
      expect(cached('/')).toBe(false);
      expect(cached('/feed.xml')).toBe(false);
      expect(cached('/wilayah/11.01/')).toBe(true);

      // A unit this process never served a page of: its regency is unknown here, every portal page goes.
      await fetchAll();
      invalidateUnit(await f.unitId('gabek-satu'));
      for (const p of portalPages) expect(cached(p), p).toBe(false);
      expect(cached(`/${desa.slug}/`)).toBe(true);
    } finally {
      await f.t.close();
    }
  });
});
