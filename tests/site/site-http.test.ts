import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveContent } from '../../src/modules/content/index.js';
import { invalidateUnit } from '../../src/web/site/routes.js';
import { type SiteFixture, createSiteFixture } from './site-fixture.js';

let f: SiteFixture;
let bacang: string;
let gabek: string;
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });

beforeAll(async () => {
  f = await createSiteFixture();
  bacang = await f.unitId('bacang');
  gabek = await f.unitId('gabek-satu');
  const deps = { db: f.t.db, clock: f.clock, onPublicChange: invalidateUnit };
  await saveContent(deps, { unitId: bacang, actorId: null, input: { kind: 'berita', title: 'RAHASIA draf belum terbit', status: 'draft', body: '<p>draf</p>' } });
  await saveContent(deps, { unitId: bacang, actorId: null, input: { kind: 'berita', title: 'RAHASIA terjadwal besok', status: 'scheduled', publishAt: '2026-03-11T09:00', body: '<p>nanti</p>' } });
  const arch = await saveContent(deps, { unitId: bacang, actorId: null, input: { kind: 'pengumuman', title: 'RAHASIA diarsipkan', status: 'archived', publishAt: '2026-03-01T09:00', body: '<p>lama</p>' } });
  expect(arch.ok).toBe(true);
}, 120_000);
afterAll(async () => f?.t.close());

const PAGES = ['/', '/profil', '/profil/sejarah', '/profil/visi-misi', '/profil/aparatur', '/profil/wilayah', '/profil/lembaga', '/profil/sarana', '/profil/potensi', '/profil/statistik', '/berita', '/pengumuman', '/agenda', '/galeri', '/layanan', '/layanan/domisili', '/informasi-publik', '/kontak', '/cari?q=posyandu'];

describe('unit site pages', () => {
  it('serves every page type at /{slug}/… and on the unit host name', async () => {
    for (const p of PAGES) {
      const viaPath = await f.get(`/bacang${p}`);
      expect(viaPath.status, p).toBe(200);
      const body = await viaPath.text();
      expect(body, p).toContain('Bacang');
      expect(body, p).not.toContain('RAHASIA');
      const viaHost = await f.get(p, { host: 'bacang.pangkalpinangkota.go.id' });
      expect(viaHost.status, `host ${p}`).toBe(200);
      const hostBody = await viaHost.text();
      // In host mode links stay on the host (no /bacang prefix).
      expect(hostBody).not.toContain('href="/bacang/');
      expect(hostBody).toContain('href="/berita"');
    }
  });

  it('renders a berita detail with canonical, Open Graph and NewsArticle JSON-LD', async () => {
    const list = await (await f.get('/bacang/berita')).text();
    const href = list.match(/href="(\/bacang\/berita\/[a-z0-9-]+)"/)![1]!;
    const html = await (await f.get(href)).text();
    const slug = href.split('/').pop();
    expect(html).toContain(`<link rel="canonical" href="https://bacang.pangkalpinangkota.go.id/berita/${slug}"/>`);
    expect(html).toMatch(/<meta property="og:type" content="article"\/>/);
    const ld = JSON.parse(html.match(/<script type="application\/ld\+json">(.*?)<\/script>/)![1]!);
    expect(ld['@type']).toBe('NewsArticle');
    expect(html).not.toContain('<script>');
  });

  it('answers 404 for drafts, scheduled, archived and unknown paths', async () => {
    for (const p of ['/bacang/berita/rahasia-draf-belum-terbit', '/bacang/berita/rahasia-terjadwal-besok', '/bacang/pengumuman/rahasia-diarsipkan', '/bacang/tidak-ada', '/tidak-ada-kelurahan', '/bacang/profil/ddk', '/bacang/layanan/tidak-ada']) {
      const r = await f.get(p);
      expect(r.status, p).toBe(404);
      expect(await r.text()).toContain('Halaman tidak ditemukan');
    }
  });

  it("never shows one unit's items on another unit's pages", async () => {
    const gabekList = await (await f.get('/gabek-satu/berita')).text();
    const slug = gabekList.match(/href="\/gabek-satu\/berita\/([a-z0-9-]+)"/)![1]!;
    expect((await f.get(`/bacang/berita/${slug}`)).status).toBe(404);
    const bacangHome = await (await f.get('/bacang')).text();
    expect(bacangHome).not.toContain('Gabek Satu');
    expect(bacangHome).not.toContain('/gabek-satu/');
  });

  it('shows a helpful empty state for a kelurahan with no content', async () => {
    const html = await (await f.get('/temberan')).text();
    expect(html).toContain('Belum ada berita');
    expect(html).toContain('Layanan unggulan');
    expect((await f.get('/temberan/berita')).status).toBe(200);
  });
});

