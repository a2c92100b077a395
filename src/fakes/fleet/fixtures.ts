import type { ServerResponse } from 'node:http';
import { availabilityFixtures } from './fixtures-availability.js';
import { freshnessFixtures } from './fixtures-freshness.js';
import { hijackFixtures } from './fixtures-hijack.js';
import { variedFixtures } from './fixtures-varied.js';
import { type FixturePost, page, rss, sitemap, tanggal, wpHome, wpRestPosts } from './pages.js';

// The fixture fleet: one loopback server, routed by Host header (`<name>.test`), one site per
// case of issue 6 and issue 15 "Done when" (the groups in fixtures-*.ts). Dates are relative to the fleet's clock so the cases stay true
// whatever day the tests run. `expected` is the verdict the engine must reach for the period
// containing the clock, with the reason codes that must appear in its evidence.

export interface FleetRequest {
  name: string;
  path: string;
  googlebot: boolean;
  origin: string;
  now: Date;
}

export type FixtureResponse =
  | { status: number; headers?: Record<string, string>; body?: string }
  | { stream: (res: ServerResponse) => void };

export interface FixtureSite {
  name: string;
  /** closed: a port nobody listens on; nxdomain: a name no resolver knows. */
  scheme: 'http' | 'https' | 'closed' | 'nxdomain';
  handle(r: FleetRequest, state: FleetState): FixtureResponse;
  expected?: { verdict: 'PASS' | 'FAIL' | 'UNKNOWN' | 'COMPROMISED'; codes: string[] };
  /** RDAP expiry relative to now, in days. */
  domainExpiresInDays?: number;
  /** For https fixtures: what is wrong with the certificate (default: expired). */
  cert?: import('./tls-cert.js').CertKind;
  /** The group of issue 15 (or 6) this case stands for, for the fleet's table. */
  group?: string;
}

/** Posts added while a test runs (the backdating case publishes one late). */
export type FleetState = Map<string, FixturePost[]>;

export const DAY = 24 * 3600_000;
export const html = (body: string, status = 200): FixtureResponse => ({ status, headers: { 'content-type': 'text/html; charset=utf-8' }, body });
export const xml = (body: string): FixtureResponse => ({ status: 200, headers: { 'content-type': 'application/xml; charset=utf-8' }, body });
export const json = (body: string, status = 200): FixtureResponse => ({ status, headers: { 'content-type': 'application/json' }, body });
export const notFound = (): FixtureResponse => html(page({ title: 'Tidak ditemukan', body: '<p>Halaman tidak ditemukan.</p>' }), 404);

export const post = (now: Date, id: number, daysAgo: number, title: string): FixturePost => ({
  id,
  slug: title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, ''),
  title,
  date: new Date(now.getTime() - daysAgo * DAY),
});

export const freshPosts = (now: Date) => [
  post(now, 41, 1, 'Kerja bakti membersihkan saluran air RW 03'),
  post(now, 40, 3, 'Posyandu balita bulan ini di balai kelurahan'),
  post(now, 37, 10, 'Jadwal pelayanan KTP elektronik'),
  post(now, 1, 300, 'Halo dunia!'),
];

interface WpOptions {
  rest: boolean;
  posts: (now: Date, extra: FixturePost[]) => FixturePost[];
  googlebotHome?: (origin: string) => string;
  /** Markup added to the home page's content (a notice, an injected block). */
  homeExtra?: (origin: string) => string;
  /** The feed's own posts when it differs from the site (a stale cached feed). */
  feedPosts?: (now: Date) => FixturePost[];
  /** Posts listed on the home page (default: all). */
  homePosts?: (posts: FixturePost[]) => FixturePost[];
}

