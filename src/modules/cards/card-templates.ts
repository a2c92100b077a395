import type { CardColors, CardTemplate } from './types.js';

// Deep blue and gold read as "official" in Indonesian government design and stay legible when
// a phone screen is dimmed; a city overrides them with its own colours.
export const DEFAULT_COLORS: CardColors = { primary: '#0b4f8a', accent: '#f2b705' };

export type CardLayout = 'formal' | 'agenda' | 'ucapan';

export interface TemplateStyle {
  label: string;
  layout: CardLayout;
  /** Label background; null means the city's accent colour. */
  labelBg: string | null;
  labelFg: string;
}

export const TEMPLATE_STYLES: Record<CardTemplate, TemplateStyle> = {
  pengumuman: { label: 'PENGUMUMAN', layout: 'formal', labelBg: null, labelFg: '#1a1a1a' },
  berita: { label: 'BERITA', layout: 'formal', labelBg: '#1a1a1a', labelFg: '#ffffff' },
  layanan: { label: 'LAYANAN', layout: 'formal', labelBg: '#1b7f4a', labelFg: '#ffffff' },
  // Red is kept for warnings only, so a himbauan stands out in a feed of announcements.
  himbauan: { label: 'HIMBAUAN', layout: 'formal', labelBg: '#b3261e', labelFg: '#ffffff' },
  kegiatan: { label: 'KEGIATAN', layout: 'agenda', labelBg: null, labelFg: '#1a1a1a' },
  ucapan: { label: 'UCAPAN', layout: 'ucapan', labelBg: null, labelFg: '#1a1a1a' },
};

const HEX = /^#[0-9a-fA-F]{6}$/;

/** City colours come from settings typed by an admin; anything that is not #rrggbb is ignored. */
export function resolveColors(c: Partial<CardColors> | undefined): CardColors {
  return {
    primary: c?.primary && HEX.test(c.primary) ? c.primary : DEFAULT_COLORS.primary,
    accent: c?.accent && HEX.test(c.accent) ? c.accent : DEFAULT_COLORS.accent,
  };
}

/** Mixes a colour with white (t = 0 → colour, 1 → white), for soft backgrounds. */
export function tint(hex: string, t: number): string {
  const n = parseInt(hex.slice(1), 16);
  const mix = (v: number) => Math.round(v + (255 - v) * t);
  const r = mix((n >> 16) & 255);
  const g = mix((n >> 8) & 255);
  const b = mix(n & 255);
  return `#${((1 << 24) | (r << 16) | (g << 8) | b).toString(16).slice(1)}`;
}

/** Mixes a colour with black (t = 0 → colour, 1 → black), for gradients. */
export function shade(hex: string, t: number): string {
  const n = parseInt(hex.slice(1), 16);
  const mix = (v: number) => Math.round(v * (1 - t));
  return `#${((1 << 24) | (mix((n >> 16) & 255) << 16) | (mix((n >> 8) & 255) << 8) | mix(n & 255)).toString(16).slice(1)}`;
}

/** Black or white, whichever reads better on the given background (WCAG relative luminance). */
export function textOn(hex: string): '#1a1a1a' | '#ffffff' {
  const n = parseInt(hex.slice(1), 16);
  const lin = (v: number) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  const L = 0.2126 * lin((n >> 16) & 255) + 0.7152 * lin((n >> 8) & 255) + 0.0722 * lin(n & 255);
  // Contrast with white vs with near-black; pick the larger.
  return (1.05 / (L + 0.05) >= (L + 0.05) / 0.0611 ? '#ffffff' : '#1a1a1a');
}
