import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchContent } from '../../src/db/search.js';
import {
  createDocument,
  getPublicContent,
  listPublicContent,
  listPublicDocuments,
  listBerandaContent,
  nextScheduledPublish,
  recentPublishers,
  saveContent,
  setContentStatus,
} from '../../src/modules/content/index.js';
import { getProfile, updateProfileSection } from '../../src/modules/profile/index.js';
import { adjustUnitService, ensureServiceCatalogue, getUnitService, listUnitServices } from '../../src/modules/services/index.js';
import { FixedClock } from '../../src/shared/clock.js';
import { type TestDb, createTestDb } from '../support/test-db.js';
import { addUnit } from './helpers.js';

let t: TestDb;
let bacang: string;
let gabek: string;
const clock = new FixedClock('2026-03-10T03:00:00Z');
const invalidated: string[] = [];
const deps = () => ({ db: t.db, clock, onPublicChange: (u: string) => invalidated.push(u) });

beforeAll(async () => {
  t = await createTestDb();
  bacang = await addUnit(t.db, { name: 'Bacang', slug: 'bacang' });
  gabek = await addUnit(t.db, { name: 'Gabek Satu', slug: 'gabek-satu' });
  const post = (unitId: string, title: string, status: any, publishAt = '', kind: any = 'berita', extra: object = {}) =>
    saveContent(deps(), { unitId, actorId: null, input: { kind, title, status, publishAt, body: `<p>${title} isi</p>`, ...extra } });
  await post(bacang, 'Kerja bakti membersihkan parit RW 03', 'published');
  await post(bacang, 'Draf rahasia penyaluran bantuan', 'draft');
  await post(bacang, 'Pengumuman terjadwal pembangunan jalan', 'scheduled', '2026-03-12T10:00', 'pengumuman');
  const archived = await post(bacang, 'Berita lama diarsipkan', 'published');
  if (archived.ok) await setContentStatus(deps(), { unitId: bacang, id: archived.value.id, status: 'archived', actorId: null });
  await post(gabek, 'Pelatihan UMKM kerupuk ikan di Gabek Satu', 'published');
  await post(gabek, 'Posyandu balita', 'published', '', 'agenda', { eventStart: '2026-03-15T08:00', eventPlace: 'Balai RW 02' });
  await post(gabek, 'Posyandu bulan lalu', 'published', '', 'agenda', { eventStart: '2026-02-15T08:00', eventPlace: 'Balai RW 02' });
});
afterAll(async () => t?.close());

