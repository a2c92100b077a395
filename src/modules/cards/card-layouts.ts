import { type El, type Node, clampedText, div, img, oneLine, rootStyle } from './card-elements.js';
import { type TemplateStyle, shade, tint, textOn } from './card-templates.js';
import { formatDateWib, wibDateParts } from './format-date-wib.js';
import type { CardColors, CardInput, CardSize } from './types.js';
import { CARD_SIZES } from './types.js';

export interface LayoutContext {
  input: CardInput;
  colors: CardColors;
  style: TemplateStyle;
  /** Logo as a data: URI, already resized. */
  logo: string | null;
}

interface Metrics {
  pad: number;
  headerH: number;
  logo: number;
  authority: number;
  unit: number;
  label: number;
  titleLines: number;
  text: number;
  textLines: number;
  footer: number;
}

const METRICS: Record<CardSize, Metrics> = {
  portrait: { pad: 72, headerH: 190, logo: 112, authority: 24, unit: 40, label: 28, titleLines: 5, text: 36, textLines: 6, footer: 30 },
  story: { pad: 80, headerH: 240, logo: 136, authority: 28, unit: 46, label: 32, titleLines: 7, text: 40, textLines: 9, footer: 34 },
  og: { pad: 56, headerH: 118, logo: 78, authority: 18, unit: 30, label: 22, titleLines: 3, text: 26, textLines: 2, footer: 22 },
};

/** Shorter titles get bigger type; long ones shrink a step before being clamped. */
export function titleFontSize(size: CardSize, title: string): number {
  const n = oneLine(title).length;
  const steps: Record<CardSize, number[]> = { portrait: [88, 76, 64, 56], story: [100, 88, 76, 66], og: [60, 52, 46, 42] };
  const s = steps[size];
  return n <= 35 ? s[0]! : n <= 70 ? s[1]! : n <= 110 ? s[2]! : s[3]!;
}

const INK = '#111827';
const BODY = '#374151';

function header(ctx: LayoutContext, m: Metrics): El {
  const fg = textOn(ctx.colors.primary);
  return div(
    { height: m.headerH, backgroundColor: ctx.colors.primary, alignItems: 'center', padding: `0 ${m.pad}px`, flexShrink: 0 },
    ctx.logo
      ? div(
          {
            width: m.logo + 16, height: m.logo + 16, borderRadius: (m.logo + 16) / 2, backgroundColor: '#ffffff',
            alignItems: 'center', justifyContent: 'center', marginRight: Math.round(m.pad / 2.5), flexShrink: 0,
          },
          img(ctx.logo, m.logo),
        )
      : null,
    div(
      { flexDirection: 'column', flexGrow: 1, flexShrink: 1 },
      ctx.input.authority
        ? clampedText(ctx.input.authority.toUpperCase(), 1, { fontSize: m.authority, color: fg, letterSpacing: 2, opacity: 0.9 })
        : null,
      clampedText(oneLine(ctx.input.unitName), 2, { fontSize: m.unit, fontWeight: 700, color: fg, lineHeight: 1.15 }),
    ),
  );
}

const accentStrip = (ctx: LayoutContext, size: CardSize): El =>
  div({ height: size === 'og' ? 8 : 14, backgroundColor: ctx.colors.accent, flexShrink: 0 });

function label(ctx: LayoutContext, m: Metrics): El {
  const bg = ctx.style.labelBg ?? ctx.colors.accent;
  return div(
    {
      alignSelf: 'flex-start', backgroundColor: bg, color: ctx.style.labelBg ? ctx.style.labelFg : textOn(bg),
      fontSize: m.label, fontWeight: 700, letterSpacing: 4, padding: `${Math.round(m.label / 3)}px ${m.label}px`, borderRadius: 8,
    },
    ctx.style.label,
  );
}

