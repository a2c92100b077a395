import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import { pruneOldest } from '../../db/prune.js';

// Retention (issue 13): in-app notifications read before the cut-off go, at most `limit` per
// run. Unread ones stay whatever their age: nobody has seen them yet.
export function pruneReadNotifications(db: Kysely<DB>, before: string, limit: number): Promise<number> {
  return pruneOldest(db, { table: 'notifications', time: 'read_at', before, limit });
}
