import { FONT, VERDICT_STYLE, esc, marker, safeId } from './svg-util.js';
import type { ChartWords } from './chart-words.js';
import { type Lang } from './text.js';
import type { Verdict } from './types.js';
import { type UnitRow, verdictLabel } from './unit-rows.js';

export interface MapOptions {
  width?: number;
  height?: number;
  lang?: Lang;
  id?: string;
  title?: string;
  /** Drill-down link per unit; the markers become plain links (no JavaScript needed). */
  linkFor?: (row: UnitRow) => string | null;
  /** Write unit names next to markers; default only for up to 20 units (names are in each marker's title). */
  labels?: boolean;
}

/**
 * Units as markers at their office location, coloured and shaped by verdict, kecamatan names at
 * the middle of their units, and a legend in words. No map tiles: a plain equirectangular
 * projection is accurate enough at city scale (cos(latitude) keeps the shapes right); tiles can
 * be laid under it as an enhancement because the SVG keeps the bounds in data attributes.
 */
export function mapSvg(rows: readonly UnitRow[], words: ChartWords, opts: MapOptions = {}): string {
  const lang = opts.lang ?? 'id';
  const W = opts.width ?? 720;
  const H = opts.height ?? 560;
  const id = safeId(opts.id ?? 'peta');
  const title = opts.title ?? words.mapTitle;
  const placed = rows.filter((r) => r.location && Number.isFinite(r.location.lat) && Number.isFinite(r.location.lng));
  const missing = rows.length - placed.length;
  const legendKeys: (Verdict | 'NONE')[] = ['PASS', 'FAIL', 'UNKNOWN', 'COMPROMISED', 'NONE'];
  const counts: Record<Verdict | 'NONE', number> = { PASS: 0, FAIL: 0, UNKNOWN: 0, COMPROMISED: 0, NONE: 0 };
  for (const u of placed) counts[u.verdict ?? 'NONE']++;
  // Legend items flow left to right and wrap, so long Indonesian labels never overlap.
  const legendItems: { v: Verdict | 'NONE'; text: string; x: number; line: number }[] = [];
  {
    let lx = 16;
    let line = 0;
    for (const v of legendKeys) {
      const text = `${verdictLabel(v === 'NONE' ? null : v, lang)} (${counts[v]})`;
      const w = 24 + text.length * 7;
      if (lx + w > W - 16 && lx > 16) {
        lx = 16;
        line++;
      }
      legendItems.push({ v, text, x: lx, line });
      lx += w + 12;
    }
  }
  const legendH = 12 + (legendItems[legendItems.length - 1]!.line + 1) * 20;
  const m = { l: 16, r: 16, t: 40, b: legendH + (missing > 0 ? 22 : 4) };
  const pw = W - m.l - m.r;
  const ph = H - m.t - m.b;

  let minLat = Infinity, maxLat = -Infinity, minLng = Infinity, maxLng = -Infinity;
  for (const r of placed) {
    const { lat, lng } = r.location!;
    if (lat < minLat) minLat = lat;
    if (lat > maxLat) maxLat = lat;
    if (lng < minLng) minLng = lng;
    if (lng > maxLng) maxLng = lng;
  }
  const midLat = placed.length ? (minLat + maxLat) / 2 : 0;
  const k = Math.cos((midLat * Math.PI) / 180);
  const spanX = Math.max(1e-4, (maxLng - minLng) * k);
  const spanY = Math.max(1e-4, maxLat - minLat);
  const scale = Math.min(pw / spanX, ph / spanY) * 0.92;
  const ox = m.l + (pw - spanX * scale) / 2;
  const oy = m.t + (ph - spanY * scale) / 2;
  const px = (lng: number) => ox + (lng - minLng) * k * scale;
  const py = (lat: number) => oy + (maxLat - lat) * scale;

  const r = placed.length > 2000 ? 2.2 : placed.length > 300 ? 3.5 : 7;
  const showLabels = opts.labels ?? placed.length <= 20;

  // Kecamatan names at the centroid of their units, drawn first so markers sit on top.
  const groups = new Map<string, { name: string; x: number; y: number; n: number }>();
  for (const u of placed) {
    if (!u.kecamatanName) continue;
    const g = groups.get(u.kecamatanName) ?? { name: u.kecamatanName, x: 0, y: 0, n: 0 };
    g.x += px(u.location!.lng);
    g.y += py(u.location!.lat);
    g.n++;
    groups.set(u.kecamatanName, g);
  }
  let kec = '';
  if (groups.size <= 60) {
    for (const g of groups.values()) {
      kec += `<text x="${(g.x / g.n).toFixed(1)}" y="${(g.y / g.n).toFixed(1)}" text-anchor="middle" font-size="13" font-weight="700" fill="#9ca3af" opacity="0.9">${esc(g.name.toUpperCase())}</text>`;
    }
  }

  let marks = '';
  for (const u of placed) {
    const key = u.verdict ?? 'NONE';
    const st = VERDICT_STYLE[key];
    const x = px(u.location!.lng);
    const y = py(u.location!.lat);
    const label = `${u.name} — ${verdictLabel(u.verdict, lang)}`;
    let g = `<g><title>${esc(label)}</title>${marker(st.shape, x, y, r, st.color)}`;
    if (showLabels) g += `<text x="${(x + r + 3).toFixed(1)}" y="${(y + 4).toFixed(1)}" font-size="10" fill="#111827">${esc(u.name)}</text>`;
    g += '</g>';
    const href = opts.linkFor?.(u);
    marks += href ? `<a href="${esc(href)}" aria-label="${esc(label)}">${g}</a>` : g;
  }

  let legend = '';
  for (const it of legendItems) {
    const st = VERDICT_STYLE[it.v];
    const ly = H - m.b + 22 + it.line * 20;
    legend += marker(st.shape, it.x + 7, ly - 4, 6, st.color);
    legend += `<text x="${it.x + 18}" y="${ly}" font-size="12" fill="#111827">${esc(it.text)}</text>`;
  }
  const note = missing > 0
    ? `<text x="${m.l}" y="${H - 8}" font-size="12" fill="#374151">${esc(words.noLocation(missing))}</text>`
    : '';
  const desc = legendKeys.map((v) => `${verdictLabel(v === 'NONE' ? null : v, lang)}: ${counts[v]}`).join(', ');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="100%" role="img" aria-labelledby="${id}-t ${id}-d" font-family="${esc(FONT)}"` +
    (placed.length ? ` data-bounds="${minLng},${minLat},${maxLng},${maxLat}"` : '') + `>` +
    `<title id="${id}-t">${esc(title)}</title><desc id="${id}-d">${esc(desc)}</desc>` +
    `<rect width="${W}" height="${H}" fill="#f8fafc"/>` +
    `<text x="${m.l}" y="24" font-size="15" font-weight="700" fill="#111827">${esc(title)}</text>` +
    kec + marks + legend + note +
    `</svg>`
  );
}
