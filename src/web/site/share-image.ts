import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import { CARD_SIZES } from '../../modules/cards/index.js';
import { getMedia, itemsByKey, pickVariant } from '../../modules/media/index.js';
import type { Profile } from '../../modules/profile/index.js';

/** A page's share picture (og:image): an absolute URL and the real size of the file served there. */
export interface ShareImage {
  url: string;
  width: number;
  height: number;
  alt: string;
}

/** Where the generated cards are answered (card-route.ts); `_` keeps it out of unit slugs. */
export const CARD_PATH = '/_kartu';
const OG = CARD_SIZES.og;

/** The generated card of a unit (last link of the chain), or of the city portal (unitId null). */
export function cardImage(publicUrl: string, unitId: string | null, alt: string): ShareImage {
  return { url: `${publicUrl}${CARD_PATH}/${unitId ?? 'portal'}.png`, width: OG.width, height: OG.height, alt };
}

// A variant's key never changes what it points at, so its answer is kept for the life of the process.
const byKey = new Map<string, { key: string; width: number; height: number } | null>();

/**
 * A profile picture (`/media/<key>` of one variant) as a share picture. Every variant of an item
 * the profile uses is public (media-route.ts), so the office photo may give its 1200×630 crop;
 * the logo keeps the variant the profile chose (a crop would cut it).
 */
async function profilePicture(db: Kysely<DB>, unitId: string, ref: string | undefined, preferOg: boolean) {
  const key = ref?.startsWith('/media/') ? ref.slice('/media/'.length) : '';
  if (!key) return null;
  const memo = `${unitId}|${preferOg ? 'og' : ''}|${key}`;
  if (byKey.has(memo)) return byKey.get(memo)!;
  let found: { key: string; width: number; height: number } | null = null;
  for (const it of await itemsByKey(db, key)) {
    if (it.unitId !== unitId) continue;
    const m = await getMedia(db, unitId, it.mediaId);
    if (!m.ok) continue;
    const v = (preferOg ? pickVariant(m.value, { crop: 'landscape_og' }) : undefined) ?? m.value.variants.find((x) => x.key === key);
    if (v) found = { key: v.key, width: v.width, height: v.height };
    break;
  }
  if (byKey.size > 5000) byKey.clear();
  byKey.set(memo, found);
  return found;
}

/**
 * The unit-wide end of the share-picture chain: office photo, else logo, else the unit's card.
 * (A post's own photo or card comes first; the page passes it as meta.image.)
 */
export async function unitShareImage(db: Kysely<DB>, publicUrl: string, unit: { id: string }, profile: Profile, title: string): Promise<ShareImage> {
  const foto = await profilePicture(db, unit.id, profile.identitas.fotoKantor, true);
  if (foto) return { url: `${publicUrl}/media/${foto.key}`, width: foto.width, height: foto.height, alt: title };
  const logo = await profilePicture(db, unit.id, profile.identitas.logo, false);
  if (logo) return { url: `${publicUrl}/media/${logo.key}`, width: logo.width, height: logo.height, alt: title };
  return cardImage(publicUrl, unit.id, title);
}
