import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import { type ChannelRow, type PostVariant, listUnitChannels, platformOf } from '../channels/index.js';
import { type MediaItem, type SocialCrop, getMedia, pickVariant } from '../media/index.js';
import { type CaptionPlatform, captionFor } from '../publishing-captions/index.js';
import { bodyToPlain } from './body-format.js';
import type { Draft } from './draft-repo.js';

// What each ticked channel receives: the caption written for its platform (or the one the user
// edited), the picture in the platform's shape, and the link to the post on the website.


/** Platforms without their own caption rules borrow Facebook's (long text, clickable links). */
export const captionPlatformOf = (platform: string): CaptionPlatform =>
  platform === 'instagram' || platform === 'tiktok' ? platform : 'facebook';

/** The unit's channels the draft goes to (all of them until the user unticks some). */
export async function chosenChannels(db: Kysely<DB>, draft: Draft): Promise<{ all: ChannelRow[]; chosen: ChannelRow[] }> {
  const all = await listUnitChannels(db, draft.unitId);
  const chosen = draft.channelIds === null ? all : all.filter((c) => draft.channelIds!.includes(c.id));
  return { all, chosen };
}

export function imageUrlFor(item: MediaItem, platform: string, mediaBaseUrl: string): string | null {
  // The platform's own shape (its descriptor); Facebook and others take the full photo.
  const shape = platformOf(platform)?.media.shape;
  const crop: SocialCrop | undefined = shape && shape !== 'landscape_og' ? shape : undefined;
  const v = (crop ? pickVariant(item, { crop }) : null) ?? pickVariant(item, { format: 'jpeg', minWidth: 1080 });
  return v ? `${mediaBaseUrl}/media/${v.key}` : null;
}

export async function variantsFor(
  db: Kysely<DB>,
  args: { draft: Draft; channels: ChannelRow[]; imageIds: string[]; link: string | null; mediaBaseUrl: string },
): Promise<Array<{ channelId: string; variant: PostVariant }>> {
  const items: { item: MediaItem; alt: string }[] = [];
  for (const id of args.imageIds) {
    const m = await getMedia(db, args.draft.unitId, id);
    if (m.ok) items.push({ item: m.value, alt: args.draft.photos.find((p) => p.mediaId === id)?.alt || m.value.alt });
  }
  return args.channels.map((ch) => {
    const platform = captionPlatformOf(ch.platform);
    const generated = captionFor(platform, { title: args.draft.title, text: bodyToPlain(args.draft.body), link: args.link, hashtags: args.draft.hashtags });
    const edited = (args.draft.captions as Record<string, string | undefined>)[ch.platform];
    const variant: PostVariant = {
      caption: edited?.trim() ? edited : generated.text,
      imageUrls: items.map((i) => imageUrlFor(i.item, ch.platform, args.mediaBaseUrl)).filter((u): u is string => !!u),
      altTexts: items.map((i) => i.alt),
    };
    if (args.link) variant.link = args.link;
    if (ch.platform === 'tiktok') {
      variant.title = generated.title ?? args.draft.title.slice(0, 90);
      if (args.draft.tiktokPrivacy) variant.privacyLevel = args.draft.tiktokPrivacy;
    }
    return { channelId: ch.id, variant };
  });
}
