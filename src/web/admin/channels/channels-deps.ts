import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Config } from '../../../config/index.js';
import type { DB } from '../../../db/schema/index.js';
import {
  type AuthorLookup,
  type Platform,
  type SocialProvider,
  type TokenKey,
  createProviders,
  parseTokenKey,
  tiktokOEmbedLookup,
} from '../../../modules/channels/index.js';
import { type PublishingDeps, withSignedMedia } from '../../../modules/publishing/index.js';
import type { Clock } from '../../../shared/clock.js';

// Wiring of the channels and publishing modules from Config, shared by the web role (connect,
// manual kit, "coba lagi") and the worker role (delivery runner, sync, token health), so both
// talk to the same platform base URLs with the same token key.

const DEFAULT_TIKTOK_API = 'https://open.tiktokapis.com';

/**
 * TOKEN_ENCRYPTION_KEY when set. Without it (demo, development) a key is derived from
 * BERANDA_SECRET, so a demo still encrypts at rest; production should set its own key so a
 * leaked signing secret does not also open the tokens.
 */
export function tokenKeyOf(config: Pick<Config, 'tokenEncryptionKey' | 'secret'>): TokenKey {
  if (config.tokenEncryptionKey) return parseTokenKey(config.tokenEncryptionKey);
  return createHash('sha256').update(`beranda-token-key:${config.secret}`).digest();
}

// One provider set per base-URL pair: the TikTok rate gate and the Graph throttle must be shared
// by every delivery of the process, or the limits are counted per request instead of per app.
const providerCache = new WeakMap<Clock, Map<string, Record<Platform, SocialProvider>>>();

export function providersOf(config: Config, clock: Clock): Record<Platform, SocialProvider> {
  const key = `${config.graphApiBase}|${config.tiktokApiBase}|${config.publicUrl}|${config.tiktokAudited}`;
  let perClock = providerCache.get(clock);
  if (!perClock) providerCache.set(clock, (perClock = new Map()));
  let p = perClock.get(key);
  if (!p) {
    const raw = createProviders({ graphBase: config.graphApiBase, tiktokBase: config.tiktokApiBase, tiktokAudited: config.tiktokAudited, timeoutMs: 30_000 });
    // Instagram and TikTok pull images by URL: sign our /media/ links at the moment of the call.
    const signer = { publicUrl: config.publicUrl, secret: config.secret };
    p = {
      facebook: withSignedMedia(raw.facebook, signer, clock),
      instagram: withSignedMedia(raw.instagram, signer, clock),
      tiktok: withSignedMedia(raw.tiktok, signer, clock),
    };
    perClock.set(key, p);
  }
  return p;
}

export interface MetaApp {
  graphBase: string;
  /** www.facebook.com, or the demo's simulated dialog. */
  wwwBase: string;
  graphVersion: string;
  clientId: string;
  clientSecret: string;
}

export interface TikTokApp {
  tiktokBase: string;
  wwwBase: string;
  clientKey: string;
  clientSecret: string;
}

/**
 * Demo mode without internet: the OAuth dialogs are replaced by a simulated consent screen
 * (src/web/integrations/simulated-dialog.tsx) that asks the local fakes for a code. Set by
 * src/main/demo/channels-demo.ts while the fakes run; null in every real deployment.
 */
export interface DialogSimulator {
  /** Dialog base URLs under PUBLIC_URL, e.g. {PUBLIC_URL}/integrations/simulasi/facebook. */
  facebook: string;
  tiktok: string;
  /** An authorization code for the simulated account with this handle (created if missing). */
  issueCode(platform: 'facebook' | 'instagram' | 'tiktok', handle: string): string;
}

let simulator: DialogSimulator | null = null;
export function setDialogSimulator(s: DialogSimulator | null): void {
  simulator = s;
}
export const dialogSimulator = (): DialogSimulator | null => simulator;

export function metaAppOf(config: Config): MetaApp | null {
  if (!config.facebookAppId || !config.facebookAppSecret) return null;
  const version = /\/(v\d+\.\d+)\/?$/.exec(config.graphApiBase)?.[1] ?? 'v23.0';
  return {
    graphBase: config.graphApiBase,
    wwwBase: simulator?.facebook ?? 'https://www.facebook.com',
    graphVersion: version,
    clientId: config.facebookAppId,
    clientSecret: config.facebookAppSecret,
  };
}

export function tiktokAppOf(config: Config): TikTokApp | null {
  if (!config.tiktokClientKey || !config.tiktokClientSecret) return null;
  return {
    tiktokBase: config.tiktokApiBase,
    wwwBase: simulator?.tiktok ?? 'https://www.tiktok.com',
    clientKey: config.tiktokClientKey,
    clientSecret: config.tiktokClientSecret,
  };
}

export function publishingDepsOf(deps: { db: Kysely<DB>; clock: Clock; config: Config }): PublishingDeps {
  const meta = metaAppOf(deps.config);
  const tiktok = tiktokAppOf(deps.config);
  return {
    db: deps.db,
    clock: deps.clock,
    tokenKey: tokenKeyOf(deps.config),
    providers: providersOf(deps.config, deps.clock),
    ...(tiktok ? { tiktokOAuth: { tiktokBase: tiktok.tiktokBase, clientKey: tiktok.clientKey, clientSecret: tiktok.clientSecret } } : {}),
    ...(meta ? { facebookApp: { graphBase: meta.graphBase, clientId: meta.clientId, clientSecret: meta.clientSecret } } : {}),
  };
}

/**
 * TikTok's public oEmbed names the author of short share links (vm.tiktok.com/…). In production
 * it lives on www.tiktok.com; when TIKTOK_API_BASE points at the local fakes, they serve it too.
 */
export function authorLookupOf(config: Config): AuthorLookup {
  const wwwBase = config.tiktokApiBase.replace(/\/+$/, '') === DEFAULT_TIKTOK_API ? 'https://www.tiktok.com' : config.tiktokApiBase;
  return tiktokOEmbedLookup({ wwwBase, timeoutMs: 8_000 });
}

/** Redirect URIs registered with the platforms: fixed paths under PUBLIC_URL. */
export const redirectUriOf = (config: Config, platform: 'facebook' | 'tiktok') =>
  `${config.publicUrl.replace(/\/+$/, '')}/integrations/oauth/${platform}/callback`;
