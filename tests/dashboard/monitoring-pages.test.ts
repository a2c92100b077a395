import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedMonitoringDemo } from '../../src/main/demo/monitoring-demo.js';
import { getRule, getVerdictsForPeriod, listExceptions, periodContaining } from '../../src/modules/compliance/index.js';
import { listPresences } from '../../src/modules/monitoring/index.js';
import { findUnitBySlug, getCitySetting } from '../../src/modules/units/index.js';
import { createTestApp, type Session, type TestApp } from '../support/test-app.js';
import { testEngine } from '../support/test-db.js';

// The monitoring staff pages through HTTP: a unit registers an account and sends the link of a
// post the checks missed; admin kota decides and the verdict the dashboard shows changes. The
// city rule, exceptions and the transparency switch are admin kota's.

let a: TestApp;
let admin: Session;
let operator: Session;
const region = '19.71';
const period = periodContaining('week', new Date('2026-11-25T02:00:00Z'));

beforeAll(async () => {
  a = await createTestApp();
  await seedMonitoringDemo(a.t.db, a.clock, { region, publicUrl: 'http://localhost:3000' });
  admin = await a.loginAs('admin');
  operator = await a.loginAs('operator.pasar-padi');
}, 120_000);
afterAll(async () => a?.close());

const unitId = async (slug: string) => (await findUnitBySlug(a.t.db, region, slug))!.id;
const verdictOf = async (slug: string) => (await getVerdictsForPeriod(a.t.db, period.key, [await unitId(slug)]))[0]?.status;

