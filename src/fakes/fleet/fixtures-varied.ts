import { gzipSync } from 'node:zlib';
import { DAY, type FixtureResponse, type FixtureSite, type FleetRequest, freshPosts, html, notFound, post, wordpress, xml } from './fixtures.js';
import { type FixturePost, page, rss, tanggal } from './pages.js';

// The fleet made more like the sites Diskominfo really registers, beyond one case per issue-15
// group: Blogger themes with "Popular Posts" and archive widgets, hand-made static pages with a
// calendar, today's date and "© <this year>" in the footer (none of which is a new post), a
// Joomla site, an Angular shell, an "under construction" page that only links to Facebook,
// gambling spam tucked into the footer or the <head>, an expired domain showing the registrar's
// page, and an honest anti-gambling post. Every date is relative to the fleet's clock.

const ago = (r: FleetRequest, days: number) => new Date(r.now.getTime() - days * DAY);
const BULAN = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
const wib = (d: Date) => new Date(d.getTime() + 7 * 3600_000);
const year = (r: FleetRequest) => wib(r.now).getUTCFullYear();

/** A month calendar widget with today highlighted, as WordPress and Blogger themes draw it. */
function calendar(r: FleetRequest): string {
  const w = wib(r.now);
  const days = new Date(Date.UTC(w.getUTCFullYear(), w.getUTCMonth() + 1, 0)).getUTCDate();
  const cells = Array.from({ length: days }, (_, i) => (i + 1 === w.getUTCDate() ? `<td id="today"><a href="/${w.getUTCFullYear()}/${w.getUTCMonth() + 1}/${i + 1}/">${i + 1}</a></td>` : `<td>${i + 1}</td>`)).join('');
  return `<table id="wp-calendar"><caption>${BULAN[w.getUTCMonth()]} ${w.getUTCFullYear()}</caption><tbody><tr>${cells}</tr></tbody></table>`;
}

/** "Berita Populer": the most-read posts of all time, with their (old) dates. */
function popular(r: FleetRequest, items: { title: string; days: number }[]): string {
  return `<aside class="widget popular-posts"><h3>Berita Populer</h3><ul>${items.map((p) => `<li><a href="/populer/${p.days}">${p.title}</a> <span class="date">${tanggal(ago(r, p.days))}</span></li>`).join('')}</ul></aside>`;
}

const footer = (r: FleetRequest, extra = '') => `<footer>Copyright &copy; ${year(r)} Pemerintah Kelurahan ${r.name}. Hak cipta dilindungi. ${extra}</footer>`;
const withFooter = (body: string, r: FleetRequest, extra = '') => body.replace(/<footer>[\s\S]*?<\/footer>/, footer(r, extra));

