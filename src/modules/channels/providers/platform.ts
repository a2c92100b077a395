import type { Platform } from './social-provider.js';

// One descriptor per platform: what Beranda knows about it, in one place. Each provider exports
// its own (facebook.ts → facebookPlatform, …, data in <name>-platform.ts), and everything that
// needs a platform fact reads it from here: the failure texts (name), the caption rules
// (publishing-captions), the composer's picture shape, the adapters' image counts and the OAuth
// scopes. Sources: the platforms' documentation as summarised in the project's reference notes.

export type ImageShape = 'landscape_og' | 'portrait_4x5' | 'story_9x16';

export interface PlatformDescriptor {
  platform: Platform;
  /** As people say it, in any language. */
  name: string;
  caption: {
    /** Hard limit of the caption/description (UTF-16 units, countChars). */
    maxChars: number;
    /** Roughly what shows before "Lihat selengkapnya". */
    visibleChars: number;
    /** A separate title field (TikTok photo posts), or null. */
    titleMaxChars: number | null;
    hashtagsMax: number | null;
    mentionsMax: number | null;
    /** House hashtags appended by default. */
    hashtagsDefault: number;
    linksClickable: boolean;
  };
  media: {
    /** Images one post needs at least (0: text posts exist). */
    minImages: number;
    maxImages: number;
    formats: readonly string[];
    maxBytes: number;
    /** The crop the composer sends and previews. */
    shape: ImageShape;
  };
  /** OAuth scopes (permissions) publishing needs. */
  scopes: readonly string[];
  /**
   * What Beranda can do through the API to a copy that is already out, with the scopes above
   * (#14 point 3): change its text, delete it. Where false, staff are told to do it on the
   * platform itself.
   */
  afterPublish: { editText: boolean; delete: boolean };
}