describe(`monitoring staff pages on ${testEngine()}`, () => {
  it('shows the unit its status this week with the reasons in words', async () => {
    const html = await (await operator.get('/admin/unit/pasar-padi/pemantauan')).text();
    expect(await verdictOf('pasar-padi')).toBe('FAIL');
    expect(html).toContain('Belum memenuhi');
    expect(html).toContain('Belum ada konten baru pada periode ini (minimal 1).');
    expect(html).toContain('Situs Beranda');
  });

  it('lets the unit register an account and refuses links from sites that are not the unit’s', async () => {
    let res = await operator.post('/admin/unit/pasar-padi/pemantauan/akun', { platform: 'instagram', handle: '@Kel.PasarPadi' });
    expect(res.status).toBe(303);
    const presences = await listPresences(a.t.db, await unitId('pasar-padi'));
    expect(presences.some((p) => p.platform === 'instagram' && p.handle === 'kel.pasarpadi')).toBe(true);

    res = await operator.post('/admin/unit/pasar-padi/pemantauan/sanggahan', { kind: 'link', periodKey: period.key, postUrl: 'https://contoh.example/berita/1', message: 'Posyandu hari Selasa' });
    expect(res.status).toBe(400);
    // Said next to the link's field, with the link and the note kept.
    let html = await res.text();
    expect(html).toMatch(/id="f-postUrl-err">Tautan itu bukan dari situs atau akun yang terdaftar[^<]*<\/p>\s*<input id="f-postUrl"[^>]*value="https:\/\/contoh.example\/berita\/1"/);
    expect(html).toMatch(/<input id="f-message"[^>]*value="Posyandu hari Selasa"/);

    res = await operator.post('/admin/unit/pasar-padi/pemantauan/sanggahan', { kind: 'contest', periodKey: period.key, message: 'ok' });
    expect(res.status).toBe(400);
    html = await res.text();
    expect(html).toMatch(/<details open="">/);
    expect(html).toMatch(/id="f-contest-err">Tulis keterangannya, minimal 3 huruf[^<]*<\/p>\s*<textarea id="f-contest"[^>]*>ok<\/textarea>/);
    res = await operator.post('/admin/unit/pasar-padi/pemantauan/akun', { platform: 'myspace', handle: 'kel' });
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/id="f-handle-err">Isi nama akun[^<]*<\/p>\s*<input id="f-handle"[^>]*value="kel"/);

    res = await operator.post('/admin/unit/pasar-padi/pemantauan/sanggahan', { kind: 'link', periodKey: period.key, postUrl: 'https://www.instagram.com/p/DEMO123/', message: 'Posyandu hari Selasa' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/admin/unit/pasar-padi/pemantauan?ok=link_sent');
    expect(await (await operator.get('/admin/unit/pasar-padi/pemantauan')).text()).toContain('Menunggu keputusan');
  });

  it('lets admin kota accept the link with its publication time, which turns the verdict to PASS', async () => {
    const list = await (await admin.get('/admin/pemantauan/sanggahan')).text();
    expect(list).toContain('Pasar Padi');
    expect(list).toContain('https://www.instagram.com/p/DEMO123/');
    const disputeId = /name="disputeId" value="([^"]+)"/.exec(list)![1]!;

    let res = await admin.post('/admin/pemantauan/sanggahan/putus', { disputeId, accept: '1', note: 'Sudah dicek' });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('Isi waktu terbit postingan');
    expect(await verdictOf('pasar-padi')).toBe('FAIL');

    res = await admin.post('/admin/pemantauan/sanggahan/putus', { disputeId, accept: '1', note: 'Sudah dicek di Instagram', publishedAt: '2026-11-24T10:00' });
    expect(res.headers.get('location')).toBe('/admin/pemantauan/sanggahan?ok=accepted');
    expect(await verdictOf('pasar-padi')).toBe('PASS');
    // A second click decides nothing more.
    res = await admin.post('/admin/pemantauan/sanggahan/putus', { disputeId, accept: '0', note: 'x' });
    expect(res.headers.get('location')).toBe('/admin/pemantauan/sanggahan?ok=already_decided');

    const walikota = await a.loginAs('walikota');
    const grid = await (await walikota.get('/admin/dasbor')).text();
    expect(grid).toMatch(/<tr class="r-pass"><th scope="row"[^>]*><a href="\/admin\/dasbor\/unit\/pasar-padi/);
    const page = await (await operator.get('/admin/unit/pasar-padi/pemantauan')).text();
    expect(page).toContain('Diterima');
    expect(page).toContain('Sudah dicek di Instagram');
  });

  it('saves the city rule and refuses an invalid one', async () => {
    let res = await admin.post('/admin/pemantauan/aturan', { periodKind: 'week', minItems: '500', minSocialAccounts: '1', profileCompletenessMin: '60', minConfidence: 'medium' });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('Aturan tidak valid');
    // Said next to the field, with what was typed kept.
    expect(html).toMatch(/<p class="error" id="f-minItems-err">Isi angka bulat dari 0 sampai 100\.<\/p>\s*<input id="f-minItems"[^>]*value="500"/);
    expect(html).not.toContain('id="f-minSocialAccounts-err"');
    res = await admin.post('/admin/pemantauan/aturan', { periodKind: 'week', minItems: '2', minSocialAccounts: '1', profileCompletenessMin: '0', requireWebsite: '1', minConfidence: 'high' });
    expect(res.status).toBe(303);
    expect(await getRule(a.t.db, region)).toEqual({ periodKind: 'week', minItems: 2, minSocialAccounts: 1, profileCompletenessMin: 0, requireWebsite: true, minConfidence: 'high' });
  });

  it('adds a city holiday and a maintenance window typed in WIB, and removes one', async () => {
    await admin.post('/admin/pemantauan/aturan/pengecualian', { kind: 'holiday', from: '2026-12-24', to: '2026-12-26', reason: 'Natal' });
    const bacang = await unitId('bacang');
    await admin.post('/admin/pemantauan/aturan/pengecualian', { kind: 'maintenance', unitId: bacang, startsAt: '2026-12-01T08:00', endsAt: '2026-12-01T12:00', mreason: 'Pindah server' });
    const list = await listExceptions(a.t.db, region, '2026-11-01T00:00:00Z', '2027-01-31T00:00:00Z');
    expect(list.map((x) => [x.kind, x.unitId, x.startsAt, x.endsAt])).toEqual([
      ['maintenance', bacang, '2026-12-01T01:00:00.000Z', '2026-12-01T05:00:00.000Z'],
      ['holiday', null, '2026-12-23T17:00:00.000Z', '2026-12-26T17:00:00.000Z'],
    ]);
    const wrong = await admin.post('/admin/pemantauan/aturan/pengecualian', { kind: 'maintenance', unitId: bacang, startsAt: '2026-12-01T12:00', endsAt: '2026-12-01T08:00', mreason: 'Ganti kabel' });
    expect(wrong.status).toBe(400);
    const wrongHtml = await wrong.text();
    expect(wrongHtml).toMatch(/id="f-endsAt-err">Waktu selesai/);
    expect(wrongHtml).toMatch(/<input id="f-mreason"[^>]*value="Ganti kabel"/);
    expect(await listExceptions(a.t.db, region, '2026-11-01T00:00:00Z', '2027-01-31T00:00:00Z')).toHaveLength(2);
    const html = await (await admin.get('/admin/pemantauan/aturan')).text();
    expect(html).toContain('Natal');
    await admin.post('/admin/pemantauan/aturan/pengecualian/hapus', { id: list[0]!.id });
    expect(await listExceptions(a.t.db, region, '2026-11-01T00:00:00Z', '2027-01-31T00:00:00Z')).toHaveLength(1);
  });

  it('publishes the transparency page only when admin kota switches it on, without internal evidence', async () => {
    expect((await a.request('/transparansi')).status).toBe(404);
    await admin.post('/admin/pemantauan/aturan/transparansi', { enabled: '1' });
    expect(await getCitySetting(a.t.db, region, 'transparencyPage')).toBe(true);
    const res = await a.request('/transparansi');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Bacang');
    expect(html).toContain('Memenuhi');
    // Citizens see the status, not the evidence: no crawler URLs, reasons or staff links.
    expect(html).not.toContain('.test:');
    expect(html).not.toContain('/admin/');
    expect(html).not.toContain('judi');
    await admin.post('/admin/pemantauan/aturan/transparansi', {});
    expect((await a.request('/transparansi')).status).toBe(404);
  });
});