/** Blogger with a Popular Posts widget, a Blog Archive and "© this year": its posts decide. */
function bloggerTheme(postsOf: (r: FleetRequest) => FixturePost[]) {
  return (r: FleetRequest): FixtureResponse => {
    const posts = postsOf(r);
    const link = (p: FixturePost) => `${r.origin}/${wib(p.date).getUTCFullYear()}/${String(wib(p.date).getUTCMonth() + 1).padStart(2, '0')}/${p.slug}.html`;
    if (r.path === '/' || r.path.startsWith('/?')) {
      const body =
        posts.map((p) => `<div class="date-outer"><h2 class="date-header"><span>${tanggal(p.date)}</span></h2><div class="post-outer"><h3 class="post-title entry-title"><a href="${link(p)}">${p.title}</a></h3><div class="post-body">${p.body ?? 'Kegiatan warga bersama aparatur kelurahan.'}</div><abbr class="published" title="${p.date.toISOString()}">${tanggal(p.date)}</abbr></div></div>`).join('') +
        popular(r, [{ title: 'Pendaftaran KTP elektronik', days: 400 }, { title: 'Jadwal pelayanan kelurahan', days: 700 }]) +
        `<aside class="widget BlogArchive"><h3>Arsip Blog</h3><ul><li>${year(r)} (${posts.length})</li><li>${year(r) - 1} (14)</li></ul></aside>`;
      const out = page({ title: `Kelurahan ${r.name}`, head: `<meta content='blogger' name='generator'/><link rel="alternate" type="application/atom+xml" title="Atom" href="${r.origin}/feeds/posts/default">`, body });
      return html(withFooter(out, r, 'Diberdayakan oleh Blogger.'));
    }
    if (r.path.startsWith('/feeds/posts/default')) {
      const entries = posts.map((p) => `<entry><id>tag:blogger.com,1999:blog-9.post-${p.id}</id><published>${p.date.toISOString()}</published><updated>${p.date.toISOString()}</updated><title type='text'>${p.title}</title><content type='html'>&lt;p&gt;${p.body ?? 'Kegiatan warga bersama aparatur kelurahan.'}&lt;/p&gt;</content><link rel='alternate' type='text/html' href='${link(p)}' title='${p.title}'/></entry>`).join('');
      return xml(`<?xml version='1.0' encoding='UTF-8'?><feed xmlns='http://www.w3.org/2005/Atom'><updated>${r.now.toISOString()}</updated><title type='text'>Kelurahan ${r.name}</title>${entries}</feed>`);
    }
    const found = posts.find((p) => r.path === new URL(link(p)).pathname);
    return found ? html(page({ title: found.title, body: `<article><h2 class="date-header">${tanggal(found.date)}</h2><h3>${found.title}</h3><p>${found.body ?? 'Kegiatan warga.'}</p></article>` })) : notFound();
  };
}

/**
 * A hand-made PHP site: today's date in the header, a calendar, "© this year", a Last-Modified of
 * right now (the page is generated), old popular posts — and news last written months ago.
 */
function staticCalendar(r: FleetRequest): FixtureResponse {
  const news = [{ title: 'Pelaksanaan vaksinasi tahap kedua', days: 85 }, { title: 'Musyawarah kelurahan tahunan', days: 120 }];
  if (r.path === '/') {
    const body =
      `<div class="jam">${tanggal(r.now)} | ${String(wib(r.now).getUTCHours()).padStart(2, '0')}:${String(wib(r.now).getUTCMinutes()).padStart(2, '0')} WIB</div>` +
      `<section><h2>Berita Terbaru</h2>${news.map((n) => `<div class="berita"><a href="/berita.php?id=${n.days}">${n.title}</a><small>${tanggal(ago(r, n.days))}</small></div>`).join('')}</section>` +
      calendar(r) +
      popular(r, [{ title: 'Syarat membuat surat pindah', days: 500 }]) +
      `<p>Jumlah pengunjung hari ini: 37</p>`;
    return { status: 200, headers: { 'content-type': 'text/html; charset=utf-8', 'last-modified': r.now.toUTCString() }, body: withFooter(page({ title: `Kelurahan ${r.name}`, body }), r) };
  }
  const id = Number(/id=(\d+)/.exec(r.path)?.[1]);
  const n = news.find((x) => x.days === id);
  return n ? html(page({ title: n.title, body: `<article><h2>${n.title}</h2><p>Diposting ${tanggal(ago(r, n.days))}</p><p>Warga kelurahan mengikuti kegiatan bersama aparatur dan kader kesehatan di balai kelurahan.</p></article>` })) : notFound();
}

/**
 * A stale WordPress whose sidebar has an "Agenda" of coming events: a date in the future on the
 * page is an event, not a post written with a wrong date.
 */
const staleWithAgenda = () =>
  wordpress({
  rest: true,
  posts: (now) => [post(now, 31, 50, 'Penilaian lomba kebersihan lingkungan'), post(now, 30, 75, 'Peringatan HUT Kemerdekaan')],
  homeExtra: () => '<aside class="agenda"><h3>Agenda Kegiatan</h3><ul><li>Posyandu balita — Senin, 7 Desember 2026</li><li>Musrenbang kelurahan — 15/01/2027</li></ul></aside>',
});

