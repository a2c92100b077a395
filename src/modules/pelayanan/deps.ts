import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import type { Clock } from '../../shared/clock.js';
import type { PrivateStore } from './private-store.js';
import type { PelayananWords } from './words.js';

/** What the pelayanan use cases need; the composition root (or the web edge) builds it from config. */
export interface PelayananDeps {
  db: Kysely<DB>;
  clock: Clock;
  store: PrivateStore;
  /** Keys the challenge tokens, rate-limit hashes and staff document links. */
  secret: string;
  /** The city (regency code), e.g. '19.71'. */
  region: string;
  /** The words of what citizens are told (messages, history lines, labels): the module holds none. */
  words: PelayananWords;
}

/** A file as the web edge read it from the form; checked and re-encoded before anything is kept. */
export interface UploadedFile {
  slot: string;
  name: string;
  bytes: Buffer;
}
