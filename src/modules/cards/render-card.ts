import type Sharp from 'sharp';
import { lazyPackage } from '../../shared/lazy-package.js';

const sharp = lazyPackage<typeof Sharp>('sharp');
import type { El } from './card-elements.js';
import { TEMPLATE_STYLES, resolveColors } from './card-templates.js';
import { type LayoutContext, agendaLayout, formalLayout, ucapanLayout } from './card-layouts.js';
import { loadCardFonts } from './fonts.js';
import { CARD_SIZES, type CardInput } from './types.js';

// satori and resvg (~36 MB resident together) are loaded when the first card is drawn, not at
// start: only publishing draws cards, and an idle web process should not carry them.
const renderers = () => Promise.all([import('satori'), import('@resvg/resvg-js')]).then(([s, r]) => ({ satori: s.default, Resvg: r.Resvg }));

export interface RenderedCard {
  data: Buffer;
  format: 'png' | 'jpeg';
  width: number;
  height: number;
}

async function logoDataUri(logo: Buffer | undefined): Promise<string | null> {
  if (!logo) return null;
  try {
    // Re-encode: satori only reads PNG/JPEG, and a 4000-px logo would slow every card down.
    const png = await sharp(logo, { limitInputPixels: 40_000_000 })
      .rotate()
      .resize(256, 256, { fit: 'inside', withoutEnlargement: true })
      .png()
      .toBuffer();
    return `data:image/png;base64,${png.toString('base64')}`;
  } catch {
    // A broken logo must not stop the post: the card is drawn without it.
    return null;
  }
}

async function buildTree(input: CardInput): Promise<El> {
  const style = TEMPLATE_STYLES[input.template];
  const ctx: LayoutContext = { input, colors: resolveColors(input.colors), style, logo: await logoDataUri(input.logo) };
  return style.layout === 'agenda' ? agendaLayout(ctx) : style.layout === 'ucapan' ? ucapanLayout(ctx) : formalLayout(ctx);
}

/**
 * The card as SVG. With `embedFont: false` text stays as <text> elements with their positions,
 * which is how tests check that long titles wrap and clamp inside the card.
 */
export async function renderCardSvg(input: CardInput, options: { embedFont?: boolean } = {}): Promise<string> {
  const { width, height } = CARD_SIZES[input.size];
  // satori's element type is React's; our plain objects have the same shape.
  const { satori } = await renderers();
  return satori((await buildTree(input)) as never, {
    width,
    height,
    fonts: await loadCardFonts(),
    embedFont: options.embedFont ?? true,
  });
}

/**
 * Draws an image card for a post without photos. PNG for og:image and the website; JPEG for
 * Instagram (JPEG only) and TikTok (no PNG), per docs/reference/platform-apis.md.
 */
export async function renderCard(input: CardInput, options: { format?: 'png' | 'jpeg' } = {}): Promise<RenderedCard> {
  const { width, height } = CARD_SIZES[input.size];
  const svg = await renderCardSvg(input);
  const { Resvg } = await renderers();
  const png = new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } }).render().asPng();
  const format = options.format ?? 'png';
  const data = format === 'jpeg' ? await sharp(png).jpeg({ quality: 90 }).toBuffer() : png;
  return { data, format, width, height };
}

/** Everything a text-only post needs, named like the media module's social crops. */
export interface CardSet {
  /** Instagram/Facebook 4:5 as PNG: the crisp copy shown on the website. */
  source: Buffer;
  crops: { portrait_4x5: Buffer; story_9x16: Buffer; landscape_og: Buffer };
}

/**
 * Renders the three cards of a post without photos: 4:5 (JPEG, Instagram/Facebook), 9:16 (JPEG,
 * TikTok photo mode) and 1.91:1 (PNG, og:image), plus the 4:5 as PNG for the website. Store them
 * with the media module's storeGeneratedImage so they live in the unit's library like photos.
 */
export async function renderCardSet(input: Omit<CardInput, 'size'>): Promise<CardSet> {
  const portrait = await renderCard({ ...input, size: 'portrait' });
  const story = await renderCard({ ...input, size: 'story' }, { format: 'jpeg' });
  const og = await renderCard({ ...input, size: 'og' });
  return {
    source: portrait.data,
    crops: {
      portrait_4x5: await sharp(portrait.data).jpeg({ quality: 90 }).toBuffer(),
      story_9x16: story.data,
      landscape_og: og.data,
    },
  };
}
