import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fleetAccuracy, judgeFixture } from '../../src/fakes/fleet/judge.js';
import { startFleet, type Fleet } from '../../src/fakes/fleet/server.js';
import { DEFAULT_RULE } from '../../src/modules/compliance/rule.js';
import { evaluateUnit, type Verdict } from '../../src/modules/compliance/evaluate.js';
import { periodContaining } from '../../src/modules/compliance/period.js';
import { Fetcher } from '../../src/modules/monitoring/fetcher.js';
import { SITE_STATES, type Observation } from '../../src/modules/monitoring/observation.js';
import { InMemoryCrawlMemory } from '../../src/modules/monitoring/index.js';
import { FixedClock } from '../../src/shared/clock.js';
import { hasKey, t } from '../../src/i18n/index.js';

// Every case of issue 6 "Done when" and of the varied fleet (fixtures-varied.ts: Blogger, Joomla,
// static pages with calendars, firewalls, bombs, spam in footers and heads), crawled over
// loopback and judged by the real rule.

// Wednesday 25 November 2026, 10:00 WIB: the week is Mon 23 – Sun 29 November.
const clock = new FixedClock('2026-11-25T03:00:00Z');
let fleet: Fleet;
let fetcher: Fetcher;
const results = new Map<string, { verdict: Verdict; observations: Observation[] }>();

const judge = (name: string, memory = new InMemoryCrawlMemory()) => judgeFixture(fleet, fetcher, clock, name, { memory });

beforeAll(async () => {
  fleet = await startFleet({ now: () => clock.now() });
  fetcher = new Fetcher({
    contactUrl: 'https://beranda.example/bot',
    lookup: fleet.lookup,
    ca: fleet.caPem ?? undefined,
    clock,
    perHostIntervalMs: 0,
    totalTimeoutMs: 3_000,
  });
  for (const s of fleet.sites.filter((x) => x.expected)) results.set(s.name, await judge(s.name));
});
afterAll(() => fleet.close());

const codes = (v: Verdict) => v.reasons.map((r) => r.code);
const obs = <K extends Observation['kind']>(name: string, kind: K) =>
  results.get(name)!.observations.find((o) => o.kind === kind) as Extract<Observation, { kind: K }>;

