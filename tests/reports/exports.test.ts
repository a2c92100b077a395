import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDashboard } from '../../src/modules/reports/build-dashboard.js';
import { raporPdf } from '../../src/modules/reports/rapor-pdf.js';
import { raporXlsx } from '../../src/modules/reports/rapor-xlsx.js';
import { fixture } from './support/fixture.js';

async function pdfPages(buf: Buffer): Promise<string[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(buf), disableFontFace: true }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((it) => ('str' in it ? it.str + (it.hasEOL ? '\n' : '') : '')).join(''));
  }
  await doc.destroy();
  return pages;
}

describe('PDF rapor', () => {
  let pages: string[];
  let text: string;
  beforeAll(async () => {
    const pdf = await raporPdf(buildDashboard(fixture()));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    pages = await pdfPages(pdf);
    // Table cells wrap, so compare with whitespace collapsed.
    text = pages.join('\n').replace(/\s+/g, ' ');
  });

  it('states the period and the time of generation in WIB on the cover and every page footer', () => {
    expect(pages[0]).toContain('Rapor Kanal Digital Kelurahan dan OPD');
    expect(pages[0]).toContain('Kota Pangkalpinang');
    expect(pages[0]).toContain('Periode: 23–29 November 2026');
    for (const p of pages) expect(p).toContain('Dibuat: Sabtu, 28 November 2026 11.15 WIB');
    expect(pages.at(-1)).toContain(`Halaman ${pages.length} dari ${pages.length}`);
  });

  it('has the summary in words and numbers', () => {
    expect(text).toContain('2 dari 5 kelurahan memenuhi aturan periode ini (40%).');
    expect(text).toContain('1 dari 1 OPD memenuhi aturan periode ini (100%).');
  });

  it('has the per-kecamatan standing, the ranking in order, and each kecamatan table', () => {
    expect(text).toMatch(/1\s*Taman Sari\s*2\s*1/);
    const order = ['Bacang', 'Kejaksaan', 'Sinar Bulan', 'Air Itam', 'Rawa Bangun'].map((n) => text.indexOf(n, text.indexOf('Peringkat Kelurahan')));
    expect(order.every((i, k) => i > 0 && (k === 0 || i > order[k - 1]!))).toBe(true);
    expect(text).toContain('Informatif');
    expect(text).toContain('Memenuhi 4 minggu berturut-turut');
    expect(text).toContain('Kecamatan Bukit Intan');
    expect(text).toContain('Kecamatan Taman Sari');
  });

  it('lists failing units with their reasons and the integrity alerts', () => {
    const failing = text.slice(text.indexOf('Unit yang belum memenuhi dan alasannya'));
    expect(failing).toContain('Sinar Bulan');
    // The data carries reason codes; the rapor says them in the catalogue's words.
    expect(failing).toContain('Belum ada konten baru');
    expect(failing).toContain('Terindikasi dibobol');
    const alerts = text.slice(text.indexOf('Peringatan keamanan situs'));
    expect(alerts).toContain('Air Itam');
    expect(alerts).toContain('Kata-kata promosi judi');
    expect(alerts).not.toContain('spam_in_home');
  });

  it('sends a large city to the spreadsheet for the long lists instead of printing thousands of rows', async () => {
    const big = await pdfPages(await raporPdf(buildDashboard(fixture()), { maxDetailUnits: 2, maxFailingRows: 1, maxRankingRows: 2 }));
    const all = big.join('\n').replace(/\s+/g, ' ');
    expect(all).toContain('Ada 5 kelurahan, terlalu banyak untuk dicetak satu per satu.');
    expect(all).toContain('Ditampilkan 1 dari 3 unit, yang paling parah lebih dulu.');
    expect(all).toContain('Ditampilkan 1 teratas dan 1 terbawah dari 5 unit.');
    expect(all).not.toContain('Kecamatan Bukit Intan');
  });
});

describe('XLSX rapor', () => {
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    const buf = await raporXlsx(buildDashboard(fixture()));
    wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  });
  const rowsOf = (name: string) => {
    const ws = wb.getWorksheet(name)!;
    const out: unknown[][] = [];
    ws.eachRow((r) => out.push((r.values as unknown[]).slice(1)));
    return out;
  };

  it('has one sheet per view, in Indonesian', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Ringkasan', 'Status unit', 'Peringkat', 'Per kecamatan', 'Tren', 'Konten per kanal', 'Belum memenuhi', 'Keamanan',
    ]);
  });

  it('states the period and generation time, and keeps counts as numbers', () => {
    const rows = rowsOf('Ringkasan');
    expect(rows[1]).toEqual(['Periode: 23–29 November 2026']);
    expect(rows[2]).toEqual(['Dibuat: Sabtu, 28 November 2026 11.15 WIB']);
    const kel = rows.find((r) => r[0] === 'Kelurahan')!;
    expect(kel.slice(1)).toEqual([5, 2, 1, 1, 1, 0, 0.4]);
  });

  it('has the status grid grouped by kecamatan with each channel', () => {
    const rows = rowsOf('Status unit');
    const header = rows.find((r) => r[0] === 'Kecamatan')!;
    expect(header).toEqual(expect.arrayContaining(['Unit', 'Status', 'Situs web', 'Facebook (unggahan terakhir)', 'Nilai']));
    const bacang = rows.find((r) => r[1] === 'Bacang')!;
    const col = (name: string) => header.indexOf(name);
    expect(bacang[col('Kecamatan')]).toBe('Bukit Intan');
    expect(bacang[col('Status')]).toBe('Memenuhi');
    expect(bacang[col('Konten periode ini')]).toBe(3);
    expect(bacang[col('Facebook (unggahan terakhir)')]).toBe('kel.bacang (23 Nov 2026)');
    expect(bacang[col('Nilai')]).toBe(100);
    const units = rows.slice(rows.indexOf(header) + 1).map((r) => r[1]);
    expect(units).toEqual(['Air Itam', 'Bacang', 'Sinar Bulan', 'Kejaksaan', 'Rawa Bangun', 'Dinas Komunikasi dan Informatika']);
  });

  it('has the ranking with the score parts, the trend and the items per channel', () => {
    const rank = rowsOf('Peringkat');
    const first = rank.find((r) => r[1] === 'Bacang')!;
    expect(first.slice(0, 10)).toEqual([1, 'Bacang', 'Kelurahan', 'Bukit Intan', 100, 35, 20, 20, 15, 10]);
    const trend = rowsOf('Tren');
    const th = trend.find((r) => r[0] === 'Periode')!;
    expect(th).toEqual(['Periode', 'Seluruh kota', 'Bukit Intan', 'Taman Sari']);
    expect(trend.at(-1)).toEqual(['23 Nov 2026', 0.4, 1 / 3, 0.5]);
    const ch = rowsOf('Konten per kanal');
    expect(ch.at(-1)).toEqual(['23 Nov 2026', 6, 2, 8]);
    const fail = rowsOf('Belum memenuhi');
    expect(fail.map((r) => r[0])).toEqual(expect.arrayContaining(['Air Itam', 'Sinar Bulan', 'Rawa Bangun']));
    expect(rowsOf('Keamanan').find((r) => r[0] === 'Air Itam')![3]).toBe('Kata-kata promosi judi ditemukan di halaman depan (slot gacor).');
    expect(fail.find((r) => r[0] === 'Sinar Bulan')).toContain('Belum ada konten baru pada periode ini (minimal 1).');
  });
});
