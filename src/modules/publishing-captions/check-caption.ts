import { hashtagsIn } from './hashtags.js';
import { type CaptionPlatform, countChars, limitsFor } from './limits.js';

export type CaptionProblem = 'too_long' | 'title_too_long' | 'too_many_hashtags' | 'empty';

export interface CaptionCheck {
  length: number;
  maxChars: number;
  remaining: number;
  titleLength: number | null;
  titleMaxChars: number | null;
  hashtagCount: number;
  hashtagsMax: number | null;
  problems: CaptionProblem[];
}

/**
 * Checks a caption after staff edited it for one channel: the live counter ("1.850 / 2.200") and
 * the reasons the publish button stays disabled.
 */
export function checkCaption(platform: CaptionPlatform, text: string, title?: string | null): CaptionCheck {
  const l = limitsFor(platform);
  const length = countChars(text);
  const hashtagCount = new Set(hashtagsIn(text)).size;
  const titleLength = l.titleMaxChars !== null ? countChars(title ?? '') : null;
  const problems: CaptionProblem[] = [];
  if (text.trim() === '' && platform !== 'tiktok') problems.push('empty');
  if (length > l.maxChars) problems.push('too_long');
  if (titleLength !== null && titleLength > l.titleMaxChars!) problems.push('title_too_long');
  if (l.hashtagsMax !== null && hashtagCount > l.hashtagsMax) problems.push('too_many_hashtags');
  return {
    length, maxChars: l.maxChars, remaining: l.maxChars - length, titleLength, titleMaxChars: l.titleMaxChars,
    hashtagCount, hashtagsMax: l.hashtagsMax, problems,
  };
}