describe('fixture fleet verdicts', () => {
  it('gives every fixture site its expected verdict and reasons', () => {
    const table = Object.fromEntries([...results].map(([n, r]) => [n, `${r.verdict.status} ${codes(r.verdict).join(',')}`]));
    const accuracy = fleetAccuracy(fleet, results);
    expect(accuracy.wrong, JSON.stringify(table, null, 1)).toEqual([]);
    expect(accuracy.hijackedPassed).toEqual([]);
    for (const s of fleet.sites.filter((x) => x.expected)) {
      const v = results.get(s.name)!.verdict;
      expect({ site: s.name, status: v.status }, JSON.stringify(table, null, 1)).toEqual({ site: s.name, status: s.expected!.verdict });
      for (const c of s.expected!.codes) expect(codes(v), `${s.name}: ${table[s.name]}`).toContain(c);
    }
  });

  it('every reason of every verdict has an Indonesian text with its placeholders filled', () => {
    for (const [, r] of results) {
      expect(hasKey(`monitoring.verdict.${r.verdict.status}`)).toBe(true);
      for (const reason of r.verdict.reasons) {
        expect(hasKey(`monitoring.reason.${reason.code}`), reason.code).toBe(true);
        expect(t(`monitoring.reason.${reason.code}`, reason.params ?? {})).not.toMatch(/\{\w+\}/);
      }
    }
  });

  it('fresh WordPress: dated by the REST API with high confidence, ignoring "Halo dunia!"', () => {
    const f = obs('wp-segar', 'freshness');
    expect(f.source).toBe('wp_rest');
    expect(f.confidence).toBe('high');
    expect(f.value.rejected).toContainEqual(expect.objectContaining({ title: 'Halo dunia!', reason: 'platform_default' }));
    expect(results.get('wp-segar')!.verdict.counted[0]!.url).toMatch(/kerja-bakti/);
  });

  it('REST API disabled: falls back to the autodiscovered feed, medium confidence', () => {
    const f = obs('wp-tanpa-rest', 'freshness');
    expect(f.value.sources.find((s) => s.source === 'wp_rest')!.outcome).toBe('http_401');
    expect(f.source).toBe('feed');
    expect(f.confidence).toBe('medium');
    expect(f.value.sources.find((s) => s.source === 'feed')!.outcome).toMatch(/^autodiscovered/);
  });

  it('stale site: FAIL names the date of the latest post', () => {
    const v = results.get('basi')!.verdict;
    const stale = v.reasons.find((r) => r.code === 'stale')!;
    expect(String(stale.params!.latest).slice(0, 10)).toBe('2026-09-26');
  });

  it('OpenSID: undated feed with items outside <channel>, dated from the article pages, not the header', () => {
    const f = obs('opensid', 'freshness');
    expect(f.value.platform).toBe('opensid');
    expect(f.value.sources.find((s) => s.source === 'feed')!.outcome).toMatch(/_3_undated$/);
    const newest = f.value.items.find((i) => /penyaluran-blt/.test(i.url))!;
    expect(newest.source).toBe('article_page_printed');
    // 24 Nov (the post), not 25 Nov (today's date printed in the page header).
    expect(newest.claimedAt).toBe('2026-11-23T17:00:00.000Z');
  });

  it('a sitemap stamping every entry with today is not evidence: UNKNOWN, asks for a link', () => {
    const v = results.get('sitemap-hari-ini')!.verdict;
    expect(v.askForLink).toBe(true);
    expect(obs('sitemap-hari-ini', 'freshness').value.state).toBe('stamped_only');
  });

  it('parked domain: phrases and the expired domain from RDAP are the evidence', () => {
    expect(obs('parkir', 'availability').evidence.facts.phrases).toContain('buy this domain');
    expect(obs('parkir', 'domain_expiry').value.state).toBe('expired');
    expect(codes(results.get('parkir')!.verdict)).toContain('domain_expired');
  });

  it('soft-404 home: "not found" wording and the same page as a certainly-missing path', () => {
    const a = obs('soft404', 'availability');
    expect(a.value.status).toBe(200);
    expect(a.evidence.facts.similarityToMissingPage).toBe(1);
  });

  it('gambling spam shown only to Googlebot is cloaking: COMPROMISED with an alert', () => {
    const v = results.get('cloaking')!.verdict;
    expect(v.alert).toBe(true);
    const i = obs('cloaking', 'integrity');
    expect(i.value.hits.map((h) => h.where)).toEqual(['home_as_googlebot']);
    expect(i.value.hits[0]!.spam).toContain('slot gacor');
  });

  it('openly hijacked: spam in the title, outbound links and the sitemap, with counts and example addresses', () => {
    const i = obs('dibajak', 'integrity');
    expect(i.value.hits.map((h) => h.where)).toEqual(expect.arrayContaining(['home_title', 'outbound_links', 'sitemap']));
    const sm = i.value.hits.find((h) => h.where === 'sitemap')!;
    expect(sm.count).toBe(200);
    expect(sm.examples).toHaveLength(3);
    const reason = results.get('dibajak')!.verdict.reasons.find((r) => r.code === 'spam_in_sitemap')!;
    expect(reason.params).toMatchObject({ count: 200 });
    expect(String(reason.params!.examples)).toMatch(/\/slot\/slot-gacor-maxwin-\d+/);
    expect(t('monitoring.reason.spam_in_sitemap', reason.params)).toMatch(/^200 alamat halaman judi ada di peta situs\. Contoh: http/);
  });

  it('down: declared only after a retry, with the connection error as evidence', () => {
    const a = obs('mati', 'availability');
    expect(a.value.attempts).toBe(2);
    expect(a.value.errorCode).toBe('ECONNREFUSED');
  });

  it('expired certificate: the TLS check reads the expiry date', () => {
    const t = obs('tls-kedaluwarsa', 'tls');
    expect(t.value.state).toBe('expired');
    expect(t.value.authorizationError).toBe('CERT_HAS_EXPIRED');
    expect(t.value.validTo).not.toBeNull();
  });

  it('off-site redirect: followed one hop to read where visitors land, and named', () => {
    const a = obs('pindah', 'availability');
    expect(a.value.finalHost).toBe('portal-kota.test');
    expect(a.value.redirects).toHaveLength(1);
    expect(a.value.landing).toMatchObject({ kind: 'other', title: 'Portal Pemerintah Kota' });
    expect(results.get('pindah')!.verdict.reasons[0]).toEqual({ code: 'redirected_offsite', params: { url: fleet.url('pindah'), to: a.value.landing!.url } });
  });
});

