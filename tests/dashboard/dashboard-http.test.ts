import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedMonitoringDemo } from '../../src/main/demo/monitoring-demo.js';
import { getVerdictsForPeriod, periodContaining } from '../../src/modules/compliance/index.js';
import { unitRepository } from '../../src/modules/units/index.js';
import type { JobQueue } from '../../src/jobs/queue.js';
import { createTestApp, type Session, type TestApp } from '../support/test-app.js';
import { testEngine } from '../support/test-db.js';

// The pimpinan dashboard through HTTP on the demo monitoring history: what each role sees, that
// the grid shows exactly the verdicts compliance stored, the filters, and the exports opened
// and read back (PDF text with pdfjs, cells with exceljs).

let a: TestApp;
let walikota: Session;
let camat: Session;
let admin: Session;
const region = '19.71';
const verdictByUnit = new Map<string, string>();
const nameBySlug = new Map<string, string>();
let kecamatanOf = new Map<string, string>();
const sent: { name: string; data: unknown }[] = [];

/** slug → verdict class of every grid row: <tr class="r-pass">…<a href="/admin/dasbor/unit/bacang?…">. */
function gridRows(html: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of html.matchAll(/<tr class="r-(\w+)"><th scope="row"[^>]*><a href="\/admin\/dasbor\/unit\/([a-z0-9-]+)/g)) out.set(m[2]!, m[1]!);
  return out;
}

async function pdfText(buf: ArrayBuffer): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(buf), disableFontFace: true }).promise;
  let text = '';
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    text += content.items.map((it) => ('str' in it ? it.str + (it.hasEOL ? '\n' : '') : '')).join('') + '\n';
  }
  await doc.destroy();
  return text.replace(/\s+/g, ' ');
}

beforeAll(async () => {
  a = await createTestApp();
  await seedMonitoringDemo(a.t.db, a.clock, { region, publicUrl: 'http://localhost:3000' });
  const period = periodContaining('week', a.clock.now());
  for (const v of await getVerdictsForPeriod(a.t.db, period.key)) verdictByUnit.set(v.unitId, v.status === 'EXEMPT' ? 'pass' : v.status.toLowerCase());
  const units = await unitRepository.inRegion(a.t.db, region);
  const kec = new Map(units.filter((u) => u.kind === 'kecamatan').map((u) => [u.id, u.name]));
  kecamatanOf = new Map(units.filter((u) => u.kind === 'kelurahan').map((u) => [u.slug, kec.get(u.parent_id!)!]));
  for (const u of units) nameBySlug.set(u.slug, u.name);
  const bySlug = new Map(units.map((u) => [u.id, u.slug]));
  for (const [id, v] of [...verdictByUnit]) {
    verdictByUnit.delete(id);
    verdictByUnit.set(bySlug.get(id)!, v);
  }
  walikota = await a.loginAs('walikota');
  camat = await a.loginAs('camat.bukit-intan');
  admin = await a.loginAs('admin');
  a.deps.jobs = {
    kind: 'embedded',
    send: async (name: string, data: object) => (sent.push({ name, data }), 'job-1'),
  } as unknown as JobQueue;
}, 120_000);
afterAll(async () => a?.close());