describe('content visibility', () => {
  it('lists only published items whose time has come, per unit', async () => {
    const page = await listPublicContent(t.db, { unitIds: [bacang], kinds: ['berita', 'pengumuman'], now: clock.now() });
    expect(page.items.map((i) => i.title)).toEqual(['Kerja bakti membersihkan parit RW 03']);
    expect(page.total).toBe(1);
  });

  it('never returns drafts, archived or future items by slug', async () => {
    for (const slug of ['draf-rahasia-penyaluran-bantuan', 'berita-lama-diarsipkan']) {
      expect((await getPublicContent(t.db, { unitId: bacang, kind: 'berita', slug, now: clock.now() })).ok).toBe(false);
    }
    expect((await getPublicContent(t.db, { unitId: bacang, kind: 'pengumuman', slug: 'pengumuman-terjadwal-pembangunan-jalan', now: clock.now() })).ok).toBe(false);
  });

  it('a scheduled item becomes public at its moment (WIB form time) without any job', async () => {
    const at = await nextScheduledPublish(t.db, { unitId: bacang, now: clock.now() });
    expect(at?.toISOString()).toBe('2026-03-12T03:00:00.000Z');
    const later = new Date('2026-03-12T03:00:00Z');
    const r = await getPublicContent(t.db, { unitId: bacang, kind: 'pengumuman', slug: 'pengumuman-terjadwal-pembangunan-jalan', now: later });
    expect(r.ok).toBe(true);
  });

  it("one unit's queries never return another unit's items", async () => {
    const r = await getPublicContent(t.db, { unitId: bacang, kind: 'berita', slug: 'pelatihan-umkm-kerupuk-ikan-di-gabek-satu', now: clock.now() });
    expect(r.ok).toBe(false);
    const all = await listPublicContent(t.db, { kinds: ['berita'], now: clock.now() });
    expect(all.items.map((i) => i.unit_id).sort()).toEqual([bacang, gabek].sort());
  });

  it('the beranda lists of one statement: upcoming agenda only, nothing private, nothing of another unit', async () => {
    const g = await listBerandaContent(t.db, { unitId: gabek, now: clock.now(), berita: 4, pengumuman: 3, agenda: 3 });
    expect(g.berita.map((a) => a.title)).toEqual(['Pelatihan UMKM kerupuk ikan di Gabek Satu']);
    expect(g.pengumuman).toEqual([]);
    expect(g.agenda.map((a) => a.title)).toEqual(['Posyandu balita']);
    expect(g.agenda[0]!.event_start).toBe('2026-03-15T01:00:00.000Z');
    const b = await listBerandaContent(t.db, { unitId: bacang, now: clock.now(), berita: 4, pengumuman: 3, agenda: 3 });
    // Exactly Bacang's one public berita: Gabek Satu's items (other titles) would make the lists longer.
    expect(b).toEqual({ berita: [expect.objectContaining({ title: 'Kerja bakti membersihkan parit RW 03', kind: 'berita' })], pengumuman: [], agenda: [] });
    // A card row carries only what a card shows, not the body or staff columns.
    expect(Object.keys(b.berita[0]!).sort()).toEqual(['event_end', 'event_place', 'event_start', 'id', 'kind', 'publish_at', 'slug', 'summary', 'title']);
    // The scheduled pengumuman appears at its moment.
    const later = await listBerandaContent(t.db, { unitId: bacang, now: new Date('2026-03-12T03:00:00Z'), berita: 4, pengumuman: 3, agenda: 3 });
    expect(later.pengumuman.map((a) => a.title)).toEqual(['Pengumuman terjadwal pembangunan jalan']);
  });

  it('knows who posted recently', async () => {
    const r = await recentPublishers(t.db, { now: clock.now() });
    expect(new Set(r.map((p) => p.unitId))).toEqual(new Set([bacang, gabek]));
    expect(r.find((p) => p.unitId === gabek)!.count).toBe(3);
  });

  it('rejects an agenda without place and sanitises body HTML on save', async () => {
    const bad = await saveContent(deps(), { unitId: bacang, actorId: null, input: { kind: 'agenda', title: 'Rapat', status: 'published', eventStart: '2026-03-20T09:00' } });
    expect(bad.ok).toBe(false);
    expect(bad.problems?.map((p) => p.path)).toContain('eventPlace');
    const good = await saveContent(deps(), { unitId: bacang, actorId: null, input: { kind: 'berita', title: 'Aman', status: 'draft', body: '<p onclick="x()">Hai<script>alert(1)</script></p>' } });
    expect(good.ok && good.value.body_html).toBe('<p>Hai</p>');
  });

  it('tells the page cache about every change', () => {
    expect(invalidated).toContain(bacang);
    expect(invalidated).toContain(gabek);
  });
});

describe('search (this engine: ' + (process.env.TEST_DATABASE_URL ? 'postgres' : 'sqlite') + ')', () => {
  it('finds public items by Indonesian word forms across units', async () => {
    const now = clock.now().toISOString();
    // "kebersihan" and "membersihkan" share the stem "bersih".
    expect((await searchContent(t.db, { query: 'kebersihan', now })).map((h) => h.title)).toEqual(['Kerja bakti membersihkan parit RW 03']);
    expect((await searchContent(t.db, { query: 'latihan kerupuk', now })).map((h) => h.unitId)).toEqual([gabek]);
    expect((await searchContent(t.db, { query: 'Posyandu', now, unitIds: [gabek] })).length).toBe(2);
  });
  it('never finds drafts, archived or future items, and respects the unit filter', async () => {
    const now = clock.now().toISOString();
    expect(await searchContent(t.db, { query: 'penyaluran bantuan', now })).toEqual([]);
    expect(await searchContent(t.db, { query: 'diarsipkan', now })).toEqual([]);
    expect(await searchContent(t.db, { query: 'pembangunan jalan', now })).toEqual([]);
    expect(await searchContent(t.db, { query: 'kerupuk', now, unitIds: [bacang] })).toEqual([]);
    expect(await searchContent(t.db, { query: '"; drop table units; --', now })).toEqual([]);
    expect(await searchContent(t.db, { query: '   ', now })).toEqual([]);
  });
});

