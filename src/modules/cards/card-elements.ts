import { CARD_FONT_FAMILY } from './fonts.js';

// satori takes React-shaped objects; building them directly avoids a JSX runtime in a module that
// must not depend on the web layer's hono/jsx.
export type Style = Record<string, string | number>;
export type Node = El | string | null;
export interface El {
  type: string;
  props: { style?: Style; children?: Node | Node[]; src?: string; width?: number; height?: number };
}

export const div = (style: Style, ...children: Node[]): El => ({
  type: 'div',
  props: { style: { display: 'flex', ...style }, children: children.filter((c) => c !== null) },
});

/**
 * A text block that wraps and, past `lines` lines, ends with "…" instead of spilling over the
 * card. Long words (URLs, names without spaces) are broken rather than pushed off the edge.
 */
export const clampedText = (text: string, lines: number, style: Style): El => ({
  type: 'div',
  props: {
    style: { display: 'block', lineClamp: lines, wordBreak: 'break-word', overflow: 'hidden', ...style },
    children: text,
  },
});

export const img = (src: string, size: number, style: Style = {}): El => ({
  type: 'img',
  props: { src, width: size, height: size, style: { width: size, height: size, objectFit: 'contain', ...style } },
});

export const rootStyle = (width: number, height: number): Style => ({
  width,
  height,
  flexDirection: 'column',
  fontFamily: CARD_FONT_FAMILY,
  backgroundColor: '#ffffff',
});

/** Collapses white space: staff paste text from WhatsApp with stray line breaks. */
export const oneLine = (s: string): string => s.replace(/\s+/g, ' ').trim();
