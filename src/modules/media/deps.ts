import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import type { Clock } from '../../shared/clock.js';
import type { MediaStore } from './file-media-store.js';
import type { MediaLimits } from './types.js';

/** What the media use cases need, wired once in src/main (store root = config.mediaDir). */
export interface MediaDeps {
  db: Kysely<DB>;
  store: MediaStore;
  clock: Clock;
  limits?: MediaLimits;
}