/** Joomla: feed behind index.php?format=feed, linked from the head. */
function joomla(r: FleetRequest): FixtureResponse {
  const posts = [post(r.now, 201, 2, 'Pelatihan UMKM bagi ibu-ibu PKK'), post(r.now, 200, 11, 'Pembersihan drainase di RW 07')];
  const link = (p: FixturePost) => `${r.origin}/index.php/berita/${p.id}-${p.slug}`;
  if (r.path === '/' || r.path === '/index.php') {
    return html(page({ title: `Kelurahan ${r.name}`, head: `<meta name="generator" content="Joomla! - Open Source Content Management"><link href="/index.php?format=feed&amp;type=rss" rel="alternate" type="application/rss+xml" title="RSS 2.0">`, body: posts.map((p) => `<div class="item"><h2 itemprop="name"><a href="${link(p)}">${p.title}</a></h2></div>`).join('') }));
  }
  if (r.path.startsWith('/index.php?format=feed')) return xml(rss(r.origin, `Kelurahan ${r.name}`, posts, { dated: true, path: link }));
  return notFound();
}

/** An Angular build: an empty <app-root> and bundles; nothing to read without running scripts. */
const angular = (): FixtureResponse =>
  html('<!doctype html><html lang="id"><head><meta charset="utf-8"><title>Kelurahan</title><base href="/"><link rel="stylesheet" href="styles.3f2a1c.css"></head><body><app-root></app-root><noscript>Please enable JavaScript to continue using this application.</noscript><script src="runtime.8d1f.js" type="module"></script><script src="polyfills.a2c4.js" type="module"></script><script src="main.77e1b0.js" type="module"></script></body></html>');

/** "Under construction", with a link to the unit's Facebook page: the website itself says nothing new. */
const facebookOnly = (r: FleetRequest): FixtureResponse =>
  r.path === '/'
    ? html(withFooter(page({ title: `Kelurahan ${r.name}`, body: '<h2>Website sedang dalam pengembangan</h2><p>Untuk informasi terbaru kegiatan kelurahan, silakan kunjungi halaman Facebook kami.</p><p><a href="https://www.facebook.com/kelurahan.contoh">facebook.com/kelurahan.contoh</a></p>' }), r))
    : notFound();

/** Fresh posts, and a footer carrying dozens of hidden gambling links (font-size:0, display:none). */
const footerSpam = () => {
  const wp = wordpress({ rest: true, posts: freshPosts });
  const links = Array.from({ length: 24 }, (_, i) => `<a href="https://rtp-gacor${i}.example/">${['slot gacor', 'situs toto', 'link slot', 'slot thailand'][i % 4]}</a>`).join(' ');
  return (r: FleetRequest, s: Parameters<typeof wp>[1]): FixtureResponse => {
    const res = wp(r, s);
    if (r.path !== '/' || !('body' in res) || !res.body) return res;
    return { ...res, body: res.body.replace('</footer>', `<div class="footer-links" style="font-size:0;line-height:0"><span style="display:none">${links}</span></div></footer>`) };
  };
};

/** Fresh posts, a clean visible page — and gambling words planted in the <head>'s meta tags. */
const headSpam = () => {
  const wp = wordpress({ rest: true, posts: freshPosts });
  return (r: FleetRequest, s: Parameters<typeof wp>[1]): FixtureResponse => {
    const res = wp(r, s);
    if (r.path !== '/' || !('body' in res) || !res.body) return res;
    const meta = '<meta name="description" content="SLOT GACOR hari ini maxwin, situs slot online terpercaya, link slot gacor RTP live tertinggi"><meta name="keywords" content="slot gacor, slot88, togel online, situs toto">';
    return { ...res, body: res.body.replace('</head>', `${meta}</head>`) };
  };
};

