import type { PlatformDescriptor } from './platform.js';

/** TikTok photo posts (Content Posting API, PULL_FROM_URL). */
export const tiktokPlatform: PlatformDescriptor = {
  platform: 'tiktok',
  name: 'TikTok',
  // Photo mode: title 90, description 4,000; links in the text cannot be tapped.
  caption: { maxChars: 4_000, visibleChars: 100, titleMaxChars: 90, hashtagsMax: null, mentionsMax: null, hashtagsDefault: 5, linksClickable: false },
  // JPEG or WebP (no PNG), at most 20 MB and 1080p, up to 35 images.
  media: { minImages: 1, maxImages: 35, formats: ['jpeg', 'webp'], maxBytes: 20 * 1024 * 1024, shape: 'story_9x16' },
  scopes: ['user.info.basic', 'video.publish', 'video.upload', 'video.list'],
  // The Content Posting API has no edit or delete of a post (§2c).
  afterPublish: { editText: false, delete: false },
};
