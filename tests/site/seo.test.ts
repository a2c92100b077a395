import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { type Feed, buildAtom, buildRss, rfc3339, rfc822 } from '../../src/web/site/seo/feed.js';
import { eventLd, governmentOrganization, jakarta, jsonLdText, newsArticle } from '../../src/web/site/seo/json-ld.js';
import { buildRobots, buildSitemapIndex, buildUrlset } from '../../src/web/site/seo/sitemap.js';
import { portalLinks, slugFromHost, unitLinks } from '../../src/web/site/urls.js';

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });

const feed: Feed = {
  title: 'Kelurahan Bacang & "Sekitarnya"',
  description: 'Berita <resmi>',
  siteUrl: 'https://bacang.pangkalpinangkota.go.id/',
  rssUrl: 'https://bacang.pangkalpinangkota.go.id/feed.xml',
  atomUrl: 'https://bacang.pangkalpinangkota.go.id/atom.xml',
  id: 'https://bacang.pangkalpinangkota.go.id/',
  fallbackUpdated: new Date('2026-01-01T00:00:00Z'),
  items: [
    {
      id: 'a', title: 'Kerja bakti <RT 03> & RW 01', url: 'https://bacang.pangkalpinangkota.go.id/berita/kerja-bakti?x=1&y=2',
      summary: 'Ringkasan \u0001 dengan karakter kontrol', published: new Date('2026-03-05T02:30:00Z'), updated: new Date('2026-03-06T10:00:00.123Z'), author: 'Admin', category: 'berita',
    },
    {
      id: 'b', title: 'Pengumuman', url: 'https://bacang.pangkalpinangkota.go.id/pengumuman/p', summary: 's',
      published: new Date('2026-02-01T00:00:00Z'), updated: new Date('2026-02-01T00:00:00Z'), author: 'Admin',
    },
  ],
};

