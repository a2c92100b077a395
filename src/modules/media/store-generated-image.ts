import { createHash } from 'node:crypto';
import type Sharp from 'sharp';
import { iso } from '../../shared/clock.js';
import { lazyPackage } from '../../shared/lazy-package.js';
import { newId } from '../../shared/ids.js';
import { type Result, ok } from '../../shared/result.js';
import type { MediaDeps } from './deps.js';
import { findByUnitAndHash, insertMedia } from './media-repo.js';
import { processImage } from './process-image.js';
import { MAX_ALT_LENGTH, type StoredUpload } from './store-upload.js';
import { storeVariant } from './to-variant.js';
import { type MediaItem, type SocialCrop, type Variant, defaultMediaLimits } from './types.js';

const sharp = lazyPackage<typeof Sharp>('sharp');

export interface GeneratedImageInput {
  unitId: string;
  userId: string | null;
  /** e.g. "kartu-pengumuman.png": shown in the library. */
  name: string;
  alt: string;
  /** The main picture (PNG or JPEG); web sizes are made from it. */
  source: Buffer;
  /** Ready-made pictures per social format. They are stored as they are, never re-cropped —
   *  cropping an image card would cut its text. */
  crops: Partial<Record<SocialCrop, Buffer>>;
}

/**
 * Puts an image we generated ourselves (an image card for a post without photos) into the unit's
 * library, so the composer, the website and deliveries treat it like a photo. Safe to retry: the
 * same source for the same unit returns the existing item.
 */
export async function storeGeneratedImage(
  deps: MediaDeps,
  input: GeneratedImageInput,
): Promise<Result<StoredUpload, never>> {
  const limits = deps.limits ?? defaultMediaLimits;
  const sha256 = createHash('sha256').update(input.source).digest('hex');
  const existing = await findByUnitAndHash(deps.db, input.unitId, sha256);
  if (existing) return ok({ item: existing, duplicate: true });

  const meta = await sharp(input.source).metadata();
  const encoded = await processImage(input.source, { maxPixels: limits.maxPixels, crops: [] });
  const variants: Variant[] = [];
  for (const img of encoded) variants.push(await storeVariant(deps.store, img));
  for (const [crop, data] of Object.entries(input.crops) as Array<[SocialCrop, Buffer]>) {
    const m = await sharp(data).metadata();
    const format = m.format === 'png' ? 'png' : 'jpeg';
    variants.push(
      await storeVariant(deps.store, {
        kind: 'social',
        name: `social-${m.width}x${m.height}.${format === 'png' ? 'png' : 'jpg'}`,
        format,
        width: m.width!,
        height: m.height!,
        data,
        crop,
      }),
    );
  }

  const now = deps.clock.now();
  const item: MediaItem = {
    id: newId(now.getTime()),
    unitId: input.unitId,
    originalName: input.name.slice(0, 200),
    mime: meta.format === 'png' ? 'image/png' : 'image/jpeg',
    width: meta.width!,
    height: meta.height!,
    bytes: input.source.length,
    sha256,
    alt: input.alt.replace(/\s+/g, ' ').trim().slice(0, MAX_ALT_LENGTH),
    variants,
    createdBy: input.userId,
    createdAt: iso(now),
  };
  if (!(await insertMedia(deps.db, item))) {
    const winner = await findByUnitAndHash(deps.db, input.unitId, sha256);
    if (winner) return ok({ item: winner, duplicate: true });
    throw new Error('media insert conflicted but no row was found');
  }
  return ok({ item, duplicate: false });
}
