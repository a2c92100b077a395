import type { PlatformDescriptor } from './platform.js';

/** Facebook Pages (Graph API). */
export const facebookPlatform: PlatformDescriptor = {
  platform: 'facebook',
  name: 'Facebook',
  // 63,206 characters per post; Meta documents no hashtag or mention cap.
  caption: { maxChars: 63_206, visibleChars: 125, titleMaxChars: null, hashtagsMax: null, mentionsMax: null, hashtagsDefault: 3, linksClickable: true },
  // Photos under 4 MB; ten per post as Mixpost caps it (Meta documents none).
  media: { minImages: 0, maxImages: 10, formats: ['jpeg', 'png', 'gif', 'webp'], maxBytes: 4 * 1024 * 1024, shape: 'landscape_og' },
  scopes: ['pages_show_list', 'pages_read_engagement', 'pages_manage_posts'],
  // Page posts: POST /{page-post-id} with `message` edits the text, DELETE removes the post, both
  // with pages_manage_posts (docs/reference/platform-apis.md §2a). Photos cannot be swapped.
  afterPublish: { editText: true, delete: true },
};
