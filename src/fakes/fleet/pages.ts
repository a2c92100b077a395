// Markup the fixture sites serve, modelled on what WordPress, OpenSID and hand-made kelurahan
// sites really send (link tags, feed shapes, sitemap shapes), kept deliberately small.

export interface FixturePost {
  id: number;
  slug: string;
  title: string;
  /** Publication instant. */
  date: Date;
  /** Article text; a generic sentence when absent. */
  body?: string;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const BULAN = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
const HARI = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'];

/** "Selasa, 24 November 2026" in WIB, as Indonesian themes print it. */
export function tanggal(d: Date): string {
  const w = new Date(d.getTime() + 7 * 3600_000);
  return `${HARI[w.getUTCDay()]}, ${w.getUTCDate()} ${BULAN[w.getUTCMonth()]} ${w.getUTCFullYear()}`;
}

export const gmt = (d: Date) => d.toISOString().slice(0, 19);

export function page(opts: { title: string; head?: string; body: string; headerDate?: Date }): string {
  return `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>${esc(opts.title)}</title>${opts.head ?? ''}</head>
<body><header><h1>${esc(opts.title)}</h1>${opts.headerDate ? `<div class="tanggal-hari-ini">${tanggal(opts.headerDate)}</div>` : ''}
<nav><a href="/">Beranda</a> <a href="/profil">Profil</a> <a href="/berita">Berita</a> <a href="/kontak">Kontak</a></nav></header>
<main>${opts.body}</main><footer>Kelurahan — Pemerintah Kota Pangkalpinang</footer></body></html>`;
}

export function wpHome(origin: string, name: string, posts: FixturePost[], opts: { rest: boolean }): string {
  const head =
    (opts.rest ? `<link rel="https://api.w.org/" href="${origin}/wp-json/">` : '') +
    `<link rel="alternate" type="application/rss+xml" title="${esc(name)} &raquo; Feed" href="${origin}/feed/">` +
    `<link rel="alternate" type="application/rss+xml" title="${esc(name)} &raquo; Comments Feed" href="${origin}/comments/feed/">` +
    `<link rel="stylesheet" href="${origin}/wp-content/themes/twentytwentyfour/style.css">`;
  const body = posts
    .map((p) => `<article class="post"><h2><a href="${origin}/${p.slug}/">${esc(p.title)}</a></h2><p>Kegiatan warga kelurahan bersama aparatur.</p></article>`)
    .join('\n');
  return page({ title: name, head, body });
}

export function wpRestPosts(origin: string, posts: FixturePost[]): string {
  return JSON.stringify(
    [...posts]
      .sort((a, b) => b.date.getTime() - a.date.getTime())
      .map((p) => ({
        id: p.id,
        date_gmt: gmt(p.date),
        modified_gmt: gmt(p.date),
        link: `${origin}/${p.slug}/`,
        title: { rendered: esc(p.title) },
        excerpt: { rendered: `<p>${esc(p.body ?? `Warga kelurahan bergotong royong bersama aparatur. ${p.title}.`)}</p>` },
        status: 'publish',
      })),
  );
}

export function rss(origin: string, title: string, posts: FixturePost[], opts: { dated: boolean; itemsOutsideChannel?: boolean; path?: (p: FixturePost) => string }): string {
  const link = opts.path ?? ((p: FixturePost) => `${origin}/${p.slug}/`);
  const items = posts
    .map(
      (p) =>
        `<item><title>${esc(p.title)}</title><link>${link(p)}</link>${opts.dated ? `<pubDate>${p.date.toUTCString().replace('GMT', '+0000')}</pubDate>` : ''}<description><![CDATA[${esc(p.body ?? `Warga bergotong royong bersama aparatur kelurahan. ${p.title}`)}]]></description></item>`,
    )
    .join('\n');
  // Old OpenSID (donjo-app/views/feed.php) closes the channel before the items.
  return opts.itemsOutsideChannel
    ? `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${esc(title)}</title><link>${origin}</link></channel>\n${items}\n</rss>`
    : `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${esc(title)}</title><link>${origin}</link>\n${items}\n</channel></rss>`;
}

export function sitemap(entries: { loc: string; lastmod?: Date | string }[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${entries
    .map((e) => `<url><loc>${esc(e.loc)}</loc>${e.lastmod ? `<lastmod>${typeof e.lastmod === 'string' ? e.lastmod : e.lastmod.toISOString()}</lastmod>` : ''}</url>`)
    .join('')}</urlset>`;
}