/** An expired domain: the registrar's own page, in Indonesian. */
const expiredDomain = (r: FleetRequest): FixtureResponse =>
  r.path === '/'
    ? html(`<!doctype html><html lang="id"><head><title>${r.name}.test — Domain Kedaluwarsa</title></head><body><h1>Domain ini telah kedaluwarsa</h1><p>Domain ${r.name}.test telah melewati masa aktif. Jika Anda pemilik domain ini, segera perpanjang melalui panel klien.</p><p><a href="https://registrar.example/renew">Perpanjang sekarang</a></p></body></html>`)
    : notFound();

/** An honest post against gambling, naming the games it warns about: not a hijack. */
const antiGambling = () =>
  wordpress({
  rest: true,
  posts: (now) => [
    { ...post(now, 41, 1, 'Sosialisasi bahaya judi online bersama Polsek'), body: 'Kapolsek mengimbau warga menjauhi judi online, slot dan togel. Warga yang kecanduan judi slot dapat berkonsultasi ke puskesmas. Satgas pemberantasan judi online membuka layanan pengaduan.' },
    post(now, 40, 6, 'Kerja bakti membersihkan selokan'),
  ],
});

/** ModSecurity on shared hosting refuses unknown clients with 406: the site is up for people. */
const modSecurity = (): FixtureResponse => html('<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN"><html><head><title>406 Not Acceptable</title></head><body><h1>Not Acceptable!</h1><p>An appropriate representation of the requested resource could not be found on this server. This error was generated by Mod_Security.</p></body></html>', 406);

/** A news theme that prints only "2 hari yang lalu", on the list and on the article. */
function relativeDates(r: FleetRequest): FixtureResponse {
  const items = [{ id: 1, title: 'Pemeriksaan kesehatan gratis untuk lansia', days: 2 }, { id: 2, title: 'Penanaman pohon di bantaran sungai', days: 12 }];
  const rel = (d: number) => (d < 7 ? `${d} hari yang lalu` : `${Math.floor(d / 7)} minggu yang lalu`);
  if (r.path === '/') return html(page({ title: `Kelurahan ${r.name}`, body: `<section class="latest">${items.map((i) => `<article><h3><a href="/read/${i.id}">${i.title}</a></h3><span class="time-ago">${rel(i.days)}</span></article>`).join('')}</section>` }));
  const i = items.find((x) => r.path === `/read/${x.id}`);
  return i ? html(page({ title: i.title, body: `<article><h1>${i.title}</h1><div class="meta">Admin · ${rel(i.days)}</div><p>Puskesmas dan kader posyandu melayani pemeriksaan tekanan darah dan gula darah bagi warga lanjut usia di balai kelurahan.</p></article>` })) : notFound();
}

/** A WordPress in English locale with the REST API and feeds switched off by a security plugin. */
function englishDates(r: FleetRequest): FixtureResponse {
  const posts = [post(r.now, 61, 1, 'Rapat koordinasi penanganan banjir'), post(r.now, 60, 16, 'Pelantikan ketua RT baru')];
  const en = (d: Date) => `${['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][wib(d).getUTCMonth()]} ${wib(d).getUTCDate()}, ${wib(d).getUTCFullYear()}`;
  if (r.path === '/') return html(page({ title: `Kelurahan ${r.name}`, head: '<meta name="generator" content="WordPress 6.6.2">', body: posts.map((p) => `<article class="post"><h2 class="entry-title"><a href="/${p.slug}/">${p.title}</a></h2><span class="posted-on">Posted on ${en(p.date)}</span></article>`).join('') }));
  if (r.path.startsWith('/wp-json/')) return { status: 401, headers: { 'content-type': 'application/json' }, body: '{"code":"rest_login_required"}' };
  const p = posts.find((x) => r.path === `/${x.slug}/`);
  return p ? html(page({ title: p.title, body: `<article><h1>${p.title}</h1><span class="posted-on">Posted on ${en(p.date)} by admin</span><p>Lurah memimpin rapat bersama ketua RT dan RW membahas kesiapan menghadapi musim hujan.</p></article>` })) : notFound();
}

