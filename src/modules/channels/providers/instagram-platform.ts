import type { PlatformDescriptor } from './platform.js';

/** Instagram professional accounts (Graph API, containers). */
export const instagramPlatform: PlatformDescriptor = {
  platform: 'instagram',
  name: 'Instagram',
  // 2,200 characters, 30 hashtags, 20 @-mentions; links in captions cannot be tapped.
  caption: { maxChars: 2_200, visibleChars: 125, titleMaxChars: null, hashtagsMax: 30, mentionsMax: 20, hashtagsDefault: 5, linksClickable: false },
  // JPEG only, at most 8 MB, 4:5 to 1.91:1; a carousel holds 2–10 items.
  media: { minImages: 1, maxImages: 10, formats: ['jpeg'], maxBytes: 8 * 1024 * 1024, shape: 'portrait_4x5' },
  // With Facebook Login (the Page's token publishes).
  scopes: ['instagram_basic', 'instagram_content_publish'],
  // The content-publishing API cannot edit a caption or delete media with these scopes (§2b).
  afterPublish: { editText: false, delete: false },
};
