import type { Kysely } from 'kysely';
import type { Config } from '../config/index.js';
import type { DB } from '../db/schema/index.js';
import { type Platform, type SocialProvider, type TokenKey, createProviders, pgCallGate, tokenKeyFrom } from '../modules/channels/index.js';
import { type ComposerDeps, cardMaker } from '../modules/composer/index.js';
import type { MediaDeps } from '../modules/media/index.js';
import type { PelayananWords, PrivateStore } from '../modules/pelayanan/index.js';
import { DEFAULT_FETCHER_OPTIONS, Fetcher, pgHostSpacing } from '../modules/monitoring/index.js';
import { type PageInvalidation, inProcessPageInvalidation } from '../modules/page-invalidation/index.js';
import { type PublishingDeps, withSignedMedia } from '../modules/publishing/index.js';
import { unitCanonicalBase } from '../shared/unit-site-url.js';
import type { Clock } from '../shared/clock.js';
import { pelayananWords } from './pelayanan-words.js';
import { mediaStoreFor, privateStoreFor } from './stores.js';

// The composition of the modules' dependencies from Config, built once per process and handed
// to both roles: the web (src/main/web.ts mounts the app with them) and the worker (every job's
// handler gets them). One set per process matters: the TikTok call windows (in this process on
// SQLite, in the database on PostgreSQL) and the Graph throttle count per token or app, not per
// request, and the media store is opened once.

export interface Services {
  tokenKey: TokenKey;
  /** Deliveries, sync, token health: the platform adapters with signed media links. */
  publishing: PublishingDeps;
  media: MediaDeps;
  /** Citizens' documents and letters (pelayanan): the private folder or the bucket's private prefix. */
  privateStore: PrivateStore;
  /** What pelayanan tells citizens, in the catalogues' words (the module holds none). */
  pelayananWords: PelayananWords;
  /** The composer; `cityName` feeds the first house hashtag and the "dari Pemkot" label. */
  composer(cityName?: string): ComposerDeps;
  /** The monitoring crawler: polite per host, outward addresses only (MONITOR_ALLOW excepted). */
  fetcher: Fetcher;
  /** "A unit's public pages changed", heard by every process's page cache (decision 0014). */
  pages: PageInvalidation;
}

export interface ComposeInput {
  db: Kysely<DB>;
  clock: Clock;
  config: Config;
  /**
   * The page-cache invalidation port: in-process unless the composition root hands another
   * adapter (several processes: src/main/cluster-page-invalidation.ts, or PostgreSQL's).
   */
  pages?: PageInvalidation;
  /** Also told after a change that may alter public pages (subscribed to `pages`). */
  onPublicChange?: (unitId: string) => void;
}

export function composeServices(input: ComposeInput): Services {
  const { db, clock, config } = input;
  const tokenKey = tokenKeyFrom(config);
  const media: MediaDeps = { db, clock, store: mediaStoreFor(config) };
  const pages = input.pages ?? inProcessPageInvalidation();
  if (input.onPublicChange) pages.subscribe(input.onPublicChange);
  const onPublicChange = (unitId: string): void => pages.unitChanged(unitId);
  return {
    pages,
    tokenKey,
    publishing: { db, clock, tokenKey, providers: providersFor(config, clock, db), policy: { leaseMs: config.workLeaseMs }, ...platformApps(config) },
    media,
    privateStore: privateStoreFor(config),
    pelayananWords: pelayananWords(),
    // A sweep's sites each have about one request in flight (the rest of the time they wait out the
    // per-host gap), so the requests cap grows with the sites a worker checks at once.
    fetcher: new Fetcher({
      contactUrl: `${config.publicUrl}/tentang-pemantauan`,
      allowNetworks: config.monitorAllow,
      globalConcurrency: Math.max(DEFAULT_FETCHER_OPTIONS.globalConcurrency, config.monitorSweepSites),
      // Several workers on PostgreSQL keep one host's spacing together (SQLite has one worker).
      sharedSpacing: config.database.kind === 'postgres' ? pgHostSpacing(db) : undefined,
    }),
    composer: (cityName = '') => ({
      db,
      clock,
      media,
      siteBaseOf: (slug) => unitCanonicalBase(config, slug),
      mediaBaseUrl: config.publicUrl,
      cityName,
      onPublicChange,
      makeCard: cardMaker(media),
    }),
  };
}

function providersFor(config: Config, clock: Clock, db: Kysely<DB>): Record<Platform, SocialProvider> {
  const raw = createProviders({
    graphBase: config.graphApiBase,
    tiktokBase: config.tiktokApiBase,
    tiktokAudited: config.tiktokAudited,
    timeoutMs: 30_000,
    // Several workers on PostgreSQL keep one token's call windows together (SQLite has one worker).
    tiktokGate: config.database.kind === 'postgres' ? pgCallGate(db) : undefined,
  });
  // Instagram and TikTok pull images by URL: our /media/ links are signed at the moment of the call.
  const signer = { publicUrl: config.publicUrl, secret: config.secret };
  return {
    facebook: withSignedMedia(raw.facebook, signer, clock),
    instagram: withSignedMedia(raw.instagram, signer, clock),
    tiktok: withSignedMedia(raw.tiktok, signer, clock),
  };
}

/** The platform apps the token jobs use: TikTok refresh/revoke, Meta's debug_token. */
function platformApps(config: Config): Pick<PublishingDeps, 'tiktokOAuth' | 'facebookApp'> {
  return {
    ...(config.tiktokClientKey && config.tiktokClientSecret
      ? { tiktokOAuth: { tiktokBase: config.tiktokApiBase, clientKey: config.tiktokClientKey, clientSecret: config.tiktokClientSecret } }
      : {}),
    ...(config.facebookAppId && config.facebookAppSecret
      ? { facebookApp: { graphBase: config.graphApiBase, clientId: config.facebookAppId, clientSecret: config.facebookAppSecret } }
      : {}),
  };
}