/** A heavy home page (images inlined, several MB) on a WordPress whose REST API is fresh. */
function heavyHome() {
  const wp = wordpress({ rest: true, posts: freshPosts });
  return (r: FleetRequest, s: Parameters<typeof wp>[1]): FixtureResponse => {
    const res = wp(r, s);
    if (r.path !== '/' || !('body' in res) || !res.body) return res;
    return { ...res, body: res.body.replace('</main>', `<img src="data:image/jpeg;base64,${'A'.repeat(3 * 1024 * 1024)}"></main>`) };
  };
}

/** The home page only sends visitors on to /web/ with a meta refresh; the WordPress lives there. */
function metaRefreshInside() {
  const wp = wordpress({ rest: false, posts: freshPosts });
  return (r: FleetRequest, s: Parameters<typeof wp>[1]): FixtureResponse => {
    if (r.path === '/') return html(`<!doctype html><html><head><meta http-equiv="refresh" content="0; url=/web/"><title>Kelurahan ${r.name}</title></head><body>Mengalihkan…</body></html>`);
    if (!r.path.startsWith('/web/')) return notFound();
    const inner = wp({ ...r, path: r.path.slice(4) || '/', origin: `${r.origin}/web` }, s);
    return inner;
  };
}

/** An intro page ("Masuk ke situs") in front of a custom CMS whose news page prints dates. */
function splash(r: FleetRequest): FixtureResponse {
  const items = [{ title: 'Pembagian kartu BPJS kesehatan', days: 1 }, { title: 'Lomba kampung bersih', days: 19 }];
  if (r.path === '/') return html(`<!doctype html><html lang="id"><head><title>Selamat Datang — Kelurahan ${r.name}</title></head><body><div class="intro"><img src="/logo.png" alt="Logo"><h1>Selamat Datang</h1><a class="btn" href="/home">Masuk ke Situs</a></div></body></html>`);
  if (r.path === '/home') return html(page({ title: `Kelurahan ${r.name}`, body: `<h2>Kabar Kelurahan</h2>${items.map((i, n) => `<div class="news"><a href="/kabar/${n}">${i.title}</a> — <em>${tanggal(ago(r, i.days))}</em></div>`).join('')}` }));
  const n = Number(/^\/kabar\/(\d+)$/.exec(r.path)?.[1] ?? NaN);
  const i = items[n];
  return i ? html(page({ title: i.title, body: `<article><h1>${i.title}</h1><p>${tanggal(ago(r, i.days))}</p><p>Petugas kelurahan membagikan kartu kepada warga penerima bantuan iuran.</p></article>` })) : notFound();
}

/** An old post edited this week: its modified date is new, its publication date is not. */
function editedOld() {
  const wp = wordpress({ rest: true, posts: (now) => [post(now, 71, 45, 'Jadwal pelayanan administrasi kependudukan'), post(now, 70, 90, 'Struktur organisasi kelurahan')] });
  return (r: FleetRequest, s: Parameters<typeof wp>[1]): FixtureResponse => {
    const res = wp(r, s);
    if (!r.path.startsWith('/wp-json/') || !('body' in res) || !res.body) return res;
    const rows = JSON.parse(res.body) as { modified_gmt: string }[];
    rows[0]!.modified_gmt = new Date(r.now.getTime() - DAY).toISOString().slice(0, 19);
    return { ...res, body: JSON.stringify(rows) };
  };
}

/** A white page: 200 and nothing in it (a PHP fatal error with display_errors off). */
const blank = (): FixtureResponse => ({ status: 200, headers: { 'content-type': 'text/html; charset=UTF-8' }, body: '' });

