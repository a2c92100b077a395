import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';

/**
 * Content ids that Pemkot broadcast into the given unit(s). Monitoring's OwnContentSource and
 * compliance use this to mark `isBroadcast`: shown on the kelurahan's site, never counted as
 * the kelurahan's own content.
 */
export async function broadcastContentIds(db: Kysely<DB>, unitIds?: string[]): Promise<Set<string>> {
  let q = db.selectFrom('broadcast_items').select('content_id');
  if (unitIds) {
    if (unitIds.length === 0) return new Set();
    q = q.where('unit_id', 'in', unitIds);
  }
  return new Set((await q.execute()).map((r) => r.content_id));
}
