import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Config } from '../config/index.js';
import type { Dialect } from '../db/dialect.js';
import type { DB } from '../db/schema/index.js';
import type { JobQueue } from '../jobs/queue.js';
import type { Clock } from '../shared/clock.js';

/** Everything the HTTP edge needs, built once by a composition root (src/main). */
export interface AppDeps {
  db: Kysely<DB>;
  dialect: Dialect;
  config: Config;
  clock: Clock;
  logger: Logger;
  /** Absent in processes that only serve HTTP and never enqueue (tests may omit it). */
  jobs?: JobQueue;
}
