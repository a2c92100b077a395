import type { Verdict } from './types.js';

// Shared pieces of the server-rendered charts. Every chart states its meaning in text (titles,
// labels, values, a <desc> with the numbers) and uses shapes or patterns next to colour, so it
// reads on a projector, in grey print, with colour blindness and without JavaScript.

export const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export const FONT = "'Noto Sans', system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";

/** Colour plus a distinct marker shape per verdict (never colour alone). Colours pass 3:1 on white. */
export const VERDICT_STYLE: Record<Verdict | 'NONE', { color: string; shape: 'circle' | 'square' | 'triangle' | 'diamond' | 'ring' }> = {
  PASS: { color: '#1a7f37', shape: 'circle' },
  FAIL: { color: '#c62828', shape: 'square' },
  UNKNOWN: { color: '#8a5a00', shape: 'triangle' },
  COMPROMISED: { color: '#5b21b6', shape: 'diamond' },
  NONE: { color: '#6b7280', shape: 'ring' },
};

export function marker(shape: (typeof VERDICT_STYLE)[Verdict]['shape'], x: number, y: number, r: number, color: string): string {
  const f = (n: number) => n.toFixed(1);
  switch (shape) {
    case 'circle':
      return `<circle cx="${f(x)}" cy="${f(y)}" r="${f(r)}" fill="${color}" stroke="#fff" stroke-width="1"/>`;
    case 'square':
      return `<rect x="${f(x - r)}" y="${f(y - r)}" width="${f(2 * r)}" height="${f(2 * r)}" fill="${color}" stroke="#fff" stroke-width="1"/>`;
    case 'triangle':
      return `<path d="M${f(x)} ${f(y - r * 1.2)}L${f(x + r * 1.1)} ${f(y + r * 0.9)}L${f(x - r * 1.1)} ${f(y + r * 0.9)}Z" fill="${color}" stroke="#fff" stroke-width="1"/>`;
    case 'diamond':
      return `<path d="M${f(x)} ${f(y - r * 1.3)}L${f(x + r * 1.3)} ${f(y)}L${f(x)} ${f(y + r * 1.3)}L${f(x - r * 1.3)} ${f(y)}Z" fill="${color}" stroke="#fff" stroke-width="1"/>`;
    case 'ring':
      return `<circle cx="${f(x)}" cy="${f(y)}" r="${f(r * 0.8)}" fill="#fff" stroke="${color}" stroke-width="2"/>`;
  }
}

/** Channel fill: a colour and a pattern, so stacked bars can be told apart in grey. */
export const CHANNEL_PALETTE = ['#1d4ed8', '#b45309', '#047857', '#be185d', '#4b5563', '#7c3aed', '#0e7490', '#a16207'];
const PATTERNS = ['solid', 'diag', 'dots', 'cross', 'horiz', 'vert', 'diag2', 'grid'] as const;

export function channelPatternDefs(idPrefix: string, count: number): string {
  let out = '';
  for (let i = 0; i < count; i++) {
    const c = CHANNEL_PALETTE[i % CHANNEL_PALETTE.length]!;
    const p = PATTERNS[i % PATTERNS.length]!;
    const id = `${idPrefix}-p${i}`;
    const base = `<rect width="8" height="8" fill="${c}"/>`;
    const line = (d: string) => `<path d="${d}" stroke="#fff" stroke-width="1.6"/>`;
    const body =
      p === 'solid' ? base
      : p === 'diag' ? base + line('M-2 2L2 -2M0 8L8 0M6 10L10 6')
      : p === 'dots' ? `${base}<circle cx="4" cy="4" r="1.6" fill="#fff"/>`
      : p === 'cross' ? base + line('M0 0L8 8M8 0L0 8')
      : p === 'horiz' ? base + line('M0 4H8')
      : p === 'vert' ? base + line('M4 0V8')
      : p === 'diag2' ? base + line('M-2 6L2 10M0 0L8 8M6 -2L10 2')
      : base + line('M0 4H8M4 0V8');
    out += `<pattern id="${id}" width="8" height="8" patternUnits="userSpaceOnUse">${body}</pattern>`;
  }
  return out;
}

export const pct = (r: number) => `${Math.round(r * 100)}%`;

/** A document-unique id prefix, so several charts can sit inline on one page. */
export const safeId = (s: string) => s.replace(/[^a-zA-Z0-9_-]/g, '-');