export function wordpress(o: WpOptions) {
  return (r: FleetRequest, state: FleetState): FixtureResponse => {
    const posts = o.posts(r.now, state.get(r.name) ?? []);
    const title = `Kelurahan ${r.name}`;
    const p = r.path.split('?')[0]!;
    if (p === '/') {
      if (r.googlebot && o.googlebotHome) return html(o.googlebotHome(r.origin));
      const home = wpHome(r.origin, title, o.homePosts ? o.homePosts(posts) : posts, { rest: o.rest });
      return html(o.homeExtra ? home.replace('</main>', `${o.homeExtra(r.origin)}</main>`) : home);
    }
    if (p.startsWith('/wp-json/')) {
      return o.rest
        ? json(wpRestPosts(r.origin, posts))
        : json('{"code":"rest_cannot_access","message":"Only authenticated users can access the REST API.","data":{"status":401}}', 401);
    }
    if (p === '/feed/') return xml(rss(r.origin, title, o.feedPosts ? o.feedPosts(r.now) : posts, { dated: true }));
    if (p === '/comments/feed/') return xml(rss(r.origin, `Comments for ${title}`, [], { dated: true }));
    if (p === '/robots.txt') return { status: 200, headers: { 'content-type': 'text/plain' }, body: `User-agent: *\nDisallow: /wp-admin/\nSitemap: ${r.origin}/wp-sitemap.xml\n` };
    // WordPress core sitemaps carry no lastmod at all.
    if (p === '/wp-sitemap.xml') return xml(`<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>${r.origin}/wp-sitemap-posts-post-1.xml</loc></sitemap></sitemapindex>`);
    if (p === '/wp-sitemap-posts-post-1.xml') return xml(sitemap(posts.map((x) => ({ loc: `${r.origin}/${x.slug}/` }))));
    const found = posts.find((x) => p === `/${x.slug}/`);
    if (found) {
      return html(page({ title: found.title, head: `<meta property="article:published_time" content="${found.date.toISOString()}">`, body: `<article><h2>${found.title}</h2><p>${found.body ?? 'Isi berita tentang kegiatan warga dan pelayanan kelurahan minggu ini.'}</p></article>` }));
    }
    return notFound();
  };
}

export const SPAM_HOME = (origin: string) =>
  page({
    title: 'SLOT GACOR MAXWIN HARI INI — Situs Slot Online & Togel Terpercaya',
    body: `<p>Daftar situs slot gacor hari ini, RTP live tertinggi, deposit pulsa tanpa potongan. Mahjong ways 2, gates of olympus, scatter hitam.</p><a href="https://gacor88.example/daftar">Link alternatif</a><a href="${origin}/slot/1">Bandar togel</a>`,
  });

export function fixtureSites(): FixtureSite[] {
  return [
    { name: 'wp-segar', scheme: 'http', handle: wordpress({ rest: true, posts: freshPosts }), expected: { verdict: 'PASS', codes: ['content_ok'] } },
    { name: 'wp-tanpa-rest', scheme: 'http', handle: wordpress({ rest: false, posts: freshPosts }), expected: { verdict: 'PASS', codes: ['content_ok'] } },
    {
      name: 'basi',
      scheme: 'http',
      handle: wordpress({ rest: true, posts: (now) => [post(now, 12, 60, 'Peringatan HUT RI'), post(now, 11, 95, 'Musrenbang kelurahan')] }),
      expected: { verdict: 'FAIL', codes: ['no_content_in_period', 'stale'] },
    },
    { name: 'opensid', scheme: 'http', handle: opensid, expected: { verdict: 'PASS', codes: ['content_ok'] } },
    { name: 'sitemap-hari-ini', scheme: 'http', handle: stampedSitemap, expected: { verdict: 'UNKNOWN', codes: ['sitemap_build_stamped', 'submit_link'] } },
    {
      name: 'parkir',
      scheme: 'http',
      domainExpiresInDays: -20,
      handle: (r) =>
        r.path === '/'
          ? html(`<!doctype html><html><head><title>${r.name}.test is for sale</title></head><body><h1>This domain is for sale!</h1><p>Buy this domain today. Make an offer.</p><h2>Related searches</h2><ul><li>Hotel murah</li><li>Pinjaman online</li></ul></body></html>`)
          : notFound(),
      expected: { verdict: 'FAIL', codes: ['parked'] },
    },
    {
      name: 'soft404',
      scheme: 'http',
      // Every path, the home page included, answers 200 with a "not found" page.
      handle: () => html('<!doctype html><html><head><title>404 Halaman Tidak Ditemukan</title></head><body><h1>Oops! Halaman tidak ditemukan</h1><a href="/">Kembali</a></body></html>'),
      expected: { verdict: 'FAIL', codes: ['soft404_home'] },
    },
    {
      name: 'halo-dunia',
      scheme: 'http',
      handle: wordpress({ rest: true, posts: (now) => [post(now, 1, 2, 'Halo dunia!')] }),
      expected: { verdict: 'FAIL', codes: ['no_content_in_period', 'default_only'] },
    },
    {
      name: 'mundur',
      scheme: 'http',
      handle: wordpress({ rest: true, posts: (now, extra) => [...extra, post(now, 8, 40, 'Rapat koordinasi RT')] }),
    },
    {
      name: 'cloaking',
      scheme: 'http',
      handle: wordpress({ rest: true, posts: freshPosts, googlebotHome: SPAM_HOME }),
      expected: { verdict: 'COMPROMISED', codes: ['cloaking'] },
    },
    {
      name: 'dibajak',
      scheme: 'http',
      handle: (r) => {
        if (r.path === '/') return html(SPAM_HOME(r.origin));
        if (r.path === '/sitemap.xml') {
          const spam = Array.from({ length: 200 }, (_, i) => ({ loc: `${r.origin}/slot/slot-gacor-maxwin-${i}`, lastmod: r.now }));
          return xml(sitemap([{ loc: `${r.origin}/profil` }, ...spam]));
        }
        return notFound();
      },
      expected: { verdict: 'COMPROMISED', codes: ['spam_in_home_title', 'spam_in_sitemap'] },
    },
    {
      // Clean at first; after fleet.publish('sitemap-baru', …) its sitemap grows a new section
      // of 30 pages, the way injected spam directories appear.
      name: 'sitemap-baru',
      scheme: 'http',
      handle: (r, state) => {
        const injected = (state.get(r.name) ?? []).length > 0;
        if (r.path === '/') return html(page({ title: `Kelurahan ${r.name}`, body: '<article><a href="/berita/rapat">Rapat RT</a></article>' }));
        if (r.path === '/sitemap.xml') {
          const base = [{ loc: `${r.origin}/profil` }, { loc: `${r.origin}/berita/rapat`, lastmod: new Date(r.now.getTime() - 2 * DAY) }, { loc: `${r.origin}/berita/posyandu`, lastmod: new Date(r.now.getTime() - 9 * DAY) }];
          const extra = injected ? Array.from({ length: 30 }, (_, i) => ({ loc: `${r.origin}/promo/halaman-${i}`, lastmod: r.now })) : [];
          return xml(sitemap([...base, ...extra]));
        }
        return notFound();
      },
    },
    ...freshnessFixtures(),
    ...availabilityFixtures(),
    ...hijackFixtures(),
    ...variedFixtures(),
  ];
}