function footer(ctx: LayoutContext, m: Metrics): El {
  return div(
    {
      justifyContent: 'space-between', alignItems: 'center', padding: `${Math.round(m.footer * 0.9)}px ${m.pad}px`,
      backgroundColor: tint(ctx.colors.primary, 0.9), borderTop: `6px solid ${ctx.colors.primary}`, flexShrink: 0,
    },
    div({ fontSize: m.footer, fontWeight: 700, color: INK }, formatDateWib(ctx.input.date)),
    ctx.input.siteLabel
      ? clampedText(ctx.input.siteLabel, 1, { fontSize: Math.round(m.footer * 0.85), color: BODY, maxWidth: '55%', textAlign: 'right' })
      : null,
  );
}

function title(ctx: LayoutContext, lines: number, extra: Record<string, string | number> = {}): El {
  const { size } = ctx.input;
  return clampedText(oneLine(ctx.input.title), lines, {
    fontSize: titleFontSize(size, ctx.input.title), fontWeight: 700, lineHeight: 1.18, color: INK, ...extra,
  });
}

const bodyText = (ctx: LayoutContext, m: Metrics, lines: number): Node =>
  ctx.input.text && oneLine(ctx.input.text)
    ? clampedText(oneLine(ctx.input.text), lines, { fontSize: m.text, lineHeight: 1.45, color: BODY })
    : null;

/** pengumuman, berita, layanan, himbauan: letterhead, label, title, rule, text, dated footer. */
export function formalLayout(ctx: LayoutContext): El {
  const { size } = ctx.input;
  const { width, height } = CARD_SIZES[size];
  const m = METRICS[size];
  const gap = size === 'og' ? 18 : 36;
  return div(
    rootStyle(width, height),
    header(ctx, m),
    accentStrip(ctx, size),
    div(
      {
        flexDirection: 'column', flexGrow: 1, flexShrink: 1, padding: `${m.pad * 0.8}px ${m.pad}px`, overflow: 'hidden',
        // Short announcements sit in the middle of tall cards instead of leaving the bottom empty.
        justifyContent: size === 'og' ? 'flex-start' : 'center',
      },
      label(ctx, m),
      div({ height: gap }),
      // Without a short text the title carries the card, so it gets a step bigger.
      title(ctx, m.titleLines, ctx.input.text?.trim() ? {} : { fontSize: Math.round(titleFontSize(size, ctx.input.title) * 1.15) }),
      div({ width: size === 'og' ? 90 : 140, height: size === 'og' ? 6 : 10, backgroundColor: ctx.colors.accent, margin: `${gap}px 0`, flexShrink: 0 }),
      bodyText(ctx, m, m.textLines),
    ),
    footer(ctx, m),
  );
}

/** kegiatan: a calendar block with the event day beside the title, then place and text. */
export function agendaLayout(ctx: LayoutContext): El {
  const { size } = ctx.input;
  const { width, height } = CARD_SIZES[size];
  const m = METRICS[size];
  const d = wibDateParts(ctx.input.date);
  const fg = textOn(ctx.colors.primary);
  const block = size === 'og' ? 170 : size === 'story' ? 250 : 220;
  const gap = size === 'og' ? 18 : 36;
  const calendar = div(
    {
      width: block, flexDirection: 'column', alignItems: 'center', backgroundColor: ctx.colors.primary, color: fg,
      borderRadius: 16, padding: `${Math.round(block / 12)}px 0`, marginRight: Math.round(m.pad / 1.5), flexShrink: 0,
      borderBottom: `10px solid ${ctx.colors.accent}`,
    },
    div({ fontSize: Math.round(block / 8), fontWeight: 700 }, d.weekday.toUpperCase()),
    div({ fontSize: Math.round(block / 2), fontWeight: 700, lineHeight: 1.05 }, String(d.day)),
    div({ fontSize: Math.round(block / 7), fontWeight: 700 }, d.month),
    div({ fontSize: Math.round(block / 9) }, String(d.year)),
  );
  return div(
    rootStyle(width, height),
    header(ctx, m),
    accentStrip(ctx, size),
    div(
      {
        flexDirection: 'column', flexGrow: 1, flexShrink: 1, padding: `${m.pad * 0.8}px ${m.pad}px`, overflow: 'hidden',
        // Short announcements sit in the middle of tall cards instead of leaving the bottom empty.
        justifyContent: size === 'og' ? 'flex-start' : 'center',
      },
      label(ctx, m),
      div({ height: gap }),
      div(
        { alignItems: 'flex-start' },
        calendar,
        div(
          { flexDirection: 'column', flexGrow: 1, flexShrink: 1 },
          title(ctx, size === 'og' ? 3 : 4, { fontSize: Math.round(titleFontSize(size, ctx.input.title) * 0.85) }),
          ctx.input.place
            ? clampedText(oneLine(ctx.input.place), 2, { fontSize: m.text, color: BODY, marginTop: Math.round(gap / 2), fontWeight: 700 })
            : null,
        ),
      ),
      div({ height: gap }),
      bodyText(ctx, m, size === 'og' ? 1 : m.textLines - 1),
    ),
    footer(ctx, m),
  );
}