/** WordPress whose database is down, answered with 200 by a caching layer. */
const dbError = (): FixtureResponse => html('<!DOCTYPE html><html><head><title>Database Error</title></head><body id="error-page"><div class="wp-die-message"><h1>Error establishing a database connection</h1></div></body></html>');

/** A decompression bomb: 40 KB on the wire, 40 MB once inflated, sent as an ordinary gzip page. */
let bomb: Buffer | null = null;
function gzipBomb(res: import('node:http').ServerResponse): void {
  // Forty gzip members of 1 MB of spaces each (a gzip stream may hold several): cheap to build.
  bomb ??= Buffer.concat([gzipSync('<!doctype html><html><head><title>Kelurahan</title></head><body>'), ...Array<Buffer>(40).fill(gzipSync(Buffer.alloc(1024 * 1024, 0x20)))]);
  res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip', 'content-length': String(bomb.length) });
  res.end(bomb);
}

/** A hijack that frames a gambling site over the whole page: visitors see only that site. */
const framed = (r: FleetRequest): FixtureResponse =>
  r.path === '/' ? html('<!doctype html><html><head><title>Kelurahan</title></head><body style="margin:0"><iframe src="https://slot88-resmi.example/" style="width:100%;height:100vh;border:0"></iframe></body></html>') : notFound();

/** The home page sends visitors to a spam directory on the site itself. */
const insideSpam = (r: FleetRequest): FixtureResponse =>
  r.path === '/'
    ? { status: 302, headers: { location: '/slot-gacor-maxwin/' } }
    : r.path === '/slot-gacor-maxwin/'
      ? html(page({ title: 'SLOT GACOR MAXWIN — Daftar Situs Slot Online', body: '<p>Daftar situs slot gacor hari ini, bocoran RTP live.</p>' }))
      : notFound();

/** A clean-looking WordPress whose injected script sends visitors to a gambling site. */
const scriptRedirect = () =>
  wordpress({ rest: true, posts: freshPosts, homeExtra: () => '<script>if(document.referrer.indexOf("google")>-1||true){window.location.href="https://gacor-maxwin88.example/daftar";}</script>' });

/** A security plugin answers the REST API with an HTML page (200): the feed still tells. */
function restAsHtml() {
  const wp = wordpress({ rest: true, posts: freshPosts });
  return (r: FleetRequest, s: Parameters<typeof wp>[1]): FixtureResponse =>
    r.path.startsWith('/wp-json/') ? html(page({ title: 'Akses ditolak', body: '<p>REST API dinonaktifkan oleh administrator.</p>' })) : wp(r, s);
}

