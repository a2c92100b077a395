import type { Kysely } from 'kysely';
import { pruneOldest } from '../../db/prune.js';
import type { DB } from '../../db/schema/index.js';

/**
 * Shared TikTok call windows (PostgreSQL, shared-call-gate.ts) with no call for a day: a window
 * is a minute long, and access tokens rotate (each new token is a new key), so such rows are
 * never read again; a key used again gets a fresh row. last_at is ms of the database's clock.
 */
export function pruneCallWindows(db: Kysely<DB>, now: Date, limit: number): Promise<number> {
  return pruneOldest(db, { table: 'channel_call_windows', id: 'key', time: 'last_at', before: now.getTime() - 86_400_000, limit });
}
