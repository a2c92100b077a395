import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import { type Result, err, ok } from '../../shared/result.js';
import { findInUnit, updateAlt } from './media-repo.js';
import { MAX_ALT_LENGTH } from './store-upload.js';
import type { MediaItem } from './types.js';

/** Saves the short description (alt text) the composer asks for after each photo. */
export async function updateMediaAlt(
  db: Kysely<DB>,
  unitId: string,
  id: string,
  alt: string,
): Promise<Result<MediaItem, 'not_found' | 'alt_too_long'>> {
  const clean = alt.replace(/\s+/g, ' ').trim();
  if (clean.length > MAX_ALT_LENGTH) return err('alt_too_long');
  if (!(await updateAlt(db, unitId, id, clean))) return err('not_found');
  const item = await findInUnit(db, unitId, id);
  return item ? ok(item) : err('not_found');
}