export function opensid(r: FleetRequest): FixtureResponse {
  const posts = [post(r.now, 77, 1, 'Penyaluran BLT Dana Kelurahan'), post(r.now, 76, 4, 'Gotong royong di RW 05'), post(r.now, 75, 9, 'Pembinaan PKK')];
  const path = (x: FixturePost) => `${r.origin}/artikel/${x.date.toISOString().slice(0, 10).replace(/-/g, '/')}/${x.slug}`;
  const p = r.path;
  if (p === '/') {
    return html(
      page({
        title: `Website Resmi Kelurahan ${r.name}`,
        head: '<meta name="generator" content="OpenSID">',
        headerDate: r.now,
        body: posts.map((x) => `<div class="artikel"><a href="${path(x)}">${x.title}</a></div>`).join(''),
      }),
    );
  }
  // Old OpenSID: no <pubDate>, items after </channel>, newest first by id.
  if (p === '/feed.xml') return xml(rss(r.origin, `Kelurahan ${r.name}`, posts, { dated: false, itemsOutsideChannel: true, path }));
  if (p === '/sitemap.xml') return xml(sitemap(posts.map((x) => ({ loc: path(x), lastmod: x.date.toISOString().slice(0, 10) }))));
  const found = posts.find((x) => p === new URL(path(x)).pathname);
  if (found) {
    // The header prints today's date (a false "fresh" signal); the real date is in the article.
    return html(page({ title: found.title, headerDate: r.now, body: `<article><h2>${found.title}</h2><div class="meta">Diposting: ${tanggal(found.date)}</div><p>Isi artikel.</p></article>` }));
  }
  return notFound();
}

function stampedSitemap(r: FleetRequest): FixtureResponse {
  const today = r.now.toISOString().slice(0, 10);
  const slugs = ['sejarah-kelurahan', 'visi-misi', 'struktur-organisasi', 'berita/lomba-kebersihan', 'berita/rapat-rt'];
  if (r.path === '/') {
    return html(page({ title: `Kelurahan ${r.name}`, headerDate: r.now, body: slugs.map((s) => `<article><a href="/${s}">${s.replace(/[-/]/g, ' ')}</a></article>`).join('') }));
  }
  if (r.path === '/sitemap.xml') return xml(sitemap(slugs.map((s) => ({ loc: `${r.origin}/${s}`, lastmod: today }))));
  if (slugs.some((s) => r.path === `/${s}`)) return html(page({ title: r.path, body: '<article><p>Isi halaman.</p></article>' }));
  return notFound();
}
