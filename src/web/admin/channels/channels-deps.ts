import type { Config } from '../../../config/index.js';
import { type AuthorLookup, tiktokOEmbedLookup, tokenKeyFrom } from '../../../modules/channels/index.js';
import type { PublishingDeps } from '../../../modules/publishing/index.js';
import type { AppDeps } from '../../deps.js';

// The channels' OAuth apps and dialogs as the HTTP edge sees them. The publishing dependencies
// themselves (adapters, token key) are composed once in src/main/compose.ts and reach the routes
// through AppDeps.services, shared with the worker.

const DEFAULT_TIKTOK_API = 'https://open.tiktokapis.com';

/** The token key in use (derivation in channels/token-crypto.ts). */
export const tokenKeyOf = tokenKeyFrom;

export const publishingDepsOf = (deps: Pick<AppDeps, 'services'>): PublishingDeps => deps.services.publishing;

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
