import { DAY, type FixtureResponse, type FixtureSite, type FleetRequest, html, notFound, post, wordpress, xml } from './fixtures.js';
import { type FixturePost, page, rss, sitemap, tanggal } from './pages.js';

// Issue 15 §2–3 cases: activity that is only visible on the article page or a news list page,
// a stale feed beside a home page with a newer post, and activity that must not count (tests,
// placeholders, platform defaults in Indonesian, a re-post, a date in the future). Each is a
// realistic page shape (custom CMS, WordPress without REST, OpenSID, Blogger), not a stub.

const ago = (r: FleetRequest, days: number) => new Date(r.now.getTime() - days * DAY);
const slug = (t: string) => t.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
const BODY = 'Warga RT 02 dan RT 03 bergotong royong membersihkan saluran air dan memangkas rumput di sepanjang jalan kelurahan bersama aparatur dan Babinsa.';

/** A custom CMS: the home page lists articles without dates; each article page carries its own, each in a different way. */
export function articleDates(r: FleetRequest): FixtureResponse {
  const articles = [
    { title: 'Penyaluran bantuan pangan untuk warga lansia', days: 1, how: 'jsonld' },
    { title: 'Rapat koordinasi RT dan RW bulan ini', days: 9, how: 'og' },
    { title: 'Pelayanan KTP elektronik keliling di balai kelurahan', days: 16, how: 'time' },
    { title: 'Lomba kebersihan antar RW dibuka', days: 23, how: 'printed' },
  ];
  const href = (t: string) => `/berita/read/${slug(t)}`;
  if (r.path === '/') {
    const list = articles.map((a) => `<div class="news-card"><img src="/img/${slug(a.title)}.jpg" alt=""><h3><a href="${href(a.title)}">${a.title}</a></h3><p>Selengkapnya…</p></div>`).join('');
    return html(page({ title: `Kelurahan ${r.name}`, headerDate: r.now, body: `<section class="berita-terbaru"><h2>Berita Terbaru</h2>${list}</section>` }));
  }
  const a = articles.find((x) => r.path === href(x.title));
  if (!a) return notFound();
  const d = ago(r, a.days);
  const head =
    a.how === 'jsonld'
      ? `<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Kelurahan"},{"@type":"NewsArticle","headline":"${a.title}","datePublished":"${d.toISOString()}",}]}</script>`
      : a.how === 'og'
        ? `<meta property="og:type" content="article"><meta property="article:published_time" content="${d.toISOString()}">`
        : '';
  const meta = a.how === 'time' ? `<time datetime="${d.toISOString()}">${tanggal(d)}</time>` : a.how === 'printed' ? `<span class="post-date">Diposting ${tanggal(d)} pukul 09.15 WIB</span>` : '';
  return html(page({ title: a.title, head, headerDate: r.now, body: `<div class="content"><h1>${a.title}</h1>${meta}<p>${BODY}</p></div>` }));
}

/** A news list page (/berita) printing "Senin, 23 November 2026" beside each title; article pages show no date. */
export function listDates(r: FleetRequest): FixtureResponse {
  const items = [
    { title: 'Sosialisasi pencegahan demam berdarah', days: 2, form: (d: Date) => tanggal(d) },
    { title: 'Pembagian bibit tanaman untuk pekarangan warga', days: 12, form: (d: Date) => `${new Date(d.getTime() + 7 * 3600_000).getUTCDate()} ${['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'][new Date(d.getTime() + 7 * 3600_000).getUTCMonth()]} ${new Date(d.getTime() + 7 * 3600_000).getUTCFullYear()}` },
    { title: 'Jadwal posyandu lansia bulan depan', days: 20, form: (d: Date) => { const w = new Date(d.getTime() + 7 * 3600_000); return `${String(w.getUTCDate()).padStart(2, '0')}/${String(w.getUTCMonth() + 1).padStart(2, '0')}/${w.getUTCFullYear()}`; } },
  ];
  const href = (t: string) => `/berita/${slug(t)}.html`;
  if (r.path === '/') return html(page({ title: `Kelurahan ${r.name}`, headerDate: r.now, body: '<p>Selamat datang di situs resmi kelurahan. Silakan baca berita terbaru di menu Berita.</p>' }));
  if (r.path === '/berita') {
    // A flat list: the date sits in the paragraph after each heading, not in a wrapper.
    const list = items.map((i) => `<h3><a href="${href(i.title)}">${i.title}</a></h3><p class="tgl">${i.form(ago(r, i.days))} | Admin</p>`).join('');
    return html(page({ title: 'Berita', headerDate: r.now, body: `<div class="list">${list}</div>` }));
  }
  const i = items.find((x) => r.path === href(x.title));
  return i ? html(page({ title: i.title, body: `<div class="isi"><h1>${i.title}</h1><p>${BODY}</p></div>` })) : notFound();
}

