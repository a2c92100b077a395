import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { judgeFixture } from '../../src/fakes/fleet/judge.js';
import { startFleet, type Fleet } from '../../src/fakes/fleet/server.js';
import type { Verdict } from '../../src/modules/compliance/evaluate.js';
import { reasonText } from '../../src/i18n/monitoring-reasons.js';
import { Fetcher } from '../../src/modules/monitoring/fetcher.js';
import type { Observation } from '../../src/modules/monitoring/observation.js';
import { FixedClock } from '../../src/shared/clock.js';

// Issue 15's groups on the fixture fleet, one assertion set per group: not only the verdict
// (fleet.test.ts checks every site's verdict and reason codes) but where the evidence came from,
// what was ignored and why, and that the Indonesian reason a person reads says the right thing.

const clock = new FixedClock('2026-11-25T03:00:00Z'); // Wed 10:00 WIB, week 23–29 November
let fleet: Fleet;
let fetcher: Fetcher;
const runs = new Map<string, { verdict: Verdict; observations: Observation[] }>();

const judge = (name: string) => judgeFixture(fleet, fetcher, clock, name, { maxRetryAfterMs: 2_000 });

const NAMES = ['artikel-tanggal', 'daftar-berita', 'feed-basi', 'sibuk', 'spa', 'tantangan', 'raksasa', 'tes-coba', 'laman-contoh', 'opensid-bawaan', 'ulang', 'masa-depan', 'alih-judi', 'alih-parkir', 'alih-meta', 'bandara', 'sisipan', 'posting-judi', 'tls-sendiri', 'tls-nama-lain', 'tls-hampir', 'lambat', 'putar'];

beforeAll(async () => {
  fleet = await startFleet({ now: () => clock.now() });
  fetcher = new Fetcher({ contactUrl: 'https://beranda.example/bot', lookup: fleet.lookup, ca: fleet.caPem ?? undefined, clock, perHostIntervalMs: 0, totalTimeoutMs: 2_000 });
  for (const n of NAMES) runs.set(n, await judge(n));
}, 120_000);
afterAll(() => fleet.close());

const of = <K extends Observation['kind']>(name: string, kind: K) => runs.get(name)!.observations.find((o) => o.kind === kind) as Extract<Observation, { kind: K }>;
const texts = (name: string) => runs.get(name)!.verdict.reasons.map(reasonText);

describe('deeper freshness evidence', () => {
  it('reads dates from the article pages themselves: JSON-LD @graph (with a trailing comma), Open Graph, <time>, a printed date', () => {
    const f = of('artikel-tanggal', 'freshness');
    const by = new Map(f.value.items.map((i) => [i.title, i]));
    expect(by.get('Penyaluran bantuan pangan untuk warga lansia')!.source).toBe('article_page_json_ld');
    expect(f.value.sources.find((s) => s.source === 'article_page')!.outcome).toBe('dated_3_of_3');
    expect(runs.get('artikel-tanggal')!.verdict.counted[0]!.title).toBe('Penyaluran bantuan pangan untuk warga lansia');
  });

  it('reads "Senin, 23 November 2026", "13 Nov 2026" and "05/11/2026" beside each title on /berita, not the header date', () => {
    const f = of('daftar-berita', 'freshness');
    expect(f.value.sources.find((s) => s.source === 'list_page')!.url).toMatch(/\/berita$/);
    const items = new Map(f.value.items.map((i) => [i.title, i]));
    expect(items.get('Sosialisasi pencegahan demam berdarah')).toMatchObject({ source: 'list_page_printed', claimedAt: '2026-11-22T17:00:00.000Z' });
    expect(items.get('Pembagian bibit tanaman untuk pekarangan warga')!.claimedAt).toBe('2026-11-12T17:00:00.000Z');
    expect(items.get('Jadwal posyandu lansia bulan depan')!.claimedAt).toBe('2026-11-04T17:00:00.000Z');
  });

  it('a stale cached feed does not hide the newer post the home page shows: the newest trustworthy date wins', () => {
    const f = of('feed-basi', 'freshness');
    expect(f.value.sources.find((s) => s.source === 'feed')!.outcome).toBe('autodiscovered_2_entries_0_undated');
    expect(f.value.items[0]).toMatchObject({ title: 'Musyawarah perencanaan pembangunan kelurahan', source: 'article_page_meta' });
    expect(runs.get('feed-basi')!.verdict.status).toBe('PASS');
  });

  it('a 429 with Retry-After is waited for, then the site is read', () => {
    expect(of('sibuk', 'availability').value.state).toBe('up');
    expect(of('sibuk', 'freshness').value.state).toBe('ok');
  });

  it('a script-only shell, a bot challenge and an oversize page are "we cannot tell", never "cannot be opened"', () => {
    expect(of('spa', 'availability').value.state).toBe('script_only');
    expect(of('tantangan', 'availability').value.state).toBe('bot_challenge');
    expect(of('raksasa', 'availability').value.state).toBe('too_large');
    for (const n of ['spa', 'tantangan', 'raksasa']) {
      expect(runs.get(n)!.verdict.status).toBe('UNKNOWN');
      expect(texts(n).join(' ')).not.toMatch(/tidak dapat dibuka/);
      expect(texts(n).join(' ')).toMatch(/kirimkan tautan postingan/);
    }
    expect(texts('tantangan')[0]).toMatch(/dapat dibuka di browser/);
    expect(texts('raksasa')[0]).toMatch(/dapat dibuka, tetapi halamannya terlalu berat/);
  });
});