describe('portal, feeds and sitemaps', () => {
  it('the portal lists every kecamatan and kelurahan and who posted recently', async () => {
    const html = await (await f.get('/')).text();
    expect(html).toContain('Kota Pangkalpinang');
    for (const name of ['Bacang', 'Air Itam', 'Gabek Satu', 'Opas Indah', 'Pasar Padi', 'Temberan', 'Kejaksaan']) expect(html).toContain(name);
    const index = html.split('id="h-index"')[1]!;
    const kel = [...index.matchAll(/<li><a href="\/[a-z0-9-]+\/">/g)].length;
    expect(kel).toBe(42);
    expect(html).toContain('5 kelurahan menerbitkan kabar dalam 7 hari terakhir');
    expect(html).not.toContain('RAHASIA');
  });

  it('searches across units on the portal', async () => {
    const html = await (await f.get('/cari?q=kerja%20bakti')).text();
    expect(html).toContain('Kerja Bakti Bersihkan Parit di RW 02 Bacang');
    expect(html).toContain('Kerja Bakti Bersihkan Parit di RW 02 Pasar Padi');
    expect(await (await f.get('/cari?q=RAHASIA')).text()).toContain('Tidak ada hasil');
  });

  it('feeds are well-formed, public only, with valid dates', async () => {
    for (const p of ['/bacang/feed.xml', '/bacang/atom.xml', '/feed.xml', '/atom.xml']) {
      const r = await f.get(p);
      expect(r.headers.get('content-type')).toMatch(/xml/);
      const body = await r.text();
      expect(XMLValidator.validate(body), p).toBe(true);
      expect(body).not.toContain('RAHASIA');
    }
    const rss = parser.parse(await (await f.get('/bacang/feed.xml')).text()).rss.channel;
    expect(rss.item.length).toBe(8);
    for (const it of rss.item) expect(Number.isNaN(new Date(it.pubDate).getTime())).toBe(false);
    const atom = parser.parse(await (await f.get('/feed.xml')).text());
    expect(atom.rss.channel.item.length).toBe(30);
  });

  it('sitemaps list only public URLs, one sitemap per unit under an index', async () => {
    const idx = parser.parse(await (await f.get('/sitemap.xml')).text()).sitemapindex.sitemap;
    expect(idx.length).toBe(1 + 7 + 42);
    expect(idx.map((s: any) => s.loc)).toContain('https://bacang.pangkalpinangkota.go.id/sitemap.xml');
    const body = await (await f.get('/sitemap.xml', { host: 'bacang.pangkalpinangkota.go.id' })).text();
    expect(body).toContain('<urlset');
    const locs: string[] = parser.parse(body).urlset.url.map((u: any) => u.loc);
    expect(locs).not.toContainEqual(expect.stringContaining('rahasia'));
    expect(locs.every((l) => l.startsWith('https://bacang.pangkalpinangkota.go.id/'))).toBe(true);
    // Every URL in the sitemap answers 200 (public) on the host.
    for (const l of locs) {
      const path = l.replace('https://bacang.pangkalpinangkota.go.id', '');
      expect((await f.get(path, { host: 'bacang.pangkalpinangkota.go.id' })).status, path).toBe(200);
    }
  });

  it('robots.txt points at the right sitemap for portal and unit host', async () => {
    expect(await (await f.get('/robots.txt')).text()).toContain('Sitemap: https://portal.example.go.id/sitemap.xml');
    expect(await (await f.get('/robots.txt', { host: 'bacang.pangkalpinangkota.go.id' })).text()).toContain('Sitemap: https://bacang.pangkalpinangkota.go.id/sitemap.xml');
  });
});

describe('HTTP caching', () => {
  it('sends ETag and Cache-Control and answers 304 to a matching If-None-Match', async () => {
    const r = await f.get('/bacang/profil');
    const etag = r.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(r.headers.get('cache-control')).toBe('public, no-cache');
    const again = await f.get('/bacang/profil', { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect((await f.get('/bacang/profil', { 'if-none-match': '"other"' })).status).toBe(200);
  });

  it('compresses with brotli or gzip, with its own ETag per encoding', async () => {
    const plain = await (await f.get('/bacang')).text();
    const br = await f.get('/bacang', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toBe('Accept-Encoding');
    const { brotliDecompressSync, gunzipSync } = await import('node:zlib');
    expect(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString()).toBe(plain);
    const gz = await f.get('/bacang', { 'accept-encoding': 'gzip' });
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(plain);
    const brEtag = br.headers.get('etag')!;
    expect(brEtag).not.toBe(gz.headers.get('etag'));
    expect((await f.get('/bacang', { 'accept-encoding': 'br', 'if-none-match': brEtag })).status).toBe(304);
  });

  it('a publish shows at once: the cached pages of that unit and the portal are invalidated', async () => {
    const before = await f.get('/bacang/berita');
    const etag = before.headers.get('etag')!;
    const portalBefore = await (await f.get('/')).text();
    await saveContent({ db: f.t.db, clock: f.clock, onPublicChange: invalidateUnit }, { unitId: bacang, actorId: null, input: { kind: 'berita', title: 'Baru saja terbit hari ini', status: 'published', body: '<p>baru</p>' } });
    const after = await f.get('/bacang/berita', { 'if-none-match': etag });
    expect(after.status).toBe(200);
    expect(await after.text()).toContain('Baru saja terbit hari ini');
    expect(portalBefore).not.toContain('Baru saja terbit hari ini');
    expect(await (await f.get('/')).text()).toContain('Baru saja terbit hari ini');
  });

  it('a scheduled item appears when its time comes, even though nothing invalidated the cache', async () => {
    const list1 = await (await f.get('/bacang/berita')).text();
    expect(list1).not.toContain('RAHASIA terjadwal besok');
    f.clock.set('2026-03-11T02:00:01Z'); // 09:00:01 WIB
    const list2 = await (await f.get('/bacang/berita')).text();
    expect(list2).toContain('RAHASIA terjadwal besok');
    f.clock.set('2026-03-10T03:00:00Z');
    invalidateUnit(gabek);
  });
});
