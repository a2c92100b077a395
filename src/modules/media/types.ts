// Shared shapes of the media module. Refusals are stable codes plus the numbers the Indonesian
// message needs; the text itself lives in src/i18n/messages/media.ts (key `media.refusal.<code>`).

/** Formats we accept from staff. HEIC is recognised so it can be refused with a helpful message. */
export type UploadFormat = 'jpeg' | 'png' | 'webp' | 'gif' | 'avif' | 'heic';

export type MediaRefusalCode =
  | 'empty'
  | 'too_large'
  | 'not_image'
  | 'unsupported_type'
  | 'heic_unsupported'
  | 'too_many_pixels'
  | 'too_small'
  | 'unreadable';

export interface MediaRefusal {
  code: MediaRefusalCode;
  /** Values for the message placeholders ({size}, {limit}, {megapixels}, {max}, {min}, {type}). */
  params: Record<string, string | number>;
}

export interface MediaLimits {
  /** Largest upload in bytes (default 20 MB). */
  maxBytes: number;
  /** Largest width × height (decompression-bomb guard). */
  maxPixels: number;
  /** Longest side in pixels; WebP cannot encode beyond 16383. */
  maxSide: number;
  /** Shortest side in pixels; smaller pictures look broken on every platform. */
  minSide: number;
}

export const MB = 1024 * 1024;

export const defaultMediaLimits: MediaLimits = {
  maxBytes: 20 * MB,
  // Cheap Android phones now ship 50-megapixel sensors (8160×6120 ≈ 50 MP) and some shoot at
  // full resolution; 70 MP admits those and refuses 108/200 MP "high-res mode" shots and bombs.
  maxPixels: 70_000_000,
  maxSide: 16_000,
  minSide: 100,
};

export type VariantKind = 'source' | 'web' | 'social' | 'avif';
export type VariantFormat = 'jpeg' | 'webp' | 'avif' | 'png';

/** Social crop names, matching the platforms' recommended sizes (docs/reference/platform-apis.md §3). */
export type SocialCrop = 'portrait_4x5' | 'square' | 'story_9x16' | 'landscape_og';

export interface Variant {
  kind: VariantKind;
  /** e.g. "web-960.webp", "ig-1080x1350.jpg", "source.jpg" — stable within one media item. */
  name: string;
  format: VariantFormat;
  width: number;
  height: number;
  bytes: number;
  /** Content-addressed storage key (sha256 of the bytes + extension), served as an immutable file. */
  key: string;
  crop?: SocialCrop;
}

export interface MediaItem {
  id: string;
  unitId: string;
  originalName: string;
  /** MIME type of what was uploaded (detected from content, not from the name). */
  mime: string;
  width: number;
  height: number;
  bytes: number;
  /** sha256 of the uploaded bytes, used to find a repeat upload of the same photo. */
  sha256: string;
  alt: string;
  variants: Variant[];
  createdBy: string | null;
  createdAt: string;
}
