import { type ChannelRow, platformName, platformOf } from '../channels/index.js';
import { type MediaItem, pickVariant } from '../media/index.js';
import { type Caption, captionFor, captionProblemTexts, checkCaption, limitsFor } from '../publishing-captions/index.js';
import { bodyToPlain } from './body-format.js';
import { captionPlatformOf } from './channel-variants.js';
import type { Draft } from './draft-repo.js';

// How the post will look on each place it goes: the website card, a Facebook post, an
// Instagram 4:5 picture and a TikTok 9:16 photo post. Built from the saved draft, so what the
// preview shows is exactly what publishing sends.

export interface PlatformPreview {
  platform: 'website' | 'facebook' | 'instagram' | 'tiktok';
  /** Channels of this platform the draft goes to (empty for the website). */
  channels: ChannelRow[];
  caption: Caption;
  /** The caption the user edited by hand for this platform, if any. */
  edited: string | null;
  /** Text as it will be sent (edited or generated) and its length against the limit. */
  text: string;
  length: number;
  maxChars: number;
  /** Image in the platform's shape, served by us ("/media/…"); null → the image card is made. */
  image: string | null;
  imageShape: 'landscape' | 'portrait' | 'story' | 'square';
  /** The platform's caption rules this text breaks, as sentences shown at the caption. */
  problems: string[];
}



const SHAPE = { website: 'landscape', facebook: 'landscape', instagram: 'portrait', tiktok: 'story' } as const;

export function buildPreviews(args: { draft: Draft; chosen: ChannelRow[]; firstPhoto: MediaItem | null; link: string }): PlatformPreview[] {
  const { draft } = args;
  const input = { title: draft.title || '(judul)', text: bodyToPlain(draft.body), link: args.link, hashtags: draft.hashtags };
  const platforms: PlatformPreview['platform'][] = ['website'];
  for (const p of ['facebook', 'instagram', 'tiktok'] as const) if (args.chosen.some((c) => captionPlatformOf(c.platform) === p)) platforms.push(p);
  return platforms.map((platform) => {
    const caption = captionFor(platform, input);
    const edited = platform === 'website' ? null : (draft.captions[platform] ?? null);
    const text = edited ?? caption.text;
    const crop = platformOf(platform)?.media.shape ?? 'landscape_og';
    const v = args.firstPhoto ? (pickVariant(args.firstPhoto, { crop }) ?? pickVariant(args.firstPhoto, { format: 'jpeg', minWidth: 480 })) : null;
    return {
      platform,
      channels: platform === 'website' ? [] : args.chosen.filter((c) => captionPlatformOf(c.platform) === platform),
      caption,
      edited,
      text,
      length: text.length,
      maxChars: limitsFor(platform).maxChars,
      image: v ? `/media/${v.key}` : null,
      imageShape: SHAPE[platform],
      problems: platform === 'website' ? [] : problemsOf(platform, text, caption.title ?? draft.title),
    };
  });
}

/** Hashtags, mentions and the TikTok title (the length has its own red counter beside the text). */
function problemsOf(platform: 'facebook' | 'instagram' | 'tiktok', text: string, title: string): string[] {
  const check = checkCaption(platform, text, platform === 'tiktok' ? title : null);
  check.problems = check.problems.filter((p) => p !== 'empty' && p !== 'too_long');
  return captionProblemTexts(platformName(platform), check);
}
