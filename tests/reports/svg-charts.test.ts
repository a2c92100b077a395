import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { chartWords } from '../../src/i18n/chart-words.js';
import { buildDashboard } from '../../src/modules/reports/build-dashboard.js';
import { mapSvg } from '../../src/modules/reports/map-svg.js';
import { renderDashboardCharts } from '../../src/modules/reports/render-dashboard-charts.js';
import { fixture } from './support/fixture.js';

const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);

describe('server-rendered SVG charts', () => {
  const d = buildDashboard(fixture());
  const charts = renderDashboardCharts(d, chartWords(), { linkFor: (r) => `/dashboard/unit/${r.id}` });

  it('are well-formed, titled and described for screen readers', () => {
    for (const [name, svg] of Object.entries(charts)) {
      expect(XMLValidator.validate(svg), name).toBe(true);
      expect(svg, name).toMatch(/role="img"/);
      expect(svg, name).toMatch(/<title id="[^"]+">[^<]+<\/title><desc id="[^"]+">[^<]+<\/desc>/);
    }
    // The titles are the caller's words (ChartWords from the reports catalogue), as before.
    expect(charts.trend).toContain('>Persen kelurahan yang memenuhi aturan, 12 minggu terakhir</text>');
    expect(charts.channels).toContain('>Jumlah konten per minggu menurut kanal</text>');
    expect(charts.map).toContain('Peta status kelurahan');
    expect(renderDashboardCharts(d, chartWords('en')).channels).not.toContain('Jumlah konten');
  });

  it('writes the trend values and weeks as text, not only as a line', () => {
    const t = texts(charts.trend);
    expect(t).toContain('75%'); // week 1: 3 of 4
    expect(t).toContain('80%');
    expect(t).toContain('40%');
    expect(t).toContain('23/11'); // the current week's Monday
    expect(charts.trend).toContain('40% (2/5)');
  });

  it('labels every kecamatan with its current value', () => {
    const t = texts(charts.kecamatanTrend);
    expect(t).toEqual(expect.arrayContaining(['Bukit Intan', '33%', 'Taman Sari', '50%']));
  });

  it('shows channel totals, a legend in words, and a pattern per channel', () => {
    const t = texts(charts.channels);
    expect(t).toEqual(expect.arrayContaining(['Situs web', 'Facebook', '8']));
    expect(charts.channels.match(/<pattern /g)!.length).toBe(d.channels.channels.length);
  });

  it('places kelurahan on the map with a shape and a text per verdict, linked to the drill-down', () => {
    const map = charts.map;
    // 4 of the 5 kelurahan have a location; the fifth is mentioned, not dropped.
    expect(map.match(/<a href="\/dashboard\/unit\//g)!.length).toBe(4);
    expect(map).toContain('<title>Air Itam — Terindikasi dibobol</title>');
    expect(map).toContain('<title>Bacang — Memenuhi</title>');
    expect(texts(map)).toEqual(expect.arrayContaining(['Memenuhi (1)', 'Tidak memenuhi (1)', 'Belum pasti (1)', 'Terindikasi dibobol (1)', '1 unit belum punya titik lokasi kantor']));
    // Each verdict has its own shape: PASS circle, FAIL square, UNKNOWN triangle, COMPROMISED diamond.
    const marker = (name: string) => new RegExp(`<title>${name} — [^<]+</title><(\\w+)`).exec(map)![1];
    expect([marker('Bacang'), marker('Sinar Bulan'), marker('Air Itam')]).toEqual(['circle', 'rect', 'path']);
    expect(map).not.toContain('Dinas Komunikasi'); // OPD are not kelurahan points by default
  });

  it('projects north up and east right', () => {
    const d2 = buildDashboard(fixture());
    const svg = mapSvg(d2.rows.filter((r) => r.id === 'bacang' || r.id === 'air-itam'), chartWords());
    const pos = (name: string) => {
      const m = new RegExp(`<title>${name} — [^<]+</title><(?:circle cx="([\\d.]+)" cy="([\\d.]+)"|path d="M([\\d.]+) ([\\d.]+))`).exec(svg)!;
      return { x: Number(m[1] ?? m[3]), y: Number(m[2] ?? m[4]) };
    };
    const bacang = pos('Bacang'); // -2.12, 106.12 (north-east)
    const air = pos('Air Itam'); // -2.15, 106.10 (south-west)
    expect(bacang.x).toBeGreaterThan(air.x);
    expect(bacang.y).toBeLessThan(air.y);
  });

  it('escapes unit names', () => {
    const d2 = buildDashboard({ ...fixture(), units: fixture().units.map((u) => ({ ...u, name: `${u.name} <b>&` })) });
    const svg = mapSvg(d2.rows, chartWords());
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).toContain('Bacang &lt;b&gt;&amp;');
  });
});
