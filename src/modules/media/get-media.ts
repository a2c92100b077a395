import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import { type Result, err, ok } from '../../shared/result.js';
import { findInUnit } from './media-repo.js';
import type { MediaItem } from './types.js';

/**
 * One media item of a unit. Another unit's id answers not_found (not forbidden), so ids of other
 * units cannot be probed.
 */
export async function getMedia(db: Kysely<DB>, unitId: string, id: string): Promise<Result<MediaItem, 'not_found'>> {
  const item = await findInUnit(db, unitId, id);
  return item ? ok(item) : err('not_found');
}
