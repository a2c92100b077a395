import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import { listInUnit } from './media-repo.js';
import type { MediaItem } from './types.js';

export interface ListMediaOptions {
  limit?: number;
  /** The last item of the previous page, for "Muat lebih banyak". */
  before?: { createdAt: string; id: string };
}

/** The unit's media library, newest first. Only this unit's items, ever. */
export function listMedia(db: Kysely<DB>, unitId: string, options: ListMediaOptions = {}): Promise<MediaItem[]> {
  const limit = Math.min(Math.max(options.limit ?? 30, 1), 100);
  return listInUnit(db, unitId, { limit, before: options.before });
}