describe('backdating', () => {
  it('a post dated inside a past week but first seen after a later crawl counts from when it appeared', async () => {
    const memory = new InMemoryCrawlMemory();
    const week = periodContaining('week', clock.now());
    // Wed 10:00 WIB: baseline crawl, only an old post.
    const first = await judge('mundur', memory);
    expect(first.verdict.status).toBe('FAIL');
    clock.set('2026-11-29T03:00:00Z'); // Sun 10:00 WIB: still nothing new
    await judge('mundur', memory);
    // The post appears on Tue 1 Dec, claiming Tue 24 Nov 09:00 WIB.
    fleet.publish('mundur', { id: 99, slug: 'laporan-kegiatan', title: 'Laporan kegiatan minggu lalu', date: new Date('2026-11-24T02:00:00Z') });
    clock.set('2026-12-01T03:00:00Z');
    const later = await judge('mundur', memory);
    const item = (later.observations.find((o) => o.kind === 'freshness') as any).value.items.find((i: any) => /laporan-kegiatan/.test(i.url));
    expect(item.dating).toBe('backdated');
    expect(item.effectiveAt).toBe('2026-12-01T03:00:00.000Z');
    // Judged for the week it claims: still FAIL, and the backdating is named.
    const forClaimedWeek = evaluateUnit(
      {
        unitId: 'unit-mundur',
        rule: DEFAULT_RULE,
        period: week,
        presence: { berandaSite: false, externalSites: [fleet.url('mundur')], socialAccounts: [{ platform: 'facebook', handle: 'm' }] },
        profileCompleteness: 100,
        observations: [...first.observations, ...later.observations],
        exceptions: [],
      },
      clock,
    );
    expect(forClaimedWeek.status).toBe('FAIL');
    expect(codes(forClaimedWeek)).toContain('backdated_item');
    // It counts for the week it really appeared in.
    expect(later.verdict.status).toBe('PASS');
    clock.set('2026-11-25T03:00:00Z');
  });
});

describe('the varied fleet: what looks like news but is not, and where the news really is', () => {
  it("today's date in the header, a calendar, '© this year', a Last-Modified of now and old popular posts are not new posts", () => {
    const f = obs('statis-kalender', 'freshness');
    expect(f.value.sources.find((s) => s.source === 'last_modified')).toBeUndefined();
    expect(f.value.latestEffectiveAt! < '2026-09-15').toBe(true);
    expect(codes(results.get('blogspot-basi')!.verdict)).toContain('stale');
  });

  it('an agenda of coming events is not a post with a wrong date: nobody is asked to fix it', () => {
    expect(codes(results.get('agenda')!.verdict)).not.toContain('future_dated_item');
    expect(obs('agenda', 'freshness').value.rejected.filter((r) => r.reason === 'future_date')).toEqual([]);
  });

  it('an intro page in front of the site: the news behind "Masuk ke Situs" is read', () => {
    const f = obs('pembuka', 'freshness');
    expect(f.value.sources.find((s) => s.source === 'list_page')!.url).toMatch(/\/home$/);
  });

  it('a firewall answering the monitor with 406 is "we cannot tell", never "down"', () => {
    expect(obs('modsecurity', 'availability').value.state).toBe('blocked');
  });

  it('a blank page and a database error are named as such, with whom to ask — not "no content yet"', () => {
    expect(obs('layar-putih', 'availability').value.state).toBe('error_page');
    const db = results.get('db-error')!.verdict.reasons.find((x) => x.code === 'error_page')!;
    expect(t(`monitoring.reason.${db.code}`, db.params ?? {})).toMatch(/pesan galat server \("Error establishing a database connection"\).*basis data/);
    // Every state a site can be in has words on the unit page.
    for (const state of SITE_STATES) expect(hasKey(`dash.state.${state}`), state).toBe(true);
  });

  it('a gambling site framed over the whole page is a hijack, with the framed address as the example', () => {
    const i = obs('bingkai-judi', 'integrity');
    expect(i.value.state).toBe('compromised');
    expect(JSON.stringify(i.value.hits)).toContain('https://slot88-resmi.example/');
  });

  it('gambling words only in the <head> meta tags are a hijack, named as what Google shows', () => {
    const r = results.get('judi-head')!.verdict.reasons.find((x) => x.code === 'spam_in_home_title')!;
    expect(t(`monitoring.reason.${r.code}`, r.params ?? {})).toMatch(/hasil pencarian Google/);
  });
});

describe('unexpected new sitemap sections', () => {
  it('a section of many new pages that appears between crawls is flagged, not ignored and not fatal', async () => {
    const memory = new InMemoryCrawlMemory();
    const first = await judge('sitemap-baru', memory);
    expect((first.observations.find((o) => o.kind === 'integrity') as any).value.state).toBe('clean');
    fleet.publish('sitemap-baru', { id: 1, slug: 'x', title: 'x', date: clock.now() });
    clock.advance(6 * 3600_000);
    const second = await judge('sitemap-baru', memory);
    const integrity = second.observations.find((o) => o.kind === 'integrity') as any;
    expect(integrity.value.state).toBe('suspicious');
    expect(integrity.value.newSitemapSections).toEqual(['promo']);
    expect(second.verdict.status).not.toBe('COMPROMISED');
    expect(second.verdict.reasons).toContainEqual({ code: 'new_sitemap_sections', params: { sections: 'promo' } });
    // Still flagged on the next crawl until someone looks at it.
    clock.advance(6 * 3600_000);
    const third = await judge('sitemap-baru', memory);
    expect((third.observations.find((o) => o.kind === 'integrity') as any).value.newSitemapSections).toEqual(['promo']);
    clock.set('2026-11-25T03:00:00Z');
  });
});
