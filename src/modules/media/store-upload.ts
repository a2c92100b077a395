import { createHash } from 'node:crypto';
import { iso } from '../../shared/clock.js';
import { newId } from '../../shared/ids.js';
import { ok } from '../../shared/result.js';
import type { MediaDeps } from './deps.js';
import { findByUnitAndHash, insertMedia } from './media-repo.js';
import { processImage } from './process-image.js';
import { readUpload } from './read-upload.js';
import { type MediaResult, refuse } from './refusal.js';
import { storeVariant } from './to-variant.js';
import { type MediaItem, defaultMediaLimits } from './types.js';
import { validateImage } from './validate-image.js';

export interface StoreUploadInput {
  unitId: string;
  userId: string | null;
  originalName: string;
  alt?: string;
  /** The upload as a stream (preferred: refused early when too big) … */
  stream?: AsyncIterable<Uint8Array>;
  /** … or already in memory. */
  bytes?: Buffer;
  /** Size the client announced, if any, so an oversize upload is refused before reading. */
  declaredBytes?: number | null;
}

export interface StoredUpload {
  item: MediaItem;
  /** True when this unit already had the same photo (e.g. a retried upload): nothing new made. */
  duplicate: boolean;
}

export const MAX_ALT_LENGTH = 300;

/**
 * Takes a photo from staff into the unit's media library: refuse early what cannot be used,
 * otherwise make every variant a publish needs, store them, and record the item. Safe to retry:
 * the same bytes for the same unit return the existing item. AVIF variants are not made here —
 * enqueue makeAvifVariants(item.id) afterwards.
 */
export async function storeUpload(deps: MediaDeps, input: StoreUploadInput): Promise<MediaResult<StoredUpload>> {
  const limits = deps.limits ?? defaultMediaLimits;
  let bytes = input.bytes;
  if (!bytes) {
    if (!input.stream) throw new Error('storeUpload needs bytes or stream');
    const read = await readUpload(input.stream, { maxBytes: limits.maxBytes, declaredBytes: input.declaredBytes });
    if (!read.ok) return read;
    bytes = read.value;
  }
  const valid = await validateImage(bytes, limits);
  if (!valid.ok) return valid;

  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const existing = await findByUnitAndHash(deps.db, input.unitId, sha256);
  if (existing) return ok({ item: existing, duplicate: true });

  let encoded;
  try {
    encoded = await processImage(bytes, { maxPixels: limits.maxPixels });
  } catch {
    // Header looked fine but the pixels could not be decoded: damaged or truncated file.
    return refuse('unreadable');
  }
  const variants = [];
  for (const img of encoded) variants.push(await storeVariant(deps.store, img));

  const now = deps.clock.now();
  const item: MediaItem = {
    id: newId(now.getTime()),
    unitId: input.unitId,
    originalName: cleanName(input.originalName),
    mime: valid.value.mime,
    width: valid.value.width,
    height: valid.value.height,
    bytes: bytes.length,
    sha256,
    alt: (input.alt ?? '').trim().slice(0, MAX_ALT_LENGTH),
    variants,
    createdBy: input.userId,
    createdAt: iso(now),
  };
  if (!(await insertMedia(deps.db, item))) {
    // Two tabs sent the same photo at once; the other one won. Files are shared (same content).
    const winner = await findByUnitAndHash(deps.db, input.unitId, sha256);
    if (winner) return ok({ item: winner, duplicate: true });
    throw new Error('media insert conflicted but no row was found');
  }
  return ok({ item, duplicate: false });
}

/** Keeps only the base name, without control characters, at a sane length. */
function cleanName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 200);
  return clean || 'foto';
}
