import type { UploadFormat } from './types.js';

// The file name and the browser's Content-Type are chosen by the sender, so the type is decided
// from the first bytes of the content. 32 bytes are enough for every format we accept.
export const SNIFF_BYTES = 32;

const ascii = (b: Uint8Array, from: number, to: number): string =>
  String.fromCharCode(...b.subarray(from, to));

/** Detects an image format from its leading bytes; null when it is not one we know. */
export function detectImageType(head: Uint8Array): UploadFormat | null {
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  if (
    head.length >= 8 &&
    head[0] === 0x89 && ascii(head, 1, 4) === 'PNG' && head[4] === 0x0d && head[5] === 0x0a &&
    head[6] === 0x1a && head[7] === 0x0a
  ) {
    return 'png';
  }
  if (head.length >= 12 && ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WEBP') return 'webp';
  if (head.length >= 6 && (ascii(head, 0, 6) === 'GIF87a' || ascii(head, 0, 6) === 'GIF89a')) return 'gif';
  // ISO-BMFF: [size][ftyp][major brand]…[compatible brands]. AVIF and HEIC share the container;
  // the brands tell them apart.
  if (head.length >= 12 && ascii(head, 4, 8) === 'ftyp') {
    const size = Math.min((head[0]! << 24) | (head[1]! << 16) | (head[2]! << 8) | head[3]!, head.length);
    const brands: string[] = [ascii(head, 8, 12)];
    for (let i = 16; i + 4 <= size; i += 4) brands.push(ascii(head, i, i + 4));
    if (brands.some((b) => b === 'avif' || b === 'avis')) return 'avif';
    if (brands.some((b) => ['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'mif1', 'msf1'].includes(b))) return 'heic';
  }
  return null;
}

export const mimeOf: Record<UploadFormat, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
  avif: 'image/avif',
  heic: 'image/heic',
};

/**
 * Why a non-accepted upload was refused: pictures in formats we do not take (BMP, TIFF, SVG —
 * SVG can carry scripts) get "unsupported_type", everything else "not_image".
 */
export function classifyRejected(head: Uint8Array): { code: 'not_image' | 'unsupported_type'; type: string } {
  const type = describeNonImage(head);
  if (type === 'BMP' || type === 'TIFF' || type === 'SVG') return { code: 'unsupported_type', type };
  return { code: 'not_image', type: type ?? '' };
}

/** Names a few common non-image uploads so the refusal can say what was sent. */
export function describeNonImage(head: Uint8Array): string | null {
  if (ascii(head, 0, 4) === '%PDF') return 'PDF';
  if (head[0] === 0x50 && head[1] === 0x4b) return 'ZIP/Office';
  if (ascii(head, 0, 2) === 'BM') return 'BMP';
  if (ascii(head, 0, 4) === 'II*\0' || ascii(head, 0, 4) === 'MM\0*') return 'TIFF';
  const text = ascii(head, 0, Math.min(head.length, 32)).trimStart().toLowerCase();
  if (text.startsWith('<svg') || text.startsWith('<?xml')) return 'SVG';
  if (head.length >= 12 && ascii(head, 4, 8) === 'ftyp') return 'video';
  return null;
}