const stalePosts = (now: Date) => [post(now, 30, 45, 'Peringatan Hari Sumpah Pemuda'), post(now, 29, 60, 'Lomba tujuh belasan tingkat kelurahan')];

export function freshnessFixtures(): FixtureSite[] {
  return [
    { name: 'artikel-tanggal', scheme: 'http', group: 'article-page dates', handle: articleDates, expected: { verdict: 'PASS', codes: ['content_ok'] } },
    { name: 'daftar-berita', scheme: 'http', group: 'list-page dates', handle: listDates, expected: { verdict: 'PASS', codes: ['content_ok'] } },
    {
      // A caching plugin serves a feed frozen six weeks ago; the home page shows Monday's post.
      name: 'feed-basi',
      scheme: 'http',
      group: 'stale feed vs fresh page',
      handle: wordpress({
        rest: false,
        posts: (now) => [{ ...post(now, 31, 2, 'Musyawarah perencanaan pembangunan kelurahan'), body: BODY }, ...stalePosts(now)],
        feedPosts: stalePosts,
      }),
      expected: { verdict: 'PASS', codes: ['content_ok'] },
    },
    {
      name: 'tes-coba',
      scheme: 'http',
      group: 'trivial and placeholder posts',
      handle: wordpress({
        rest: true,
        posts: (now) => [
          { ...post(now, 52, 1, 'tes'), body: 'tes' },
          { ...post(now, 51, 2, 'Coba posting'), body: 'coba' },
          { ...post(now, 50, 3, 'Kegiatan warga'), body: 'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore.' },
          { ...post(now, 40, 30, 'Gotong royong membersihkan pasar'), body: BODY },
        ],
      }),
      expected: { verdict: 'FAIL', codes: ['no_content_in_period', 'ignored_items'] },
    },
    { name: 'opensid-bawaan', scheme: 'http', group: 'Indonesian defaults', handle: opensidDefaults, expected: { verdict: 'FAIL', codes: ['no_content_in_period', 'default_only'] } },
    {
      name: 'laman-contoh',
      scheme: 'http',
      group: 'Indonesian defaults',
      handle: wordpress({
        rest: true,
        posts: (now) => [
          { ...post(now, 2, 1, 'Laman Contoh'), body: 'Ini adalah laman contoh. Laman ini berbeda dengan pos blog karena akan tetap di satu tempat.' },
          { ...post(now, 1, 2, 'Halo dunia!'), body: 'Selamat datang di WordPress. Ini adalah pos pertama Anda. Sunting atau hapus, kemudian mulai menulis!' },
        ],
      }),
      expected: { verdict: 'FAIL', codes: ['no_content_in_period', 'default_only'] },
    },
    {
      // Last Tuesday's article re-published today under a new address with the same title.
      name: 'ulang',
      scheme: 'http',
      group: 're-post',
      handle: wordpress({
        rest: true,
        posts: (now) => [
          { ...post(now, 71, 1, 'Pembukaan pendaftaran pelatihan menjahit gratis'), slug: 'pembukaan-pendaftaran-pelatihan-menjahit-gratis-2', body: BODY },
          { ...post(now, 60, 40, 'Pembukaan pendaftaran pelatihan menjahit gratis'), body: BODY },
        ],
      }),
      expected: { verdict: 'FAIL', codes: ['no_content_in_period', 'repost_not_counted'] },
    },
    {
      name: 'masa-depan',
      scheme: 'http',
      group: 'future date',
      handle: wordpress({ rest: true, posts: (now) => [{ ...post(now, 81, -40, 'Pengumuman jadwal pelayanan akhir tahun'), body: BODY }, { ...post(now, 80, 20, 'Kerja bakti RW 05'), body: BODY }] }),
      expected: { verdict: 'FAIL', codes: ['no_content_in_period', 'future_dated_item'] },
    },
    {
      name: 'blogspot',
      scheme: 'http',
      group: 'Blogger feed',
      handle: blogger,
      expected: { verdict: 'PASS', codes: ['content_ok'] },
    },
  ];
}

