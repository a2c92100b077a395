import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import { startFleet, type Fleet } from '../../fakes/fleet/server.js';
import { evaluatePeriod, getRule, getVerdictsForPeriod, periodContaining, periodsEndingWith, profileCompletenessSource } from '../../modules/compliance/index.js';
import { Fetcher, registerPresence, runChecksForUnit, siteUrlPolicy } from '../../modules/monitoring/index.js';
import { InMemoryOwnContent, InMemorySocialActivity } from '../../fakes/monitoring-sources.js';
import { getSectionForUnits, updateProfileSection } from '../../modules/profile/index.js';
import { addOpd, unitRepository } from '../../modules/units/index.js';
import type { Clock } from '../../shared/clock.js';
import { channelActivitySource, registeredAccountsSource } from '../../modules/channels/index.js';
import { broadcastContentIds } from '../../modules/composer/index.js';
import { ownContentSource } from '../../modules/content/index.js';
import type { OwnContentSource, SocialActivitySource } from '../../modules/monitoring/index.js';

// The demo's external sites are the loopback fixture fleet (.test names): registered under an
// allow-list that names it, as MONITOR_ALLOW would for a real test fleet.
const DEMO_FLEET = { source: 'demo', policy: siteUrlPolicy({ allow: ['.test'] }) };

// Monitoring history for `npm start` in demo mode, so the pimpinan dashboard opens on twelve
// realistic weeks instead of an empty grid. Nothing is written around the engine: posts are fed
// to the real checks through the monitoring ports (InMemoryOwnContent/InMemorySocialActivity),
// the demo OPD's external websites are crawled from the loopback fixture fleet (a fresh
// WordPress, a stale one, a hijacked one, one whose sitemap stamps every page), and the verdicts
// come from compliance's own evaluatePeriod. Deterministic (seeded by unit slug) and idempotent:
// a database that already has verdicts for this period is left alone.

export interface MonitoringDemoSummary {
  skipped: boolean;
  units: number;
  periods: number;
}

const WEEKS = 12;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Approximate kecamatan centres of Kota Pangkalpinang (demo office locations only). */
const KECAMATAN_CENTRE: Record<string, [number, number]> = {
  'Taman Sari': [-2.128, 106.113],
  Rangkui: [-2.121, 106.096],
  'Bukit Intan': [-2.141, 106.102],
  Girimaya: [-2.118, 106.126],
  'Pangkal Balam': [-2.099, 106.139],
  Gabek: [-2.114, 106.153],
  Gerunggang: [-2.158, 106.117],
};

/** Demo OPD and the fixture site that plays each one's external website. */
const DEMO_OPD: { name: string; slug: string; fixture: string; social: [string, string][] }[] = [
  { name: 'Dinas Komunikasi dan Informatika', slug: 'diskominfo', fixture: 'wp-segar', social: [['instagram', 'diskominfo.pgk'], ['facebook', 'diskominfopgk']] },
  { name: 'Dinas Kesehatan', slug: 'dinkes', fixture: 'basi', social: [['facebook', 'dinkes.pangkalpinang']] },
  { name: 'Dinas Pendidikan', slug: 'disdik', fixture: 'dibajak', social: [['instagram', 'disdik.pgk']] },
  { name: 'Badan Perencanaan Pembangunan Daerah', slug: 'bappeda', fixture: 'sitemap-hari-ini', social: [] },
];

/** Kelurahan with an old external website besides their Beranda site (issue 6's hard cases). */
const EXTERNAL: Record<string, string> = { 'air-salemba': 'cloaking', 'gabek-dua': 'mati' };