describe('feeds', () => {
  it('RSS 2.0 is well-formed with RFC-822 dates that parse back to the same instant', () => {
    const xml = buildRss(feed);
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = parser.parse(xml);
    const ch = doc.rss.channel;
    expect(doc.rss['@version']).toBe('2.0');
    expect(ch.title).toBe('Kelurahan Bacang & "Sekitarnya"');
    const item = ch.item[0];
    expect(item.pubDate).toBe('Thu, 05 Mar 2026 02:30:00 GMT');
    expect(item.pubDate).toMatch(/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/);
    expect(new Date(item.pubDate).toISOString()).toBe('2026-03-05T02:30:00.000Z');
    expect(ch.lastBuildDate).toBe(rfc822(new Date('2026-03-06T10:00:00.123Z')));
    expect(item.link).toBe('https://bacang.pangkalpinangkota.go.id/berita/kerja-bakti?x=1&y=2');
    expect(xml).not.toContain('\u0001');
  });

  it('Atom is well-formed with RFC-3339 dates and a self link', () => {
    const xml = buildAtom(feed);
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = parser.parse(xml).feed;
    expect(doc['@xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(doc.updated).toBe('2026-03-06T10:00:00Z');
    expect(doc.entry[0].published).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(doc.link.find((l: any) => l['@rel'] === 'self')['@href']).toBe(feed.atomUrl);
    expect(rfc3339(new Date('2026-01-02T03:04:05.678Z'))).toBe('2026-01-02T03:04:05Z');
  });

  it('an RSS description shows a plain-text summary as text: escaped once for HTML and once for XML (Atom once)', () => {
    const plain = 'Tarif <b>gratis</b> & cepat <script>alert(1)</script>';
    const one = { ...feed, items: [{ ...feed.items[1]!, summary: plain }] };
    const rss = buildRss(one);
    expect(XMLValidator.validate(rss)).toBe(true);
    // A feed reader decodes the XML, then renders the description as HTML: it must be HTML text.
    const description = new XMLParser({ processEntities: true, htmlEntities: false }).parse(rss).rss.channel.item.description as string;
    expect(description).toBe('Tarif &lt;b&gt;gratis&lt;/b&gt; &amp; cepat &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(description).not.toMatch(/<[a-z]/i);
    const htmlShown = description.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    expect(htmlShown).toBe(plain);
    // Atom's summary is text: escaped exactly once.
    expect(new XMLParser().parse(buildAtom(one)).feed.entry.summary).toBe(plain);
  });

  it('an empty feed is still valid and dated', () => {
    const xml = buildAtom({ ...feed, items: [] });
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(parser.parse(xml).feed.updated).toBe('2026-01-01T00:00:00Z');
    expect(XMLValidator.validate(buildRss({ ...feed, items: [] }))).toBe(true);
  });
});

describe('sitemaps and robots', () => {
  it('builds a valid index and urlset with escaped locations', () => {
    const idx = buildSitemapIndex([{ loc: 'https://x.go.id/sitemap-bacang.xml', lastmod: new Date('2026-03-01T23:00:00Z') }]);
    expect(XMLValidator.validate(idx)).toBe(true);
    expect(parser.parse(idx).sitemapindex.sitemap.lastmod).toBe('2026-03-01');
    const set = buildUrlset([{ loc: 'https://x.go.id/a?b=1&c=2' }, { loc: 'https://x.go.id/b' }]);
    expect(XMLValidator.validate(set)).toBe(true);
    expect(parser.parse(set).urlset.url[0].loc).toBe('https://x.go.id/a?b=1&c=2');
  });
  it('robots keeps staff pages out and points at the sitemap', () => {
    const r = buildRobots('https://x.go.id/sitemap.xml');
    expect(r).toContain('Disallow: /admin');
    expect(r).toContain('Sitemap: https://x.go.id/sitemap.xml');
  });
});

describe('canonical URLs', () => {
  it('path routing: links under /slug, canonical under PUBLIC_URL', () => {
    const l = unitLinks({ publicUrl: 'https://beranda.example.go.id', siteDomain: null }, 'bacang', 'path');
    expect(l.href('/berita')).toBe('/bacang/berita');
    expect(l.href('/')).toBe('/bacang/');
    expect(l.canonical('/berita/x')).toBe('https://beranda.example.go.id/bacang/berita/x');
  });
  it('with SITE_DOMAIN the canonical is the host name, whichever way the page was reached', () => {
    const cfg = { publicUrl: 'https://pangkalpinangkota.go.id', siteDomain: 'pangkalpinangkota.go.id' };
    const viaPath = unitLinks(cfg, 'bacang', 'path');
    const viaHost = unitLinks(cfg, 'bacang', 'host');
    expect(viaPath.canonical('/profil')).toBe('https://bacang.pangkalpinangkota.go.id/profil');
    expect(viaHost.canonical('/profil')).toBe(viaPath.canonical('/profil'));
    expect(viaHost.href('/profil')).toBe('/profil');
    expect(viaPath.href('/profil')).toBe('/bacang/profil');
    expect(portalLinks(cfg).canonical('/')).toBe('https://pangkalpinangkota.go.id/');
  });
  it('keeps the dev port when the public URL is under the site domain', () => {
    expect(unitLinks({ publicUrl: 'http://localhost:3000', siteDomain: 'localhost' }, 'bacang', 'host').canonical('/')).toBe('http://bacang.localhost:3000/');
  });
  it('reads the unit from the Host header', () => {
    expect(slugFromHost('bacang.pangkalpinangkota.go.id', 'pangkalpinangkota.go.id')).toBe('bacang');
    expect(slugFromHost('Bacang.Pangkalpinangkota.go.id:443', 'pangkalpinangkota.go.id')).toBe('bacang');
    expect(slugFromHost('pangkalpinangkota.go.id', 'pangkalpinangkota.go.id')).toBeNull();
    expect(slugFromHost('www.pangkalpinangkota.go.id', 'pangkalpinangkota.go.id')).toBeNull();
    expect(slugFromHost('bacang.evilpangkalpinangkota.go.id', 'pangkalpinangkota.go.id')).toBeNull();
    expect(slugFromHost('a.b.pangkalpinangkota.go.id', 'pangkalpinangkota.go.id')).toBeNull();
    expect(slugFromHost('bacang.pangkalpinangkota.go.id', null)).toBeNull();
  });
});

describe('JSON-LD', () => {
  it('describes the kelurahan, an article and an event', () => {
    const org = governmentOrganization({ name: 'Kelurahan Bacang', url: 'https://x/', address: 'Jl. A', telephone: '', parentName: 'Kecamatan Bukit Intan' });
    expect(org['@type']).toBe('GovernmentOrganization');
    expect(org).not.toHaveProperty('telephone');
    const art = newsArticle({ headline: 'H', url: 'u', description: 'd', published: new Date('2026-01-01T00:00:00Z'), modified: new Date('2026-01-02T00:00:00Z'), author: 'A', publisher: { name: 'P' } });
    expect(art.datePublished).toBe('2026-01-01T00:00:00.000Z');
    const ev = eventLd({ name: 'Posyandu', url: 'u', description: 'd', start: new Date('2026-01-01T01:00:00Z'), place: 'Balai RW 02', organizer: 'Kel', organizerUrl: 'u' });
    expect(ev.startDate).toBe('2026-01-01T08:00:00+07:00');
    expect(jakarta(new Date('2026-12-31T20:00:00Z'))).toBe('2027-01-01T03:00:00+07:00');
  });
  it('cannot be broken out of by a title containing </script>', () => {
    const text = jsonLdText({ headline: '</script><script>alert(1)</script>' });
    expect(text).not.toContain('</script>');
    expect(JSON.parse(text).headline).toBe('</script><script>alert(1)</script>');
  });
});
