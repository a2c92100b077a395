import { PLATFORMS } from '../channels/index.js';
import { CHANNEL_PALETTE, FONT, channelPatternDefs, esc, safeId } from './svg-util.js';
import type { ChartWords } from './chart-words.js';
import { shortPeriodLabel } from './text.js';
import type { ItemsByChannel } from './trend.js';

/** Channel ids as people say them. Unknown channels keep their id. */
export const CHANNEL_NAMES: Record<string, string> = {
  website: 'Situs web',
  // The API platforms as their descriptors name them.
  facebook: PLATFORMS.facebook.name,
  instagram: PLATFORMS.instagram.name,
  tiktok: PLATFORMS.tiktok.name,
  youtube: 'YouTube',
  x: 'X',
  whatsapp: 'WhatsApp',
};
export const channelName = (c: string) => CHANNEL_NAMES[c] ?? c;

/** Stacked bars of content items per week, each channel a colour and a pattern, totals on top. */
export function channelChartSvg(data: ItemsByChannel, words: ChartWords, opts: { width?: number; height?: number; id?: string; title?: string; fixedSize?: boolean } = {}): string {
  const W = opts.width ?? 720;
  const H = opts.height ?? 300;
  const id = safeId(opts.id ?? 'konten-kanal');
  const title = opts.title ?? words.channelsTitle;
  const legendRows = Math.ceil(data.channels.length / 4);
  const m = { l: 48, r: 16, t: 40 + legendRows * 20, b: 34 };
  const pw = W - m.l - m.r;
  const ph = H - m.t - m.b;
  const n = Math.max(1, data.weeks.length);
  const max = Math.max(1, ...data.weeks.map((w) => w.total));
  const step = niceStep(max);
  const top = Math.ceil(max / step) * step;
  const slot = pw / n;
  const bw = Math.min(44, slot * 0.7);
  const y = (v: number) => m.t + ph * (1 - v / top);

  let grid = '';
  for (let v = 0; v <= top; v += step) {
    grid += `<line x1="${m.l}" x2="${W - m.r}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}" stroke="#e5e7eb"/>`;
    grid += `<text x="${m.l - 6}" y="${(y(v) + 4).toFixed(1)}" text-anchor="end" font-size="11" fill="#374151">${v.toLocaleString('id-ID')}</text>`;
  }
  let legend = '';
  data.channels.forEach((c, i) => {
    const lx = m.l + (i % 4) * (pw / 4);
    const ly = 34 + Math.floor(i / 4) * 20;
    legend += `<rect x="${lx}" y="${ly}" width="14" height="14" fill="url(#${id}-p${i})" stroke="${CHANNEL_PALETTE[i % CHANNEL_PALETTE.length]}"/>`;
    legend += `<text x="${lx + 20}" y="${ly + 12}" font-size="12" fill="#111827">${esc(channelName(c))}</text>`;
  });
  let bars = '';
  const desc: string[] = [];
  data.weeks.forEach((w, i) => {
    const cx = m.l + slot * i + slot / 2;
    let acc = 0;
    const parts: string[] = [];
    data.channels.forEach((c, ci) => {
      const v = w.byChannel[c] ?? 0;
      if (!v) return;
      const y1 = y(acc + v);
      const h = y(acc) - y1;
      bars += `<rect x="${(cx - bw / 2).toFixed(1)}" y="${y1.toFixed(1)}" width="${bw.toFixed(1)}" height="${h.toFixed(1)}" fill="url(#${id}-p${ci})"><title>${esc(`${channelName(c)}: ${v}`)}</title></rect>`;
      acc += v;
      parts.push(`${channelName(c)} ${v}`);
    });
    const wk = shortPeriodLabel(w.periodStart);
    bars += `<text x="${cx.toFixed(1)}" y="${(y(acc) - 4).toFixed(1)}" text-anchor="middle" font-size="11" font-weight="600" fill="#111827">${w.total.toLocaleString('id-ID')}</text>`;
    bars += `<text x="${cx.toFixed(1)}" y="${H - m.b + 16}" text-anchor="middle" font-size="11" fill="#374151">${esc(wk)}</text>`;
    desc.push(`${wk}: ${w.total}${parts.length ? ` (${parts.join(', ')})` : ''}`);
  });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" ${opts.fixedSize ? `width="${W}" height="${H}"` : 'width="100%"'} role="img" aria-labelledby="${id}-t ${id}-d" font-family="${esc(FONT)}">` +
    `<title id="${id}-t">${esc(title)}</title><desc id="${id}-d">${esc(desc.join('; '))}</desc>` +
    `<defs>${channelPatternDefs(id, data.channels.length)}</defs>` +
    `<rect width="${W}" height="${H}" fill="#fff"/>` +
    `<text x="${m.l}" y="22" font-size="15" font-weight="700" fill="#111827">${esc(title)}</text>` +
    legend + grid + bars +
    `</svg>`
  );
}

function niceStep(max: number): number {
  const raw = max / 4;
  const mag = 10 ** Math.floor(Math.log10(raw));
  for (const f of [1, 2, 2.5, 5, 10]) if (raw <= f * mag) return Math.max(1, f * mag);
  return Math.max(1, 10 * mag);
}
