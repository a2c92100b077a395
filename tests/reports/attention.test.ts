import { describe, expect, it } from 'vitest';
import { attentionList, buildDashboard, raporPdf } from '../../src/modules/reports/index.js';
import { simulateFleet } from '../../src/fakes/report-fleet.js';
import { fixture } from './support/fixture.js';

// Issue 14, point 6: the rapor's page 1 (and the dashboard's first screen, from the same list)
// names the units that look taken over and those failing the rule, with how long they have failed.

async function pdfPages(buf: Buffer): Promise<string[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(buf), disableFontFace: true }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((it) => ('str' in it ? it.str : '')).join(' ').replace(/\s+/g, ' ').replace(/- /g, '-'));
  }
  await doc.destroy();
  return pages;
}

describe('who needs attention', () => {
  it('hijacked first, then failing with the longest run first; uncertain units are not named', () => {
    const d = buildDashboard(fixture());
    const list = attentionList(d);
    expect(list.length).toBeGreaterThan(0);
    const firstFailing = list.findIndex((i) => i.kind === 'failing');
    expect(list.slice(0, firstFailing === -1 ? list.length : firstFailing).every((i) => i.kind === 'hijacked')).toBe(true);
    expect(list.some((i) => i.kind === 'hijacked' && i.row.name === 'Air Itam')).toBe(true);
    const failing = list.filter((i) => i.kind === 'failing');
    for (let k = 1; k < failing.length; k++) expect(failing[k - 1]!.failedPeriods).toBeGreaterThanOrEqual(failing[k]!.failedPeriods);
    for (const i of list) expect(i.row.verdict === 'UNKNOWN' && i.row.alerts.length === 0).toBe(false);
    expect(failing.map((i) => i.row.name)).toContain('Sinar Bulan');
  });

  it('page 1 of the rapor names them, for a small city and for a regency of 264 units', async () => {
    const small = await pdfPages(await raporPdf(buildDashboard(fixture())));
    expect(small[0]).toContain('Perlu perhatian');
    expect(small[0]).toContain('Air Itam');
    expect(small[0]).toContain('Terindikasi dibobol');
    expect(small[0]).toContain('Sinar Bulan');

    const big = buildDashboard(simulateFleet({ kelurahan: 264, opd: 20, now: new Date('2026-11-28T04:00:00Z'), seed: 7, regionName: 'Kabupaten Simulasi' }));
    const named = attentionList(big);
    expect(named.length).toBeGreaterThan(12);
    const pages = await pdfPages(await raporPdf(big));
    // The worst twelve are on page 1, with their run; the rest are pointed at.
    for (const i of named.slice(0, 12)) expect(pages[0], i.row.name).toContain(i.row.name);
    const longest = named.find((i) => i.kind === 'failing' && i.failedPeriods > 1);
    if (longest) expect(pages[0]).toContain(`Tidak memenuhi ${longest.failedPeriods} periode berturut-turut`);
    expect(pages[0]).toContain(`dan ${named.length - 12} unit lagi`);
  });
});