function rng(seed: string): () => number {
  let s = 2166136261;
  for (const ch of seed) s = Math.imul(s ^ ch.charCodeAt(0), 16777619);
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

const TOPICS = [
  'Jadwal posyandu balita dan lansia',
  'Kerja bakti membersihkan saluran air bersama warga',
  'Pelayanan KTP elektronik dan kartu keluarga',
  'Himbauan waspada demam berdarah',
  'Penyaluran bantuan pangan untuk warga',
  'Musyawarah perencanaan pembangunan kelurahan',
  'Lomba kebersihan antar-RT',
  'Pengumuman jam pelayanan kantor kelurahan',
];

export async function seedMonitoringDemo(db: Kysely<DB>, clock: Clock, o: { region: string; publicUrl: string }): Promise<MonitoringDemoSummary> {
  const now = clock.now();
  const rule = await getRule(db, o.region);
  const current = periodContaining(rule.periodKind, now);
  if ((await getVerdictsForPeriod(db, current.key)).length > 0) return { skipped: true, units: 0, periods: 0 };

  for (const opd of DEMO_OPD) await addOpd(db, o.region, { name: opd.name, slug: opd.slug }, clock);
  const all = await unitRepository.inRegion(db, o.region);
  const kecName = new Map(all.filter((u) => u.kind === 'kecamatan').map((u) => [u.id, u.name]));
  const kelurahan = all.filter((u) => u.kind === 'kelurahan' || u.kind === 'desa').sort((a, b) => a.slug.localeCompare(b.slug));
  const opdUnits = DEMO_OPD.map((d) => ({ d, unit: all.find((u) => u.kind === 'opd' && u.slug === d.slug) })).filter((x) => x.unit);

  await prepareProfiles(db, clock, kelurahan.map((u) => ({ id: u.id, slug: u.slug, name: u.name, kecamatan: kecName.get(u.parent_id ?? '') ?? '' })));

  let checkTime = now;
  const fleet: Fleet | null = await startFleet({ now: () => checkTime }).catch(() => null);
  try {
    const own = new InMemoryOwnContent();
    const social = new InMemorySocialActivity();
    const periods = periodsEndingWith(current.key, WEEKS);

    for (const u of kelurahan) {
      const r = rng(u.slug);
      const diligence = r() < 0.15 ? 0 : r();
      const platforms = (['facebook', 'instagram', 'tiktok'] as const).filter(() => r() < 0.7);
      const handle = `kel.${u.slug.replace(/-/g, '')}`;
      await registerPresence(db, u.id, { kind: 'beranda_site', url: `${o.publicUrl}/${u.slug}` }, clock, 'demo');
      for (const p of platforms) await registerPresence(db, u.id, { kind: 'social', platform: p, handle }, clock, 'demo');
      const external = EXTERNAL[u.slug];
      if (external && fleet) await registerPresence(db, u.id, { kind: 'website', url: fleet.url(external) }, clock, DEMO_FLEET);
      // Staff who started late: the diligent ones improved over the weeks.
      periods.forEach((p, w) => {
        const effort = Math.min(1, diligence * (0.6 + (0.6 * w) / WEEKS));
        const end = Math.min(Date.parse(p.end), now.getTime());
        const at = (day: number) => new Date(Math.min(end - HOUR, Date.parse(p.start) + day * DAY + (9 + Math.floor(r() * 7)) * HOUR)).toISOString();
        if (r() < effort * 0.85) {
          const day = Math.floor(r() * 6);
          const title = `${TOPICS[Math.floor(r() * TOPICS.length)]} (simulasi)`;
          own.add(u.id, { url: `${o.publicUrl}/${u.slug}/berita/demo-${p.key.toLowerCase()}`, title, publishedAt: at(day), bodyText: `${title}. Informasi untuk warga kelurahan dari petugas kelurahan.`, isBroadcast: false });
        }
        for (const pl of platforms) {
          if (r() < effort * 0.6) {
            social.add(u.id, { accountHandle: handle, platform: pl, postUrl: `https://www.${pl}.com/${handle}/posts/demo-${p.key.toLowerCase()}`, publishedAt: at(Math.floor(r() * 6)), via: r() < 0.7 ? 'delivery' : 'sync', verified: true, isBroadcast: false });
          }
        }
      });
    }
    for (const { d, unit } of opdUnits) {
      if (fleet) await registerPresence(db, unit!.id, { kind: 'website', url: fleet.url(d.fixture) }, clock, DEMO_FLEET);
      for (const [platform, handle] of d.social) {
        await registerPresence(db, unit!.id, { kind: 'social', platform: platform as 'facebook', handle }, clock, 'demo');
        periods.forEach((p, w) => {
          if ((w + handle.length) % 3 === 0) return;
          social.add(unit!.id, { accountHandle: handle, platform, postUrl: `https://www.${platform}.com/${handle}/posts/demo-${p.key.toLowerCase()}`, publishedAt: new Date(Math.min(now.getTime() - HOUR, Date.parse(p.start) + 2 * DAY)).toISOString(), via: 'sync', verified: true, isBroadcast: false });
        });
      }
    }

    // The simulated history plus what the other demo seeders really published (the site demo's
    // posts, the channels demo's deliveries): the live sweep later reads only the real ones, and
    // a kelurahan with a real post this week must not be FAIL until that sweep comes round.
    const slugOf = new Map(kelurahan.map((u) => [u.id, u.slug]));
    const broadcastIds = (unitId: string) => broadcastContentIds(db, [unitId]);
    const realOwn = ownContentSource(db, { siteUrlOf: async (id) => (slugOf.has(id) ? `${o.publicUrl}/${slugOf.get(id)}` : null), broadcastIds });
    const realSocial = channelActivitySource(db, { broadcastPostIds: broadcastIds });
    const ownContent: OwnContentSource = {
      listPublished: async (id, from, to) => [...(await own.listPublished(id, from, to)), ...(await realOwn.listPublished(id, from, to))],
    };
    const socialActivity: SocialActivitySource = {
      listActivity: async (id, from, to) => [...(await social.listActivity(id, from, to)), ...(await realSocial.listActivity(id, from, to))],
    };

    const fetcher = new Fetcher({
      contactUrl: `${o.publicUrl}/tentang-pemantauan`,
      lookup: fleet?.lookup,
      ca: fleet?.caPem ?? undefined,
      clock: { now: () => checkTime },
      perHostIntervalMs: 0,
      totalTimeoutMs: 3_000,
      connectTimeoutMs: 1_000,
    });
    const ids = [...kelurahan.map((u) => u.id), ...opdUnits.map((x) => x.unit!.id)];
    const profile = profileCompletenessSource(db);
    for (const p of periods) {
      // One sweep late on each Sunday (WIB), and one now for the running week.
      checkTime = new Date(Math.min(Date.parse(p.end) - 2 * HOUR, now.getTime()));
      const at: Clock = { now: () => checkTime };
      for (const id of ids) {
        await runChecksForUnit(db, { fetcher, clock: at, rdapBaseFor: () => fleet?.rdapBase ?? null, ownContent, social: socialActivity, retries: 0, retryDelayMs: 0 }, id);
      }
      await evaluatePeriod(db, { clock: { now: () => new Date(Math.min(Date.parse(p.end) + HOUR, now.getTime())) }, profile, accounts: registeredAccountsSource(db) }, { region: o.region, periodKey: p.key });
    }
    return { skipped: false, units: ids.length, periods: periods.length };
  } finally {
    await fleet?.close();
  }
}

/**
 * Demo profiles for kelurahan the site demo did not fill: every office gets a location near its
 * kecamatan (for the map), and the more diligent half also a profile complete enough for the
 * rule (identitas, narasi, lembaga, sarana, potensi), so the demo shows both sides of it.
 */
async function prepareProfiles(db: Kysely<DB>, clock: Clock, units: { id: string; slug: string; name: string; kecamatan: string }[]): Promise<void> {
  const identitas = await getSectionForUnits(db, units.map((u) => u.id), 'identitas');
  const perKec = new Map<string, number>();
  for (const u of units) {
    const n = perKec.get(u.kecamatan) ?? 0;
    perKec.set(u.kecamatan, n + 1);
    const existing = identitas.get(u.id);
    if (existing && typeof existing.lat === 'number') continue;
    const [lat, lng] = KECAMATAN_CENTRE[u.kecamatan] ?? [-2.13, 106.115];
    const angle = n * 2.4;
    const radius = 0.004 + 0.0025 * n;
    const location = { lat: +(lat + radius * Math.sin(angle)).toFixed(5), lng: +(lng + radius * Math.cos(angle)).toFixed(5) };
    const save = (section: string, data: unknown) => updateProfileSection(db, clock, { unitId: u.id, section, data, actorId: null });
    if (rng(`${u.slug}:profil`)() < 0.45) {
      await save('identitas', { ...(existing ?? {}), ...location });
      continue;
    }
    await save('identitas', {
      ...(existing ?? {}),
      ...location,
      alamatKantor: `Kantor Kelurahan ${u.name}, Kecamatan ${u.kecamatan}, Kota Pangkalpinang (alamat simulasi)`,
      kodePos: '33100',
      telepon: '0717 400 000',
      email: `kel.${u.slug.replace(/-/g, '')}@pangkalpinangkota.go.id`,
      jamPelayanan: [{ hari: ['senin', 'selasa', 'rabu', 'kamis'], buka: '08:00', tutup: '16:00', istirahat: '12:00–13:00' }, { hari: ['jumat'], buka: '08:00', tutup: '16:30', istirahat: '11:30–13:30' }],
    });
    await save('narasi', {
      sejarah: `Kelurahan ${u.name} adalah salah satu kelurahan di Kecamatan ${u.kecamatan}. (Teks simulasi untuk demo.)`,
      visi: `Kelurahan ${u.name} yang melayani dengan cepat, ramah dan terbuka.`,
      misi: ['Meningkatkan mutu pelayanan administrasi warga', 'Membuka informasi kegiatan kelurahan untuk warga'],
      sambutanLurah: `Selamat datang di situs Kelurahan ${u.name}. (Teks simulasi.)`,
    });
    await save('lembaga', { items: [{ jenis: 'LPM', nama: `LPM Kelurahan ${u.name}` }] });
    await save('sarana', { items: [{ jenis: 'Kesehatan', nama: `Posyandu ${u.name}`, kondisi: 'baik' }] });
    await save('potensi', { items: [{ jenis: 'UMKM', nama: 'Kerupuk dan kemplang ikan (simulasi)' }] });
  }
}
