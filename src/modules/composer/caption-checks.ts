import { type ChannelRow, platformName } from '../channels/index.js';
import { type CaptionCheck, type CaptionPlatform, captionFor, captionProblemTexts, checkCaption } from '../publishing-captions/index.js';
import { bodyToPlain } from './body-format.js';
import { captionPlatformOf } from './channel-variants.js';
import type { Draft } from './draft-repo.js';

// The captions a draft would send, checked against each platform's documented limits before
// anything is published or scheduled (the delivery runner checks again before the first call).
// The rules and their sentences live in publishing-captions; this only picks the text that goes
// out: the one staff edited for the platform, or the generated one.

export interface DraftCaptionCheck {
  platform: Exclude<CaptionPlatform, 'website'>;
  check: CaptionCheck;
  /** One sentence per broken rule, with the numbers (Indonesian). */
  messages: string[];
}

export function checkDraftCaptions(draft: Draft, chosen: ChannelRow[]): DraftCaptionCheck[] {
  const input = { title: draft.title, text: bodyToPlain(draft.body), link: null, hashtags: draft.hashtags };
  const platforms = new Set(chosen.map((c) => captionPlatformOf(c.platform)).filter((p): p is DraftCaptionCheck['platform'] => p !== 'website'));
  return [...platforms].map((platform) => {
    const generated = captionFor(platform, input);
    const edited = draft.captions[platform]?.trim() ? draft.captions[platform]! : null;
    const check = checkCaption(platform, edited ?? generated.text, platform === 'tiktok' ? (generated.title ?? draft.title) : null);
    // An empty caption is the generator's business (it falls back to the title), not a refusal.
    check.problems = check.problems.filter((p) => p !== 'empty');
    return { platform, check, messages: captionProblemTexts(platformName(platform), check) };
  });
}
