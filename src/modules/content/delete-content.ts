import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import { type Result, err, ok } from '../../shared/result.js';

/**
 * Removes a content item of the unit for good (its search entry goes with it by trigger). Who
 * may is the caller's question (the composer asks the publishing policy); the unit id is part
 * of the lookup, so another unit's item is not found. Photos stay in the media library.
 */
export async function deleteContent(
  deps: { db: Kysely<DB>; onPublicChange?: (unitId: string) => void },
  args: { unitId: string; id: string },
): Promise<Result<{ id: string }, 'not_found'>> {
  const r = await deps.db.deleteFrom('content_items').where('unit_id', '=', args.unitId).where('id', '=', args.id).executeTakeFirst();
  if (Number(r.numDeletedRows) === 0) return err('not_found');
  deps.onPublicChange?.(args.unitId);
  return ok({ id: args.id });
}