describe('activity that does not count', () => {
  it('"tes", "Coba posting" and lorem ipsum are ignored, each with why, and named in the verdict', () => {
    const rejected = of('tes-coba', 'freshness').value.rejected;
    expect(rejected.filter((r) => r.reason === 'trivial').map((r) => r.title).sort()).toEqual(['Coba posting', 'tes']);
    expect(rejected.find((r) => r.reason === 'placeholder')).toMatchObject({ title: 'Kegiatan warga', detail: 'lorem ipsum' });
    // Only what would have counted this week is named in the verdict (lorem ipsum was last week's).
    expect(texts('tes-coba').join(' ')).toMatch(/2 tulisan tidak dihitung karena hanya uji coba, teks contoh, atau tulisan bawaan: "tes", "Coba posting"\./);
  });

  it('WordPress (id_ID) and OpenSID defaults are ignored as platform defaults', () => {
    expect(of('laman-contoh', 'freshness').value.rejected.map((r) => `${r.title}:${r.reason}`).sort()).toEqual(['Halo dunia!:platform_default', 'Laman Contoh:platform_default']);
    expect(of('opensid-bawaan', 'freshness').value.state).toBe('default_only');
  });

  it('a re-post of an older article keeps the older copy: the new address does not count', () => {
    const r = of('ulang', 'freshness').value.rejected.find((x) => x.reason === 'repost')!;
    expect(r.url).toMatch(/menjahit-gratis-2\/$/);
    expect(r.detail).toMatch(/pembukaan-pendaftaran-pelatihan-menjahit-gratis\/ 2026-10-16/);
  });

  it('a post dated in the future is not counted and the unit is asked to fix the date', () => {
    const reason = runs.get('masa-depan')!.verdict.reasons.find((x) => x.code === 'future_dated_item')!;
    expect(reasonText(reason)).toMatch(/^Postingan "Pengumuman jadwal pelayanan akhir tahun" bertanggal di masa depan \(4 Januari 2027\) sehingga tidak dihitung\. Perbaiki tanggalnya: http/);
  });
});

describe('hijacks and where visitors are sent', () => {
  it('a redirect to a gambling site is COMPROMISED with where it leads; a meta refresh too', () => {
    for (const n of ['alih-judi', 'alih-meta']) {
      const v = runs.get(n)!.verdict;
      expect(v.status).toBe('COMPROMISED');
      expect(v.alert).toBe(true);
      expect(of(n, 'availability').value.landing).toMatchObject({ kind: 'gambling', title: 'SLOT88 RESMI — Daftar Slot Gacor Maxwin' });
      expect(of(n, 'integrity').value.redirectTo).toMatch(/^http:\/\/slot88-resmi\.test:\d+\/$/);
      expect(texts(n)[1]).toMatch(/langsung dialihkan ke situs judi online: http:\/\/slot88-resmi\.test/);
    }
  });

  it('a redirect to a parked domain is its own failure, naming the parking page', () => {
    expect(of('alih-parkir', 'availability').value.landing).toMatchObject({ kind: 'parked' });
    expect(texts('alih-parkir')[0]).toMatch(/halaman domain yang diparkir atau dijual.*hubungi Diskominfo/);
  });

  it('hidden links and spam posts are counted with example addresses', () => {
    const hidden = of('sisipan', 'integrity').value.hits.find((h) => h.where === 'hidden_links')!;
    expect(hidden.count).toBe(3);
    expect(hidden.examples).toEqual(['https://gacor88.example/', 'https://maxwin-login.example/', 'https://togel-resmi.example/']);
    const feed = of('posting-judi', 'integrity').value.hits.find((h) => h.where === 'feed')!;
    expect(feed.count).toBe(2);
  });

  it('"Bandar Udara", "Kecamatan Bandar" and an anti-gambling notice raise nothing', () => {
    const i = of('bandara', 'integrity');
    expect(i.value.state).toBe('clean');
    expect(runs.get('bandara')!.verdict.reasons.map((r) => r.code)).toEqual(['content_ok']);
  });
});

describe('availability reasons say what to do', () => {
  it('each certificate problem names its own fix; expiring soon is a warning on a PASS', () => {
    expect(texts('tls-sendiri')[0]).toMatch(/dibuat sendiri \(self-signed\).*Let's Encrypt/);
    expect(texts('tls-nama-lain')[0]).toMatch(/dibuat untuk nama lain.*mencakup alamat ini/);
    const v = runs.get('tls-hampir')!.verdict;
    expect(v.status).toBe('PASS');
    expect(texts('tls-hampir').find((x) => /habis dalam/.test(x))).toMatch(/habis dalam \d+ hari/);
  });

  it('a timeout and an endless redirect chain each say so, with the next step', () => {
    expect(texts('lambat')[0]).toMatch(/tidak menjawab dalam 15 detik.*pengelola hosting/);
    expect(texts('putar')[0]).toMatch(/terlalu banyak kali.*pengaturan alamat situs/);
  });
});
