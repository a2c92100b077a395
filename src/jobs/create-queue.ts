import type { Kysely } from 'kysely';
import type { DatabaseConfig } from '../config/index.js';
import type { DB } from '../db/schema/index.js';
import type { Clock } from '../shared/clock.js';
import { EmbeddedQueue } from './embedded-queue.js';
import { PgBossQueue } from './pg-boss-queue.js';
import type { JobQueue } from './queue.js';

/**
 * SQLite deployments get the embedded queue; PostgreSQL deployments get pg-boss, which deletes
 * its finished jobs itself after `keepFinishedDays` (RETENTION_JOBS_DAYS; the embedded queue's are
 * deleted by the retention job).
 */
export function createQueue(config: DatabaseConfig, db: Kysely<DB>, clock: Clock, onError?: (e: unknown) => void, keepFinishedDays?: number): JobQueue {
  return config.kind === 'postgres'
    ? new PgBossQueue(config.url, { onError, ...(keepFinishedDays ? { deleteAfterDays: keepFinishedDays } : {}) })
    : new EmbeddedQueue(db, { clock, onError: (e) => onError?.(e) });
}