export function variedFixtures(): FixtureSite[] {
  return [
    { name: 'blogspot-populer', scheme: 'http', group: 'Blogger with popular posts', handle: bloggerTheme((r) => [post(r.now, 3, 2, 'Pembagian sembako bagi warga kurang mampu'), post(r.now, 2, 20, 'Lomba tujuh belasan tingkat RT')]), expected: { verdict: 'PASS', codes: ['content_ok'] } },
    { name: 'blogspot-basi', scheme: 'http', group: 'Blogger with popular posts', handle: bloggerTheme((r) => [post(r.now, 2, 80, 'Lomba tujuh belasan tingkat RT'), post(r.now, 1, 140, 'Sosialisasi PBB')]), expected: { verdict: 'FAIL', codes: ['no_content_in_period'] } },
    { name: 'statis-kalender', scheme: 'http', group: 'calendar, today, © this year', handle: staticCalendar, expected: { verdict: 'FAIL', codes: ['no_content_in_period'] } },
    { name: 'agenda', scheme: 'http', group: 'agenda of future events', handle: staleWithAgenda(), expected: { verdict: 'FAIL', codes: ['no_content_in_period'] } },
    { name: 'joomla', scheme: 'http', group: 'Joomla feed', handle: joomla, expected: { verdict: 'PASS', codes: ['content_ok'] } },
    { name: 'angular', scheme: 'http', group: 'script-only page', handle: angular, expected: { verdict: 'UNKNOWN', codes: ['script_only'] } },
    { name: 'hanya-facebook', scheme: 'http', group: 'Facebook-only unit', handle: facebookOnly, expected: { verdict: 'FAIL', codes: ['no_content_in_period'] } },
    { name: 'judi-footer', scheme: 'http', group: 'gambling hidden in the footer', handle: footerSpam(), expected: { verdict: 'COMPROMISED', codes: ['spam_in_hidden_links'] } },
    { name: 'judi-head', scheme: 'http', group: 'gambling in the <head>', handle: headSpam(), expected: { verdict: 'COMPROMISED', codes: ['spam_in_home_title'] } },
    { name: 'domain-habis', scheme: 'http', group: 'expired domain', domainExpiresInDays: -12, handle: expiredDomain, expected: { verdict: 'FAIL', codes: ['domain_expired'] } },
    { name: 'modsecurity', scheme: 'http', group: 'firewall refuses the monitor', handle: modSecurity, expected: { verdict: 'UNKNOWN', codes: ['site_blocked'] } },
    { name: 'waktu-relatif', scheme: 'http', group: '"2 hari yang lalu" only', handle: relativeDates, expected: { verdict: 'PASS', codes: ['content_ok'] } },
    { name: 'wp-inggris', scheme: 'http', group: 'English dates, REST off', handle: englishDates, expected: { verdict: 'PASS', codes: ['content_ok'] } },
    { name: 'berat-rest', scheme: 'http', group: 'heavy home page, fresh REST', handle: heavyHome(), expected: { verdict: 'PASS', codes: ['content_ok'] } },
    { name: 'refresh-dalam', scheme: 'http', group: 'meta refresh inside the site', handle: metaRefreshInside(), expected: { verdict: 'PASS', codes: ['content_ok'] } },
    { name: 'pembuka', scheme: 'http', group: 'intro page before the site', handle: splash, expected: { verdict: 'PASS', codes: ['content_ok'] } },
    { name: 'sunting-lama', scheme: 'http', group: 'old post edited this week', handle: editedOld(), expected: { verdict: 'FAIL', codes: ['no_content_in_period'] } },
    { name: 'layar-putih', scheme: 'http', group: 'blank page', handle: blank, expected: { verdict: 'FAIL', codes: ['blank_page'] } },
    { name: 'db-error', scheme: 'http', group: 'database error page', handle: dbError, expected: { verdict: 'FAIL', codes: ['error_page'] } },
    { name: 'bom-gzip', scheme: 'http', group: 'decompression bomb', handle: () => ({ stream: gzipBomb }), expected: { verdict: 'UNKNOWN', codes: ['site_too_large'] } },
    { name: 'bingkai-judi', scheme: 'http', group: 'gambling site framed whole', handle: framed, expected: { verdict: 'COMPROMISED', codes: ['spam_in_outbound_links'] } },
    { name: 'alih-dalam-judi', scheme: 'http', group: 'redirect into a spam directory', handle: insideSpam, expected: { verdict: 'COMPROMISED', codes: ['spam_in_home_title'] } },
    { name: 'skrip-judi', scheme: 'http', group: 'script redirect to gambling', handle: scriptRedirect(), expected: { verdict: 'COMPROMISED', codes: ['redirect_to_gambling'] } },
    { name: 'rest-html', scheme: 'http', group: 'REST API answered with HTML', handle: restAsHtml(), expected: { verdict: 'PASS', codes: ['content_ok'] } },
    { name: 'anti-judi', scheme: 'http', group: 'anti-gambling notice', handle: antiGambling(), expected: { verdict: 'PASS', codes: ['content_ok'] } },
  ];
}