describe(`pimpinan dashboard on ${testEngine()}`, () => {
  it('shows walikota all 42 kelurahan and the demo OPD with the verdicts compliance stored', async () => {
    const res = await walikota.get('/admin/dasbor');
    expect(res.status).toBe(200);
    const html = await res.text();
    const rows = gridRows(html);
    expect([...kecamatanOf.keys()].filter((s) => !rows.has(s))).toEqual([]);
    expect(rows.size).toBe(46);
    for (const opd of ['diskominfo', 'dinkes', 'disdik', 'bappeda']) expect(rows.has(opd)).toBe(true);
    expect(Object.fromEntries(rows)).toEqual(Object.fromEntries(verdictByUnit));
    // Every verdict has words, not only a colour; the read-only note is there for pimpinan.
    expect(html).toContain('Terindikasi dibobol');
    expect(html).toContain('Memenuhi');
    expect(html).toContain('Anda melihat dasbor ini tanpa dapat mengubah data.');
    expect(html).toMatch(/Pemeriksaan terakhir: \d+ November 2026/);
    expect(html).toContain('Kecamatan Bukit Intan');
    expect(html).toContain('Perangkat daerah (OPD)');
    // Pimpinan cannot act: no admin actions.
    expect(html).not.toContain('sanggahan menunggu');
  });

  it('shows a camat only the kelurahan of their own kecamatan', async () => {
    const html = await (await camat.get('/admin/dasbor')).text();
    const rows = gridRows(html);
    const own = [...kecamatanOf].filter(([, k]) => k === 'Bukit Intan').map(([s]) => s).sort();
    expect([...rows.keys()].sort()).toEqual(own);
    expect(own.length).toBeGreaterThan(3);
    expect(html).not.toContain('Gabek Satu');
    expect(html).not.toContain('Dinas Pendidikan');
    // The camat's title is the web's words for the scope (LoadReportOptions.scopeName).
    expect(html).toContain('Kecamatan Bukit Intan, Kota Pangkalpinang');
    expect((await camat.get('/admin/dasbor/unit/gabek-satu')).status).toBe(403);
    expect((await camat.get('/admin/dasbor/unit/bacang')).status).toBe(200);
    const pdf = await pdfText(await (await camat.get('/admin/dasbor/rapor.pdf')).arrayBuffer());
    expect(pdf).toContain('Bacang');
    expect(pdf).not.toContain('Gabek Satu');
  });

  it('refuses operators, lurah and pendamping', async () => {
    for (const who of ['operator.bacang', 'lurah.bacang', 'pendamping']) {
      const s = await a.loginAs(who);
      expect((await s.get('/admin/dasbor')).status, who).toBe(403);
      expect((await s.get('/admin/dasbor/rapor.pdf')).status, who).toBe(403);
      expect((await s.get('/admin/dasbor/unit/bacang')).status, who).toBe(403);
    }
  });

  it('filters by failing only, kecamatan and platform with plain GET forms', async () => {
    const failing = gridRows(await (await walikota.get('/admin/dasbor?gagal=1')).text());
    expect(failing.size).toBe([...verdictByUnit.values()].filter((v) => v !== 'pass').length);
    expect([...failing.values()]).not.toContain('pass');

    const kecId = (await unitRepository.inRegion(a.t.db, region)).find((u) => u.kind === 'kecamatan' && u.name === 'Gabek')!.id;
    const gabek = gridRows(await (await walikota.get(`/admin/dasbor?kecamatan=${kecId}`)).text());
    expect([...gabek.keys()].sort()).toEqual([...kecamatanOf].filter(([, k]) => k === 'Gabek').map(([s]) => s).sort());

    const tiktokHtml = await (await walikota.get('/admin/dasbor?platform=tiktok')).text();
    const tiktok = gridRows(tiktokHtml);
    expect(tiktok.size).toBeGreaterThan(0);
    expect(tiktok.size).toBeLessThan(46);
    // Each row shown has a TikTok account listed.
    const bodies = tiktokHtml.split('<tr class="r-').slice(1);
    for (const b of bodies) expect(b.split('</tr>')[0]).toContain('<strong>TikTok</strong>');
  });

  it('renders ranking with grade bands, trend and map as server-side SVG', async () => {
    const rank = await (await walikota.get('/admin/dasbor/peringkat')).text();
    expect(rank).toContain('Menuju Informatif');
    expect(rank).toMatch(/berturut-turut/);
    expect(rank).toContain('Keaktifan: 35 poin');
    const trend = await (await walikota.get('/admin/dasbor/tren')).text();
    expect((trend.match(/<svg /g) ?? []).length).toBeGreaterThanOrEqual(3);
    const map = await (await walikota.get('/admin/dasbor/peta')).text();
    expect(map).toContain('<svg ');
    // Markers link to the drill-down; every kelurahan has an office location in the demo.
    expect((map.match(/<a href="\/admin\/dasbor\/unit\//g) ?? []).length).toBe(42);
  });

  it('drills down into a unit with its evidence timeline, checklist and history', async () => {
    const html = await (await walikota.get('/admin/dasbor/unit/disdik')).text();
    expect(html).toContain('Dinas Pendidikan');
    expect(html).toContain('Terindikasi dibobol');
    expect(html).toContain('Judul atau deskripsi halaman depan');
    expect(html).toMatch(/200 alamat halaman judi ada di peta situs\. Contoh: http:\/\/dibajak\.test:\d+\/slot\/slot-gacor-maxwin-0/);
    expect(html).toContain('Keamanan situs');
    expect(html).toContain('Riwayat 12 minggu');
    expect(html).not.toContain('Periksa ulang sekarang');
    const bacang = await (await walikota.get('/admin/dasbor/unit/bacang')).text();
    expect(bacang).toContain('Media sosial');
    expect(bacang).toMatch(/dikirim lewat Beranda|ditarik dari platform/);
  });

  it('lets admin kota queue a fresh check of a unit, and no one else', async () => {
    const before = sent.length;
    expect((await walikota.post('/admin/dasbor/unit/bacang/periksa')).status).toBe(403);
    const res = await admin.post('/admin/dasbor/unit/bacang/periksa');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/admin/dasbor/unit/bacang?ok=recheck_queued');
    expect(sent.slice(before)).toEqual([{ name: 'monitoring.check-unit', data: expect.objectContaining({ region }) }]);
    const page = await (await admin.get('/admin/dasbor/unit/bacang?ok=recheck_queued')).text();
    expect(page).toContain('Pemeriksaan ulang sudah dijadwalkan');
  });

  it('produces the PDF rapor for a period with its summary, failing units and reasons', async () => {
    const res = await walikota.get('/admin/dasbor/rapor.pdf?periode=2026-W48');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toContain('rapor-19.71-2026-W48.pdf');
    const text = await pdfText(await res.arrayBuffer());
    expect(text).toContain('Rapor Kanal Digital Kelurahan dan OPD');
    expect(text).toContain('Kota Pangkalpinang');
    expect(text).toContain('Periode: 23–29 November 2026');
    const pass = [...verdictByUnit].filter(([s, v]) => kecamatanOf.has(s) && v === 'pass').length;
    expect(text).toContain(`${pass} dari 42 kelurahan memenuhi aturan periode ini`);
    expect(text).toContain('Dinas Pendidikan');
    expect(text).toContain('Situs terindikasi dibobol');
  });

  it('produces the XLSX with one sheet per view and the same verdicts as the grid', async () => {
    const res = await walikota.get('/admin/dasbor/rapor.xlsx?periode=2026-W48');
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Ringkasan', 'Status unit', 'Peringkat', 'Per kecamatan', 'Tren', 'Konten per kanal', 'Belum memenuhi', 'Keamanan']);
    const rows: unknown[][] = [];
    wb.getWorksheet('Status unit')!.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    const header = rows.find((r) => r.includes('Unit') && r.includes('Status'))!;
    const unitCol = header.indexOf('Unit');
    const statusCol = header.indexOf('Status');
    const label: Record<string, string> = { pass: 'Memenuhi', fail: 'Tidak memenuhi', unknown: 'Belum pasti', compromised: 'Terindikasi dibobol' };
    const body = rows.slice(rows.indexOf(header) + 1);
    expect(body).toHaveLength(46);
    for (const [slug, v] of verdictByUnit) {
      const row = body.find((r) => r[unitCol] === nameBySlug.get(slug));
      expect(row?.[statusCol], slug).toBe(label[v]);
    }
  });
});
