import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import type { Clock } from '../../shared/clock.js';
import type { MediaDeps } from '../media/index.js';

/** What the composer's use cases need, wired once by a composition root (web or worker). */
export interface ComposerDeps {
  db: Kysely<DB>;
  clock: Clock;
  /** For generated image cards (stored in the unit's media library) and for reading photos. */
  media: MediaDeps;
  /** The canonical base of a unit's site, e.g. "https://bacang.kota.go.id" — links in captions. */
  siteBaseOf(unitSlug: string): string;
  /** Absolute origin that serves /media/… so platforms can fetch the images. */
  mediaBaseUrl: string;
  /** e.g. "Kota Pangkalpinang": first house hashtag and the "dari Pemkot" label. */
  cityName: string;
  /** Called after a change that may alter public pages (the site's page cache listens). */
  onPublicChange?: (unitId: string) => void;
  /**
   * Makes the image card of a post without photos and returns its media id. Injected so unit
   * tests can skip font rendering; production passes makeCardMedia (make-card-media.ts).
   */
  makeCard?: (args: CardRequest) => Promise<string | null>;
}

export interface CardRequest {
  unitId: string;
  unitName: string;
  userId: string | null;
  template: import('../../db/schema/composer.js').ComposerTemplate;
  title: string;
  text: string;
  date: Date;
  siteLabel: string;
}
