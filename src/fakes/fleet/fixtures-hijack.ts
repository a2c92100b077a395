import { type FixtureResponse, type FixtureSite, type FleetRequest, freshPosts, html, notFound, post, wordpress } from './fixtures.js';
import { page } from './pages.js';

// Issue 15 §4–5 cases: where visitors are really sent (a gambling site, a parked domain, an
// ordinary other site), spam hidden where people do not look, and the honest page that only
// mentions "Bandar Udara" or warns against gambling — which must stay clean.

const to = (r: FleetRequest, host: string) => `http://${host}.test${r.origin.replace(/^https?:\/\/[^:/]+/, '')}/`;

const parkedPage = (r: FleetRequest): FixtureResponse =>
  html(`<!doctype html><html><head><title>${r.name}.test - domain dijual</title></head><body><h1>Domain ini dijual!</h1><p>Buy this domain. Make an offer today.</p><h2>Related searches</h2><ul><li>Pinjaman online</li><li>Hotel murah</li></ul></body></html>`);

const gamblingLanding = (r: FleetRequest): FixtureResponse =>
  r.path === '/' ? html(page({ title: 'SLOT88 RESMI — Daftar Slot Gacor Maxwin', body: '<p>Situs slot online terpercaya, deposit pulsa tanpa potongan, RTP live hari ini.</p>' })) : notFound();

export function hijackFixtures(): FixtureSite[] {
  const bandara = wordpress({
    rest: true,
    posts: freshPosts,
    homeExtra: () =>
      '<section class="info"><h2>Info transportasi</h2><p>Jadwal bus DAMRI dari Bandar Udara Depati Amir ke pusat kota, dan rute angkot ke Kecamatan Bandar. Bandara buka pukul 05.00 WIB.</p><p>Waspada judi online! Satgas mengimbau warga menjauhi judi online dan togel.</p></section>',
  });

  const hidden = wordpress({
    rest: true,
    posts: freshPosts,
    homeExtra: () =>
      '<div style="position:absolute;left:-9999px"><a href="https://gacor88.example/">slot gacor hari ini</a> <a href="https://maxwin-login.example/">situs slot maxwin</a> <a href="https://togel-resmi.example/">togel online</a></div>',
  });
  return [
    {
      name: 'alih-judi',
      scheme: 'http',
      group: 'redirect to gambling',
      handle: (r) => ({ status: 301, headers: { location: to(r, 'slot88-resmi') } }),
      expected: { verdict: 'COMPROMISED', codes: ['redirect_to_gambling'] },
    },
    { name: 'slot88-resmi', scheme: 'http', handle: gamblingLanding },
    {
      name: 'alih-parkir',
      scheme: 'http',
      group: 'redirect to parking',
      domainExpiresInDays: -10,
      handle: (r) => ({ status: 302, headers: { location: to(r, 'domain-dijual') } }),
      expected: { verdict: 'FAIL', codes: ['redirected_parked'] },
    },
    { name: 'domain-dijual', scheme: 'http', handle: parkedPage },
    {
      // A meta refresh written into a defaced home page, the way many injections redirect.
      name: 'alih-meta',
      scheme: 'http',
      group: 'redirect to gambling',
      handle: (r) => (r.path === '/' ? html(`<html><head><meta http-equiv="refresh" content="0;url=${to(r, 'slot88-resmi')}"><title>Kelurahan</title></head><body></body></html>`) : notFound()),
      expected: { verdict: 'COMPROMISED', codes: ['redirect_to_gambling'] },
    },
    {
      name: 'pindah',
      scheme: 'http',
      group: 'redirect elsewhere',
      handle: (r) => ({ status: 301, headers: { location: to(r, 'portal-kota') } }),
      expected: { verdict: 'FAIL', codes: ['redirected_offsite'] },
    },
    { name: 'portal-kota', scheme: 'http', handle: () => html(page({ title: 'Portal Pemerintah Kota', body: '<p>Selamat datang di portal resmi pemerintah kota.</p>' })) },
    { name: 'sisipan', scheme: 'http', group: 'hidden spam links', handle: hidden, expected: { verdict: 'COMPROMISED', codes: ['spam_in_hidden_links'] } },
    { name: 'bandara', scheme: 'http', group: '"Bandar Udara"', handle: bandara, expected: { verdict: 'PASS', codes: ['content_ok'] } },
    {
      // Spam posts published through a stolen admin account: they show in the feed and REST.
      name: 'posting-judi',
      scheme: 'http',
      group: 'spam posts',
      handle: wordpress({ rest: true, posts: (now) => [post(now, 90, 1, 'Slot Gacor Hari Ini Gampang Maxwin'), post(now, 89, 1, 'Link Alternatif Situs Toto Togel Resmi'), ...freshPosts(now)] }),
      expected: { verdict: 'COMPROMISED', codes: ['spam_in_feed'] },
    },
  ];
}
