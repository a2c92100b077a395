import type { Kysely } from 'kysely';
import type { Config } from '../config/index.js';
import type { DB } from '../db/schema/index.js';
import { type Platform, type SocialProvider, type TokenKey, createProviders, tokenKeyFrom } from '../modules/channels/index.js';
import { type ComposerDeps, cardMaker } from '../modules/composer/index.js';
import { type MediaDeps, createFileMediaStore } from '../modules/media/index.js';
import { Fetcher } from '../modules/monitoring/index.js';
import { type PublishingDeps, withSignedMedia } from '../modules/publishing/index.js';
import { unitCanonicalBase } from '../shared/unit-site-url.js';
import type { Clock } from '../shared/clock.js';

// The composition of the modules' dependencies from Config, built once per process and handed
// to both roles: the web (src/main/web.ts mounts the app with them) and the worker (every job's
// handler gets them). One set per process matters: the TikTok rate gate and the Graph throttle
// count per app, not per request, and the media store is opened once.

export interface Services {
  tokenKey: TokenKey;
  /** Deliveries, sync, token health: the platform adapters with signed media links. */
  publishing: PublishingDeps;
  media: MediaDeps;
  /** The composer; `cityName` feeds the first house hashtag and the "dari Pemkot" label. */
  composer(cityName?: string): ComposerDeps;
  /** The monitoring crawler: polite per host, outward addresses only (MONITOR_ALLOW excepted). */
  fetcher: Fetcher;
}

export interface ComposeInput {
  db: Kysely<DB>;
  clock: Clock;
  config: Config;
  /** Told after a change that may alter public pages (the web's page cache drops the unit). */
  onPublicChange?: (unitId: string) => void;
}

export function composeServices(input: ComposeInput): Services {
  const { db, clock, config } = input;
  const tokenKey = tokenKeyFrom(config);
  const media: MediaDeps = { db, clock, store: createFileMediaStore(config.mediaDir) };
  return {
    tokenKey,
    publishing: { db, clock, tokenKey, providers: providersFor(config, clock), ...platformApps(config) },
    media,
    fetcher: new Fetcher({ contactUrl: `${config.publicUrl}/tentang-pemantauan`, allowNetworks: config.monitorAllow }),
    composer: (cityName = '') => ({
      db,
      clock,
      media,
      siteBaseOf: (slug) => unitCanonicalBase(config, slug),
      mediaBaseUrl: config.publicUrl,
      cityName,
      ...(input.onPublicChange ? { onPublicChange: input.onPublicChange } : {}),
      makeCard: cardMaker(media),
    }),
  };
}

function providersFor(config: Config, clock: Clock): Record<Platform, SocialProvider> {
  const raw = createProviders({ graphBase: config.graphApiBase, tiktokBase: config.tiktokApiBase, tiktokAudited: config.tiktokAudited, timeoutMs: 30_000 });
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
