import sharp, { type Sharp } from 'sharp';
import type { SocialCrop, VariantFormat, VariantKind } from './types.js';

/** An encoded output held in memory until it is stored. */
export interface EncodedImage {
  kind: VariantKind;
  name: string;
  format: VariantFormat;
  width: number;
  height: number;
  data: Buffer;
  crop?: SocialCrop;
}

export interface CropSpec {
  crop: SocialCrop;
  width: number;
  height: number;
}

/** The crops a publish needs (platform-apis.md, "Recommended media sizes"). */
export const SOCIAL_CROPS: readonly CropSpec[] = [
  { crop: 'portrait_4x5', width: 1080, height: 1350 }, // Instagram/Facebook feed
  { crop: 'square', width: 1080, height: 1080 },
  { crop: 'story_9x16', width: 1080, height: 1920 }, // TikTok photo mode, stories
  { crop: 'landscape_og', width: 1200, height: 630 }, // link previews, og:image
];

export const WEB_WIDTHS: readonly number[] = [480, 960, 1440];

export interface ProcessOptions {
  /** Decompression-bomb guard passed to libvips: decoding stops beyond this many pixels. */
  maxPixels: number;
  webWidths?: readonly number[];
  crops?: readonly CropSpec[];
}

// The working copy only needs to cover the largest output: 1440 wide for the web and 1920 tall
// for a 9:16 crop. Shrinking a 12 MP photo once and cutting every variant from that copy is about
// twice as fast as decoding the original for each variant, and keeps memory near 15 MB per photo.
const WORKING_SIDE = 1920;

/**
 * Turns a validated upload into every variant a publish needs, at once: a cleaned source copy,
 * web sizes in WebP and JPEG, and the social crops. EXIF orientation is applied to the pixels and
 * every piece of metadata (GPS, camera, EXIF, XMP, ICC) is dropped — sharp writes none unless asked.
 * Animated GIFs keep their first frame. Throws when libvips cannot decode the file (the caller
 * maps that to "unreadable").
 */
export async function processImage(input: Buffer, options: ProcessOptions): Promise<EncodedImage[]> {
  const webWidths = options.webWidths ?? WEB_WIDTHS;
  const crops = options.crops ?? SOCIAL_CROPS;

  const { data, info } = await sharp(input, { limitInputPixels: options.maxPixels, failOn: 'truncated', pages: 1 })
    .rotate()
    .resize(WORKING_SIDE, WORKING_SIDE, { fit: 'outside', withoutEnlargement: true })
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  const raw = { width: info.width, height: info.height, channels: info.channels };
  const hasAlpha = info.channels === 4;
  const from = () => sharp(data, { raw });
  // JPEG has no transparency; a transparent logo would otherwise turn black.
  const opaque = () => (hasAlpha ? from().flatten({ background: '#ffffff' }) : from());

  // Encoder settings are chosen for the ≤ 3 s budget for four 12 MP photos (bench/media.ts):
  // mozjpeg's trellis search made each JPEG 5–10× slower for a few percent fewer bytes, and WebP
  // effort 2 instead of the default 4 halves the WebP time (the largest cost) for slightly
  // bigger files.
  const jobs: Promise<EncodedImage>[] = [];
  const encode = (
    pipeline: Sharp,
    meta: Omit<EncodedImage, 'data' | 'width' | 'height'>,
  ): Promise<EncodedImage> =>
    pipeline.toBuffer({ resolveWithObject: true }).then(({ data: out, info: i }) => ({
      ...meta,
      width: i.width,
      height: i.height,
      data: out,
    }));

  jobs.push(
    hasAlpha
      ? encode(from().png({ compressionLevel: 6 }), { kind: 'source', name: 'source.png', format: 'png' })
      : encode(from().jpeg({ quality: 88 }), { kind: 'source', name: 'source.jpg', format: 'jpeg' }),
  );

  for (const w of webWidthsFor(raw.width, webWidths)) {
    jobs.push(encode(from().resize({ width: w }).webp({ quality: 78, effort: 2 }), { kind: 'web', name: `web-${w}.webp`, format: 'webp' }));
    jobs.push(
      encode(opaque().resize({ width: w }).jpeg({ quality: 80 }), { kind: 'web', name: `web-${w}.jpg`, format: 'jpeg' }),
    );
  }

  for (const c of crops) {
    // Platforms want these exact sizes (Instagram rejects other ratios), so small photos are
    // enlarged; attention picks the busiest region (faces, people) rather than the centre.
    jobs.push(
      encode(
        opaque()
          .resize(c.width, c.height, { fit: 'cover', position: sharp.strategy.attention })
          .jpeg({ quality: 85 }),
        { kind: 'social', name: `social-${c.width}x${c.height}.jpg`, format: 'jpeg', crop: c.crop },
      ),
    );
  }
  return Promise.all(jobs);
}

/** Web widths never enlarge: a photo narrower than a size gets one variant at its own width. */
export function webWidthsFor(sourceWidth: number, widths: readonly number[]): number[] {
  const fit = widths.filter((w) => w <= sourceWidth);
  if (fit.length < widths.length) fit.push(sourceWidth);
  return [...new Set(fit)].sort((a, b) => a - b);
}

export const AVIF_WIDTHS: readonly number[] = WEB_WIDTHS;

/**
 * AVIF takes seconds per image, so it is made afterwards by a background job from the cleaned
 * source copy. One size at a time keeps the worker from starving the web process of CPU.
 */
export async function encodeAvif(source: Buffer, widths: readonly number[] = AVIF_WIDTHS): Promise<EncodedImage[]> {
  const meta = await sharp(source).metadata();
  const out: EncodedImage[] = [];
  for (const w of webWidthsFor(meta.width ?? 0, widths)) {
    const { data, info } = await sharp(source)
      .resize({ width: w })
      // effort 4 (sharp's default) cost ~13 s of CPU for one 1440-wide photo here; effort 2 costs
      // ~2 s and still beats WebP on size, which is what AVIF is for.
      .avif({ quality: 50, effort: 2 })
      .toBuffer({ resolveWithObject: true });
    out.push({ kind: 'avif', name: `web-${w}.avif`, format: 'avif', width: info.width, height: info.height, data });
  }
  return out;
}