/** ucapan (greetings for holidays): centred on the city colour inside a gold frame. */
export function ucapanLayout(ctx: LayoutContext): El {
  const { size } = ctx.input;
  const { width, height } = CARD_SIZES[size];
  const m = METRICS[size];
  const fg = textOn(ctx.colors.primary);
  const inset = size === 'og' ? 24 : 44;
  const titleSize = Math.round(titleFontSize(size, ctx.input.title) * (size === 'og' ? 1 : 1.1));
  return div(
    {
      ...rootStyle(width, height), backgroundColor: ctx.colors.primary, position: 'relative',
      backgroundImage: `linear-gradient(160deg, ${ctx.colors.primary} 0%, ${shade(ctx.colors.primary, 0.45)} 100%)`,
    },
    div(
      {
        position: 'absolute', top: inset, left: inset, width: width - 2 * inset, height: height - 2 * inset, boxSizing: 'border-box',
        flexDirection: 'column', alignItems: 'center', justifyContent: 'space-between',
        border: `4px solid ${ctx.colors.accent}`, borderRadius: 24, padding: `${m.pad * (size === 'og' ? 0.4 : 0.8)}px ${m.pad * 0.8}px`,
      },
      div(
        { flexDirection: 'column', alignItems: 'center' },
        ctx.logo ? div({ width: m.logo + 16, height: m.logo + 16, borderRadius: (m.logo + 16) / 2, backgroundColor: '#ffffff', alignItems: 'center', justifyContent: 'center' }, img(ctx.logo, m.logo)) : null,
        div({ height: size === 'og' ? 8 : 20 }),
        ctx.input.authority
          ? clampedText(ctx.input.authority.toUpperCase(), 1, { fontSize: m.authority, color: fg, letterSpacing: 2, textAlign: 'center', opacity: 0.9 })
          : null,
        clampedText(oneLine(ctx.input.unitName), 1, { fontSize: m.unit, fontWeight: 700, color: fg, textAlign: 'center' }),
      ),
      div(
        { flexDirection: 'column', alignItems: 'center', width: '100%' },
        div({ width: 160, height: 6, backgroundColor: ctx.colors.accent, marginBottom: size === 'og' ? 16 : 40 }),
        clampedText(oneLine(ctx.input.title), size === 'og' ? 2 : m.titleLines - 1, {
          width: '100%', fontSize: titleSize, fontWeight: 700, color: fg, textAlign: 'center', lineHeight: 1.2,
        }),
        ctx.input.text && oneLine(ctx.input.text)
          ? clampedText(oneLine(ctx.input.text), size === 'og' ? 1 : m.textLines - 2, {
              width: '100%', fontSize: m.text, color: fg, textAlign: 'center', lineHeight: 1.45, marginTop: size === 'og' ? 12 : 36, opacity: 0.95,
            })
          : null,
        div({ width: 160, height: 6, backgroundColor: ctx.colors.accent, marginTop: size === 'og' ? 16 : 40 }),
      ),
      div({ fontSize: m.footer, color: fg, fontWeight: 700 }, formatDateWib(ctx.input.date)),
    ),
  );
}
