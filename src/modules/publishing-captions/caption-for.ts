import { cleanHashtags, hashtagsIn } from './hashtags.js';
import { type CaptionPlatform, countChars, limitsFor } from './limits.js';
import { toPlainText } from './to-plain-text.js';
import { truncateText } from './truncate.js';

export interface CaptionInput {
  title: string;
  /** The post body: plain text or the composer's simple HTML. */
  text: string;
  /** Absolute URL of the post on the unit's website. */
  link?: string | null;
  /** House hashtags in house order: city, kecamatan, kelurahan, then topics. */
  hashtags?: readonly string[];
  /** Override how many hashtags to append (still capped by the platform's hard limit). */
  maxHashtags?: number;
}

export type CaptionWarning = 'text_shortened' | 'title_shortened' | 'hashtags_dropped' | 'too_many_hashtags_in_text';

export interface Caption {
  platform: CaptionPlatform;
  /** The caption / description to send. */
  text: string;
  /** TikTok only: the separate title field. */
  title: string | null;
  length: number;
  maxChars: number;
  hashtags: string[];
  droppedHashtags: string[];
  warnings: CaptionWarning[];
}

// Caption phrases are what citizens read on the unit's accounts, so they are Indonesian on every
// platform regardless of the staff member's interface language.
const READ_MORE = 'Baca selengkapnya:';
const LINK_IN_BIO = 'Info lengkap: link di bio';

/** "https://bacang.kota.go.id/berita/x" → "bacang.kota.go.id/berita/x": readable where links can't be tapped. */
export const displayUrl = (url: string): string => url.replace(/^https?:\/\//i, '').replace(/\/$/, '');

/**
 * Builds the caption for one platform from the post, within that platform's documented limits:
 * the body is shortened (never the link or the first hashtags), hashtags are capped (counting
 * those already in the text), and links are written the way each platform can use them.
 */
export function captionFor(platform: CaptionPlatform, input: CaptionInput): Caption {
  const limits = limitsFor(platform);
  const warnings: CaptionWarning[] = [];
  const title = input.title.replace(/\s+/g, ' ').trim();
  const body = toPlainText(input.text, { keepLinkUrls: limits.linksClickable });

  if (platform === 'website') {
    // A summary: the first paragraph, or the title when there is no text.
    const first = body.split(/\n\s*\n/)[0]?.replace(/\s+/g, ' ').trim() || title;
    const text = truncateText(first, limits.maxChars);
    if (text !== first) warnings.push('text_shortened');
    return { platform, text, title: null, length: countChars(text), maxChars: limits.maxChars, hashtags: [], droppedHashtags: [], warnings };
  }

  // Hashtags: the platform's hard limit counts tags typed in the text too.
  const inText = new Set(hashtagsIn(`${title}\n${body}`));
  const wanted = cleanHashtags(input.hashtags ?? []).filter((t) => !inText.has(t.toLowerCase()));
  let room = Math.min(input.maxHashtags ?? limits.hashtagsDefault, wanted.length);
  if (limits.hashtagsMax !== null) {
    const left = limits.hashtagsMax - inText.size;
    if (left < 0) warnings.push('too_many_hashtags_in_text');
    room = Math.max(0, Math.min(room, left));
  }
  const hashtags = wanted.slice(0, room);
  const dropped = wanted.slice(room);
  if (dropped.length > 0 && (input.maxHashtags === undefined || room < input.maxHashtags)) warnings.push('hashtags_dropped');

  let linkLine = '';
  if (input.link) {
    if (platform === 'facebook') linkLine = `${READ_MORE} ${input.link}`;
    else if (platform === 'instagram') linkLine = LINK_IN_BIO;
    else linkLine = `${READ_MORE} ${displayUrl(input.link)}`;
  }

  let tiktokTitle: string | null = null;
  let head = title;
  if (platform === 'tiktok') {
    // TikTok shows the title apart from the description, so it is not repeated in the text.
    tiktokTitle = truncateText(title, limits.titleMaxChars!);
    if (tiktokTitle !== title) warnings.push('title_shortened');
    head = '';
  }

  const compose = (b: string, tags: string[]) =>
    [head, b, linkLine, tags.join(' ')].filter((p) => p.length > 0).join('\n\n');

  let text = compose(body, hashtags);
  let used = hashtags;
  if (countChars(text) > limits.maxChars) {
    // Shorten the body first; the link and hashtags are what people act on.
    const fixed = countChars(compose('', used)) + 2;
    const budget = limits.maxChars - fixed;
    if (budget >= 20) {
      text = compose(truncateText(body, budget), used);
    } else {
      used = [];
      text = truncateText(compose(body, used), limits.maxChars);
    }
    warnings.push('text_shortened');
  }
  return {
    platform,
    text,
    title: tiktokTitle,
    length: countChars(text),
    maxChars: limits.maxChars,
    hashtags: used,
    droppedHashtags: [...dropped, ...hashtags.filter((t) => !used.includes(t))],
    warnings,
  };
}