/** A fresh OpenSID: only its starting articles, feed without dates, article pages with the default text. */
function opensidDefaults(r: FleetRequest): FixtureResponse {
  const defaults: FixturePost[] = [
    { id: 7, slug: 'awal-mula-sid', title: 'Awal mula SID', date: ago(r, 1), body: 'Awalnya ada keinginan dari pemerintah Desa Balerante yang berharap pelayanan pemerintah desa bisa seperti pengunjung rumah sakit.' },
    { id: 34, slug: 'profil-masyarakat-desa', title: 'Profil Masyarakat Desa', date: ago(r, 1), body: 'Contoh (Sila edit halaman ini sesuai dengan deskripsi desa ini)! Berdasarkan data desa pada bulan Februari 2010, jumlah penduduk Desa Terong sebanyak 6484 orang.' },
  ];
  const path = (x: FixturePost) => `${r.origin}/artikel/${x.id}`;
  if (r.path === '/') return html(page({ title: `Website Resmi Kelurahan ${r.name}`, head: '<meta name="generator" content="OpenSID">', headerDate: r.now, body: defaults.map((x) => `<div class="artikel"><a href="${path(x)}">${x.title}</a></div>`).join('') }));
  if (r.path === '/feed.xml') return xml(rss(r.origin, `Kelurahan ${r.name}`, defaults, { dated: false, itemsOutsideChannel: true, path }));
  const found = defaults.find((x) => r.path === new URL(path(x)).pathname);
  return found ? html(page({ title: found.title, headerDate: r.now, body: `<article><h2>${found.title}</h2><div class="meta">Diposting: ${tanggal(found.date)}</div><p>${found.body}</p></article>` })) : notFound();
}

/** Blogger: Atom feed at /feeds/posts/default, home page with Blogger's markup. */
function blogger(r: FleetRequest): FixtureResponse {
  const posts = [post(r.now, 1, 1, 'Penyerahan santunan anak yatim di kelurahan'), post(r.now, 2, 15, 'Senam sehat bersama warga setiap Jumat')];
  const link = (p: FixturePost) => `${r.origin}/2026/11/${p.slug}.html`;
  if (r.path === '/') {
    return html(page({
      title: `Kelurahan ${r.name}`,
      head: `<meta content='blogger' name='generator'/><link rel="alternate" type="application/atom+xml" title="Kelurahan - Atom" href="${r.origin}/feeds/posts/default">`,
      body: posts.map((p) => `<div class="post-outer"><h3 class="post-title"><a href="${link(p)}">${p.title}</a></h3></div>`).join(''),
    }));
  }
  if (r.path.startsWith('/feeds/posts/default')) {
    const entries = posts.map((p) => `<entry><id>tag:blogger.com,1999:blog-1.post-${p.id}</id><published>${p.date.toISOString()}</published><updated>${p.date.toISOString()}</updated><title type='text'>${p.title}</title><content type='html'>&lt;p&gt;${BODY}&lt;/p&gt;</content><link rel='replies' type='text/html' href='${link(p)}#comment-form'/><link rel='alternate' type='text/html' href='${link(p)}' title='${p.title}'/></entry>`).join('');
    return xml(`<?xml version='1.0' encoding='UTF-8'?><feed xmlns='http://www.w3.org/2005/Atom'><title type='text'>Kelurahan ${r.name}</title>${entries}</feed>`);
  }
  if (r.path === '/sitemap.xml') return xml(sitemap(posts.map((p) => ({ loc: link(p) }))));
  return notFound();
}

