import { facebookPlatform } from './facebook-platform.js';
import { instagramPlatform } from './instagram-platform.js';
import type { PlatformDescriptor } from './platform.js';
import type { Platform } from './social-provider.js';
import { tiktokPlatform } from './tiktok-platform.js';

/** Every platform Beranda publishes to by API, by id. */
export const PLATFORMS: Readonly<Record<Platform, PlatformDescriptor>> = {
  facebook: facebookPlatform,
  instagram: instagramPlatform,
  tiktok: tiktokPlatform,
};

export const isApiPlatform = (p: string): p is Platform => Object.hasOwn(PLATFORMS, p);

/** The descriptor of an API platform, or undefined for registry-only ones (YouTube, X, …). */
export const platformOf = (p: string): PlatformDescriptor | undefined => (isApiPlatform(p) ? PLATFORMS[p] : undefined);

/** The platform's name as people say it; unknown ids are shown as they are. */
export const platformName = (p: string): string => platformOf(p)?.name ?? p;