describe('profile and layanan storage', () => {
  it('saves a valid section and refuses an invalid one with field paths', async () => {
    const ok = await updateProfileSection(t.db, clock, { unitId: bacang, section: 'narasi', data: { visi: 'Bacang maju', misi: ['Satu', 'Dua'] }, actorId: null });
    expect(ok.ok).toBe(true);
    const bad = await updateProfileSection(t.db, clock, { unitId: bacang, section: 'identitas', data: { email: 'bukan email', kodePos: '12' }, actorId: null });
    expect(bad.ok).toBe(false);
    expect(bad.problems?.map((p) => p.path).sort()).toEqual(['email', 'kodePos']);
    expect((await updateProfileSection(t.db, clock, { unitId: bacang, section: 'ddk', data: {}, actorId: null })).ok).toBe(false);
    const { profile } = await getProfile(t.db, bacang);
    expect(profile.narasi.misi).toEqual(['Satu', 'Dua']);
    expect((await getProfile(t.db, gabek)).profile.narasi.visi).toBe('');
  });

  it("seeds the catalogue once and applies one unit's adjustment only to that unit", async () => {
    expect(await ensureServiceCatalogue(t.db, clock)).toBeGreaterThan(10);
    expect(await ensureServiceCatalogue(t.db, clock)).toBe(0);
    const r = await adjustUnitService(deps(), { unitId: bacang, code: 'domisili', enabled: true, featured: true, adjustment: { waktu: '5 menit' } });
    expect(r.ok).toBe(true);
    await adjustUnitService(deps(), { unitId: bacang, code: 'sktm', enabled: false, featured: false, adjustment: {} });
    const b = await getUnitService(t.db, bacang, 'domisili');
    expect(b.ok && b.value.waktu).toBe('5 menit');
    const g = await getUnitService(t.db, gabek, 'domisili');
    expect(g.ok && g.value.waktu).toBe('15 menit setelah berkas lengkap');
    expect((await getUnitService(t.db, bacang, 'sktm')).ok).toBe(false);
    expect((await listUnitServices(t.db, bacang)).filter((s) => s.featured).map((s) => s.code)).toEqual(['domisili']);
  });

  it('lists "dikecualikan" documents without their file', async () => {
    await createDocument(deps(), { unitId: bacang, actorId: null, input: { category: 'dikecualikan', title: 'Data pribadi pemohon', fileUrl: '/media/x.pdf', status: 'published' } });
    await createDocument(deps(), { unitId: bacang, actorId: null, input: { category: 'berkala', title: 'LAKIP 2025', fileUrl: '/media/lakip.pdf', status: 'published', year: 2025 } });
    await createDocument(deps(), { unitId: bacang, actorId: null, input: { category: 'berkala', title: 'Draf', status: 'draft' } });
    const docs = await listPublicDocuments(t.db, { unitId: bacang, now: clock.now() });
    expect(docs.dikecualikan[0]!.file_url).toBe('');
    expect(docs.berkala.map((d) => d.title)).toEqual(['LAKIP 2025']);
  });
});

describe('beranda lists: limits and order per section', () => {
  it('keeps each section to its own limit and order, newest first (agenda soonest first)', async () => {
    const unitId = await addUnit(t.db, { name: 'Urutan', slug: 'urutan' });
    const at = new FixedClock('2026-04-01T01:00:00Z');
    const post = (title: string, kind: 'berita' | 'pengumuman' | 'agenda', extra: object = {}) =>
      saveContent({ db: t.db, clock: at }, { unitId, actorId: null, input: { kind, title, status: 'published', body: `<p>${title}</p>`, ...extra } });
    for (let i = 1; i <= 6; i++) {
      at.advance(3_600_000);
      await post(`Kabar ketahanan pangan nomor ${i}`, 'berita');
      await post(`Maklumat ronda nomor ${i}`, 'pengumuman');
      // Created in order 1..6 but happening in reverse: the soonest is the last one made.
      await post(`Kegiatan gotong royong nomor ${i}`, 'agenda', { eventStart: `2026-05-${String(20 - i).padStart(2, '0')}T08:00`, eventPlace: 'Balai' });
    }
    const r = await listBerandaContent(t.db, { unitId, now: at.now(), berita: 4, pengumuman: 2, agenda: 3 });
    expect(r.berita.map((a) => a.title.slice(-1))).toEqual(['6', '5', '4', '3']);
    expect(r.pengumuman.map((a) => a.title.slice(-1))).toEqual(['6', '5']);
    expect(r.agenda.map((a) => a.title.slice(-1))).toEqual(['6', '5', '4']);
    // The same query (one prepared statement) with other values gives other rows.
    const earlier = await listBerandaContent(t.db, { unitId, now: new Date('2026-04-01T03:30:00Z'), berita: 1, pengumuman: 5, agenda: 1 });
    expect(earlier.berita.map((a) => a.title.slice(-1))).toEqual(['2']);
    expect(earlier.pengumuman.map((a) => a.title.slice(-1))).toEqual(['2', '1']);
    expect(earlier.agenda.map((a) => a.title.slice(-1))).toEqual(['2']);
  });
});
