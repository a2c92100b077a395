import { t } from '../../i18n/index.js';
import { hashtagsIn, mentionsIn } from './hashtags.js';
import { type CaptionPlatform, countChars, limitsFor } from './limits.js';

export type CaptionProblem = 'too_long' | 'title_too_long' | 'too_many_hashtags' | 'too_many_mentions' | 'empty';

export interface CaptionCheck {
  length: number;
  maxChars: number;
  remaining: number;
  titleLength: number | null;
  titleMaxChars: number | null;
  hashtagCount: number;
  hashtagsMax: number | null;
  mentionCount: number;
  mentionsMax: number | null;
  problems: CaptionProblem[];
}

/**
 * Checks the caption (and TikTok title) as it will be sent against every documented limit of
 * the platform: the live counter ("1.850 / 2.200"), the reasons the composer refuses to publish,
 * and the delivery runner's last check before anything goes to the platform. Hashtags and
 * mentions are counted each time they appear, the stricter reading of the platforms' rules.
 */
export function checkCaption(platform: CaptionPlatform, text: string, title?: string | null): CaptionCheck {
  const l = limitsFor(platform);
  const length = countChars(text);
  const hashtagCount = hashtagsIn(text).length;
  const mentionCount = mentionsIn(text).length;
  const titleLength = l.titleMaxChars !== null ? countChars(title ?? '') : null;
  const problems: CaptionProblem[] = [];
  if (text.trim() === '' && platform !== 'tiktok') problems.push('empty');
  if (length > l.maxChars) problems.push('too_long');
  if (titleLength !== null && titleLength > l.titleMaxChars!) problems.push('title_too_long');
  if (l.hashtagsMax !== null && hashtagCount > l.hashtagsMax) problems.push('too_many_hashtags');
  if (l.mentionsMax !== null && mentionCount > l.mentionsMax) problems.push('too_many_mentions');
  return {
    length, maxChars: l.maxChars, remaining: l.maxChars - length, titleLength, titleMaxChars: l.titleMaxChars,
    hashtagCount, hashtagsMax: l.hashtagsMax, mentionCount, mentionsMax: l.mentionsMax, problems,
  };
}

/** Each problem of a check as a sentence for staff (Indonesian), naming the numbers. */
export function captionProblemTexts(platformName: string, check: CaptionCheck): string[] {
  return check.problems.map((p) => {
    const params: Record<string, string | number> = { platform: platformName };
    if (p === 'too_long') Object.assign(params, { length: check.length, max: check.maxChars });
    if (p === 'title_too_long') Object.assign(params, { length: check.titleLength ?? 0, max: check.titleMaxChars ?? 0 });
    if (p === 'too_many_hashtags') Object.assign(params, { count: check.hashtagCount, max: check.hashtagsMax ?? 0 });
    if (p === 'too_many_mentions') Object.assign(params, { count: check.mentionCount, max: check.mentionsMax ?? 0 });
    return t(`captions.problem.${p}`, params);
  });
}
