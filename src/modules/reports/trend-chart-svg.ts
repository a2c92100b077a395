import { FONT, esc, pct, safeId } from './svg-util.js';
import type { ChartWords } from './chart-words.js';
import { shortPeriodLabel } from './text.js';
import type { TrendSeries } from './trend.js';

export interface TrendChartOptions {
  title?: string;
  width?: number;
  height?: number;
  id?: string;
  /** Fixed pixel size instead of width="100%" (for the PDF, whose SVG renderer needs it). */
  fixedSize?: boolean;
}

/**
 * A line chart of the weekly pass rate (0–100%) with every value written next to its point, the
 * week under each point, and the numbers again in <desc> for screen readers.
 */
export function trendChartSvg(series: TrendSeries, words: ChartWords, opts: TrendChartOptions = {}): string {
  const W = opts.width ?? 720;
  const H = opts.height ?? 280;
  const id = safeId(opts.id ?? 'tren-kota');
  const title = opts.title ?? words.trendTitle;
  const m = { l: 48, r: 16, t: 40, b: 40 };
  const pw = W - m.l - m.r;
  const ph = H - m.t - m.b;
  const n = series.points.length;
  // Inset the first and last point so their labels are not clipped at the edges.
  const inset = 18;
  const x = (i: number) => m.l + inset + (n <= 1 ? (pw - 2 * inset) / 2 : ((pw - 2 * inset) * i) / (n - 1));
  const y = (r: number) => m.t + ph * (1 - r);

  let grid = '';
  for (const g of [0, 0.25, 0.5, 0.75, 1]) {
    grid += `<line x1="${m.l}" x2="${W - m.r}" y1="${y(g).toFixed(1)}" y2="${y(g).toFixed(1)}" stroke="#d1d5db" stroke-width="1"/>`;
    grid += `<text x="${m.l - 6}" y="${(y(g) + 4).toFixed(1)}" text-anchor="end" font-size="12" fill="#374151">${pct(g)}</text>`;
  }
  // Break the line where a week has no assessed units instead of drawing through zero.
  let path = '';
  let pen = false;
  let points = '';
  let labels = '';
  const desc: string[] = [];
  series.points.forEach((p, i) => {
    const wk = shortPeriodLabel(p.periodStart);
    labels += `<text x="${x(i).toFixed(1)}" y="${H - m.b + 18}" text-anchor="middle" font-size="11" fill="#374151">${esc(wk)}</text>`;
    if (p.rate === null) {
      pen = false;
      desc.push(`${wk}: ${words.noData}`);
      return;
    }
    path += `${pen ? 'L' : 'M'}${x(i).toFixed(1)} ${y(p.rate).toFixed(1)}`;
    pen = true;
    points += `<circle cx="${x(i).toFixed(1)}" cy="${y(p.rate).toFixed(1)}" r="3.5" fill="#1d4ed8"/>`;
    points += `<text x="${x(i).toFixed(1)}" y="${(y(p.rate) - 8).toFixed(1)}" text-anchor="middle" font-size="11" font-weight="600" fill="#111827">${pct(p.rate)}</text>`;
    desc.push(`${wk}: ${pct(p.rate)} (${p.pass}/${p.assessed})`);
  });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" ${opts.fixedSize ? `width="${W}" height="${H}"` : 'width="100%"'} role="img" aria-labelledby="${id}-t ${id}-d" font-family="${esc(FONT)}">` +
    `<title id="${id}-t">${esc(title)} — ${esc(series.name)}</title><desc id="${id}-d">${esc(desc.join('; '))}</desc>` +
    `<rect width="${W}" height="${H}" fill="#fff"/>` +
    `<text x="${m.l}" y="22" font-size="15" font-weight="700" fill="#111827">${esc(title)}</text>` +
    grid +
    (path ? `<path d="${path}" fill="none" stroke="#1d4ed8" stroke-width="2.5"/>` : '') +
    points +
    labels +
    `</svg>`
  );
}

/** Small multiples: one mini chart per kecamatan with its name and this week's value in words. */
export function kecamatanTrendSvg(series: readonly TrendSeries[], words: ChartWords, opts: TrendChartOptions & { columns?: number } = {}): string {
  const id = safeId(opts.id ?? 'tren-kecamatan');
  const title = opts.title ?? words.kecamatanTitle;
  const cols = Math.max(1, opts.columns ?? 3);
  const W = opts.width ?? 720;
  const cellW = W / cols;
  const cellH = 96;
  const rows = Math.ceil(series.length / cols);
  const H = 36 + rows * cellH;
  let body = '';
  const desc: string[] = [];
  series.forEach((s, idx) => {
    const cx = (idx % cols) * cellW;
    const cy = 36 + Math.floor(idx / cols) * cellH;
    const px = cx + 10;
    const pw = cellW - 20;
    const py = cy + 30;
    const ph = cellH - 44;
    const n = s.points.length;
    const last = [...s.points].reverse().find((p) => p.rate !== null);
    const name = s.name || words.noKecamatan;
    body += `<text x="${px}" y="${cy + 14}" font-size="13" font-weight="700" fill="#111827">${esc(name)}</text>`;
    body += `<text x="${cx + cellW - 10}" y="${cy + 14}" text-anchor="end" font-size="13" font-weight="600" fill="#1d4ed8">${last ? pct(last.rate!) : '—'}</text>`;
    body += `<rect x="${px}" y="${py}" width="${pw}" height="${ph}" fill="#f3f4f6"/>`;
    body += `<line x1="${px}" x2="${px + pw}" y1="${py + ph / 2}" y2="${py + ph / 2}" stroke="#d1d5db" stroke-dasharray="3 3"/>`;
    let d = '';
    let pen = false;
    s.points.forEach((p, i) => {
      if (p.rate === null) {
        pen = false;
        return;
      }
      const x = px + (n <= 1 ? pw / 2 : (pw * i) / (n - 1));
      const y = py + ph * (1 - p.rate);
      d += `${pen ? 'L' : 'M'}${x.toFixed(1)} ${y.toFixed(1)}`;
      pen = true;
    });
    if (d) body += `<path d="${d}" fill="none" stroke="#1d4ed8" stroke-width="2"/>`;
    desc.push(`${name}: ${s.points.map((p) => (p.rate === null ? '—' : pct(p.rate))).join(', ')}`);
  });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="100%" role="img" aria-labelledby="${id}-t ${id}-d" font-family="${esc(FONT)}">` +
    `<title id="${id}-t">${esc(title)}</title><desc id="${id}-d">${esc(desc.join('. '))}</desc>` +
    `<rect width="${W}" height="${H}" fill="#fff"/>` +
    `<text x="10" y="22" font-size="15" font-weight="700" fill="#111827">${esc(title)}</text>` +
    body +
    `</svg>`
  );
}
