import type { Metadata } from 'sharp';
import type Sharp from 'sharp';
import { lazyPackage } from '../../shared/lazy-package.js';

const sharp = lazyPackage<typeof Sharp>('sharp');
import { ok } from '../../shared/result.js';
import { SNIFF_BYTES, classifyRejected, detectImageType, mimeOf } from './detect-image-type.js';
import { type MediaResult, formatSize, refuse } from './refusal.js';
import type { MediaLimits, UploadFormat } from './types.js';

export interface ValidatedImage {
  format: Exclude<UploadFormat, 'heic'>;
  mime: string;
  /** Size as displayed, i.e. after the EXIF orientation is applied. */
  width: number;
  height: number;
}

/**
 * Checks an upload before any pixel is decoded: the type from the content's magic bytes, the
 * byte size, and the dimensions the header declares (a decompression bomb is a small file that
 * declares a huge canvas). sharp's metadata() reads headers only, so this stays cheap.
 */
export async function validateImage(bytes: Buffer, limits: MediaLimits): Promise<MediaResult<ValidatedImage>> {
  if (bytes.length === 0) return refuse('empty');
  if (bytes.length > limits.maxBytes) {
    return refuse('too_large', { size: formatSize(bytes.length), limit: formatSize(limits.maxBytes) });
  }
  const head = bytes.subarray(0, SNIFF_BYTES);
  const format = detectImageType(head);
  if (format === null) {
    const why = classifyRejected(head);
    return refuse(why.code, { type: why.type });
  }

  let meta: Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    // Phones save HEIC with the HEVC codec, which the bundled libvips cannot decode.
    return format === 'heic' ? refuse('heic_unsupported') : refuse('unreadable');
  }
  if (format === 'heic' || meta.compression === 'hevc') return refuse('heic_unsupported');
  // The header must agree with the magic bytes; a mismatch means a crafted or damaged file.
  const sharpFormat = meta.format === 'heif' ? 'avif' : meta.format;
  if (sharpFormat !== format) return refuse('unreadable');

  const width = meta.width ?? 0;
  const height = meta.pageHeight ?? meta.height ?? 0;
  if (width <= 0 || height <= 0) return refuse('unreadable');
  if (width * height > limits.maxPixels || Math.max(width, height) > limits.maxSide) {
    return refuse('too_many_pixels', {
      megapixels: Math.round((width * height) / 1_000_000),
      max: Math.round(limits.maxPixels / 1_000_000),
    });
  }
  if (Math.min(width, height) < limits.minSide) {
    return refuse('too_small', { width, height, min: limits.minSide });
  }
  const swapped = (meta.orientation ?? 1) >= 5;
  return ok({
    format,
    mime: mimeOf[format],
    width: swapped ? height : width,
    height: swapped ? width : height,
  });
}
