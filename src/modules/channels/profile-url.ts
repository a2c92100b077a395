import type { ChannelPlatform } from '../../db/schema/channels.js';

// Reads account handles and post ids out of the links staff paste. Pure: no network.

const HOSTS: Partial<Record<ChannelPlatform, RegExp>> = {
  facebook: /^(www\.|m\.|web\.)?(facebook|fb)\.com$/,
  instagram: /^(www\.)?instagram\.com$/,
  tiktok: /^(www\.|m\.|vm\.|vt\.)?tiktok\.com$/,
};

const FB_NOT_HANDLES = new Set(['permalink.php', 'story.php', 'share', 'photo.php', 'photo', 'watch', 'groups', 'profile.php', 'reel']);

export type ParsedLink =
  | { kind: 'profile'; handle: string }
  | { kind: 'post'; handle: string | null; postId: string | null; accountId: string | null };

export function platformOfUrl(url: URL): ChannelPlatform | null {
  for (const [p, re] of Object.entries(HOSTS)) if (re!.test(url.hostname.toLowerCase())) return p as ChannelPlatform;
  return null;
}

export function parseLink(platform: ChannelPlatform, raw: string): ParsedLink | 'invalid' | 'wrong_platform' {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return 'invalid';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'invalid';
  const found = platformOfUrl(url);
  if (!found) return HOSTS[platform] ? 'wrong_platform' : 'invalid';
  if (found !== platform) return 'wrong_platform';
  let seg: string[];
  try {
    seg = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    // A stray "%" (or a broken escape) is a typo in the link, not a server error.
    return 'invalid';
  }

  if (platform === 'facebook') {
    if (seg[0] === 'permalink.php' || seg[0] === 'story.php') {
      return { kind: 'post', handle: null, postId: url.searchParams.get('story_fbid'), accountId: url.searchParams.get('id') };
    }
    if (seg[0] === 'profile.php' && url.searchParams.get('id')) return { kind: 'profile', handle: url.searchParams.get('id')! };
    if (seg[0] === 'share' || seg[0] === 'watch' || seg[0] === 'reel') return { kind: 'post', handle: null, postId: seg[2] ?? seg[1] ?? null, accountId: null };
    if (!seg[0] || FB_NOT_HANDLES.has(seg[0])) return 'invalid';
    if (seg.length === 1) return { kind: 'profile', handle: seg[0].toLowerCase() };
    if (['posts', 'photos', 'videos'].includes(seg[1] ?? '')) return { kind: 'post', handle: seg[0].toLowerCase(), postId: seg[seg.length - 1] ?? null, accountId: null };
    return 'invalid';
  }
  if (platform === 'instagram') {
    if (seg[0] === 'p' || seg[0] === 'reel') return seg[1] ? { kind: 'post', handle: null, postId: seg[1], accountId: null } : 'invalid';
    if (seg[1] === 'p' || seg[1] === 'reel') return seg[2] ? { kind: 'post', handle: seg[0]!.toLowerCase(), postId: seg[2], accountId: null } : 'invalid';
    if (seg.length === 1) return { kind: 'profile', handle: seg[0]!.toLowerCase() };
    return 'invalid';
  }
  if (platform === 'tiktok') {
    if (/^(vm|vt)\./.test(url.hostname)) return seg[0] ? { kind: 'post', handle: null, postId: null, accountId: null } : 'invalid';
    const handle = seg[0]?.startsWith('@') ? seg[0].slice(1).toLowerCase() : null;
    if (!handle) return 'invalid';
    if (seg.length === 1) return { kind: 'profile', handle };
    if ((seg[1] === 'video' || seg[1] === 'photo') && /^\d+$/.test(seg[2] ?? '')) return { kind: 'post', handle, postId: seg[2]!, accountId: null };
    return 'invalid';
  }
  return 'invalid';
}

/** A clean link without tracking parameters, so the same post is recognised however it was shared. */
export function canonicalPostUrl(raw: string): string {
  const url = new URL(raw.trim());
  for (const k of [...url.searchParams.keys()]) if (!['story_fbid', 'id', 'v'].includes(k)) url.searchParams.delete(k);
  url.hash = '';
  return url.toString();
}
