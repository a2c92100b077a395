import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Config } from '../config/index.js';
import type { Dialect } from '../db/dialect.js';
import type { DB } from '../db/schema/index.js';
import type { JobQueue } from '../jobs/queue.js';
import type { TokenKey } from '../modules/channels/index.js';
import type { ComposerDeps } from '../modules/composer/index.js';
import type { MediaDeps } from '../modules/media/index.js';
import type { PageInvalidation } from '../modules/page-invalidation/index.js';
import type { PelayananWords, PrivateStore } from '../modules/pelayanan/index.js';
import type { PublishingDeps } from '../modules/publishing/index.js';
import type { Clock } from '../shared/clock.js';

/** The modules' dependencies, composed in src/main (compose.ts) and shared with the worker. */
export interface AppServices {
  tokenKey: TokenKey;
  publishing: PublishingDeps;
  media: MediaDeps;
  privateStore: PrivateStore;
  pelayananWords: PelayananWords;
  composer(cityName?: string): ComposerDeps;
  /** Announce "this unit's public pages changed" here: every web process's page cache hears it. */
  pages: PageInvalidation;
}

/** Everything the HTTP edge needs, built once by a composition root (src/main). */
export interface AppDeps {
  db: Kysely<DB>;
  dialect: Dialect;
  config: Config;
  clock: Clock;
  logger: Logger;
  services: AppServices;
  /** Absent in processes that only serve HTTP and never enqueue (tests may omit it). */
  jobs?: JobQueue;
}
