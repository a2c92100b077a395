import { PLATFORMS } from '../channels/index.js';

// Per-platform caption rules. Facebook, Instagram and TikTok come from their descriptors
// (channels/providers/<name>-platform.ts), the one place a platform's facts live; the website's
// summary is Beranda's own. The UI reads these for its live counter.
export type CaptionPlatform = 'website' | 'facebook' | 'instagram' | 'tiktok';

export interface CaptionLimits {
  platform: CaptionPlatform;
  /** Hard limit of the caption/description, counted with countChars. */
  maxChars: number;
  /** Roughly what shows before "Lihat selengkapnya"; the first sentence should fit here. */
  visibleChars: number;
  /** Separate title field (TikTok photo posts), or null when the platform has none. */
  titleMaxChars: number | null;
  /** Hashtags the platform accepts at most (Instagram 30), or null when undocumented/unlimited. */
  hashtagsMax: number | null;
  /** @-mentions the platform accepts at most (Instagram 20), or null when undocumented. */
  mentionsMax: number | null;
  /** How many of the house hashtags we append by default. */
  hashtagsDefault: number;
  /** Whether a URL in the caption becomes a link people can tap. */
  linksClickable: boolean;
}

const LIMITS: Record<CaptionPlatform, CaptionLimits> = {
  // The summary under a post on the website and in meta description / og:description.
  website: { platform: 'website', maxChars: 160, visibleChars: 160, titleMaxChars: null, hashtagsMax: 0, mentionsMax: null, hashtagsDefault: 0, linksClickable: true },
  facebook: { platform: 'facebook', ...PLATFORMS.facebook.caption },
  instagram: { platform: 'instagram', ...PLATFORMS.instagram.caption },
  tiktok: { platform: 'tiktok', ...PLATFORMS.tiktok.caption },
};

export const CAPTION_PLATFORMS: readonly CaptionPlatform[] = ['website', 'facebook', 'instagram', 'tiktok'];

export const limitsFor = (platform: CaptionPlatform): CaptionLimits => LIMITS[platform];

/**
 * Characters as the platforms count them. UTF-16 code units: TikTok documents this, and it is
 * never less than the code-point count, so an emoji counted as 2 can only make us stricter.
 * The UI must use this same function for its counter.
 */
export const countChars = (s: string): number => s.length;
