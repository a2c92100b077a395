import type SharpFn from 'sharp';
import type { Region, Sharp } from 'sharp';
import { lazyPackage } from '../../shared/lazy-package.js';

const sharp = lazyPackage<typeof SharpFn>('sharp');
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

/** The crops a publish needs (docs/reference/platform-apis.md, "Recommended media sizes"). */
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
    // Mitchell instead of the default Lanczos-3: this shrink (about 1.6× for 12 MP) runs before
    // anything else can start, on one thread, and every output is resampled again from this copy
    // with Lanczos-3; Mitchell took ~20 % off this step without visible softening.
    .resize(WORKING_SIDE, WORKING_SIDE, { fit: 'outside', withoutEnlargement: true, kernel: 'mitchell' })
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
  // effort 0 takes a third of the time of effort 2 (the largest cost) for files of the same size
  // on phone photos (1440 wide: 234 KB at effort 0, 235 KB at effort 2).
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
    jobs.push(encode(from().resize({ width: w }).webp({ quality: 78, effort: 0 }), { kind: 'web', name: `web-${w}.webp`, format: 'webp' }));
    jobs.push(
      encode(opaque().resize({ width: w }).jpeg({ quality: 80 }), { kind: 'web', name: `web-${w}.jpg`, format: 'jpeg' }),
    );
  }

  // Platforms want these exact sizes (Instagram rejects other ratios), so small photos are
  // enlarged; attention picks the busiest region (faces, people) rather than the centre.
  const regions = await cropRegions(opaque(), raw, crops);
  crops.forEach((c, i) => {
    jobs.push(
      encode(opaque().extract(regions[i]!).resize(c.width, c.height, { fit: 'fill' }).jpeg({ quality: 85 }), {
        kind: 'social',
        name: `social-${c.width}x${c.height}.jpg`,
        format: 'jpeg',
        crop: c.crop,
      }),
    );
  });
  return Promise.all(jobs);
}

// The attention search (skin tones, saturation, detail) cost three times the crop itself when
// run on each full-size crop. It finds the same region on a small copy: the crops are chosen
// there and cut from the working copy, which took 5–9 % off the bench's four photos.
const ATTENTION_SIDE = 640;

/** The region of the working copy each crop keeps: the crop's aspect ratio, as large as fits. */
async function cropRegions(
  working: Sharp,
  raw: { width: number; height: number; channels: number },
  crops: readonly CropSpec[],
): Promise<Region[]> {
  const s = Math.min(1, ATTENTION_SIDE / Math.max(raw.width, raw.height));
  const small = await working
    .resize(Math.max(1, Math.round(raw.width * s)), Math.max(1, Math.round(raw.height * s)), { fit: 'fill' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const smallRaw = { width: small.info.width, height: small.info.height, channels: small.info.channels };
  return Promise.all(
    crops.map(async (c) => {
      // Scale that makes the working copy cover the crop; the region is the crop seen at that scale.
      const k = Math.max(c.width / raw.width, c.height / raw.height);
      const width = Math.min(raw.width, Math.max(1, Math.round(c.width / k)));
      const height = Math.min(raw.height, Math.max(1, Math.round(c.height / k)));
      const { info } = await sharp(small.data, { raw: smallRaw })
        .resize(Math.max(1, Math.round(width * s)), Math.max(1, Math.round(height * s)), {
          fit: 'cover',
          position: sharp.strategy.attention,
        })
        .raw()
        .toBuffer({ resolveWithObject: true });
      // sharp reports where the kept region starts as negative offsets.
      const left = Math.round(-(info.cropOffsetLeft ?? 0) / s);
      const top = Math.round(-(info.cropOffsetTop ?? 0) / s);
      return {
        left: Math.min(raw.width - width, Math.max(0, left)),
        top: Math.min(raw.height - height, Math.max(0, top)),
        width,
        height,
      };
    }),
  );
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
