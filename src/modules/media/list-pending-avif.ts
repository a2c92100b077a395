import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import { idsWithoutAvif } from './media-repo.js';

/**
 * Media still waiting for AVIF variants, oldest first. A periodic sweep re-enqueues these, so a
 * job lost in a crash or sent before a restart is made eventually (makeAvifVariants is idempotent).
 */
export function listPendingAvif(db: Kysely<DB>, limit = 50): Promise<string[]> {
  return idsWithoutAvif(db, Math.min(Math.max(limit, 1), 500));
}
