import { failure, httpRequest, tryJson, type HttpDeps } from './providers/http.js';
import { asRecord, recordsOf } from '../../shared/json-record.js';
import { facebookPlatform } from './providers/facebook-platform.js';
import { instagramPlatform } from './providers/instagram-platform.js';
import { parsePlatformJson } from './providers/platform-json.js';
import { tiktokPlatform } from './providers/tiktok-platform.js';
import type { ProviderResult } from './providers/social-provider.js';
import { pFail, pOk } from './providers/social-provider.js';
import { graphCall } from './providers/graph.js';
import type { Clock } from '../../shared/clock.js';

// OAuth helpers as plain functions: the web layer builds the dialog URL (with a `state` it keeps
// in the session against CSRF), receives the callback, and calls these to turn a code into
// tokens. Lifetimes are read from each answer (`expires_in`), never assumed.

export interface TokenSet {
  accessToken: string;
  /** ISO time; null when the platform says the token does not expire. */
  expiresAt: string | null;
  refreshToken?: string;
  refreshExpiresAt?: string | null;
  /** TikTok open_id. */
  openId?: string;
  scopes?: string[];
}

// One Facebook Login serves the Page and its Instagram account: both platforms' scopes.
const FB_SCOPES = [...facebookPlatform.scopes, ...instagramPlatform.scopes];
const TT_SCOPES = [...tiktokPlatform.scopes];

const expiry = (clock: Clock, seconds: unknown): string | null => {
  const s = Number(seconds);
  return Number.isFinite(s) && s > 0 ? new Date(clock.now().getTime() + s * 1000).toISOString() : null;
};

export function facebookAuthorizationUrl(o: {
  wwwBase?: string;
  graphVersion?: string;
  clientId: string;
  redirectUri: string;
  state: string;
  scopes?: string[];
}): string {
  const q = new URLSearchParams({
    client_id: o.clientId,
    redirect_uri: o.redirectUri,
    state: o.state,
    response_type: 'code',
    scope: (o.scopes ?? FB_SCOPES).join(','),
  });
  return `${(o.wwwBase ?? 'https://www.facebook.com').replace(/\/+$/, '')}/${o.graphVersion ?? 'v23.0'}/dialog/oauth?${q}`;
}

export interface FacebookOAuthDeps extends HttpDeps {
  graphBase: string;
  clientId: string;
  clientSecret: string;
  clock: Clock;
}

/** Code → short-lived user token → long-lived user token (about 60 days; read from expires_in). */
export async function exchangeFacebookCode(deps: FacebookOAuthDeps, code: string, redirectUri: string): Promise<ProviderResult<TokenSet>> {
  const short = await graphCall('facebook', deps, 'GET', 'oauth/access_token', '', {
    client_id: deps.clientId,
    client_secret: deps.clientSecret,
    redirect_uri: redirectUri,
    code,
  });
  if (!short.ok) return short;
  return extendFacebookToken(deps, String(short.value.access_token));
}

/**
 * Facebook has no refresh token: a still-valid user token can be exchanged for a fresh long-lived
 * one; an expired one cannot, and the user must go through the dialog again.
 */
export async function extendFacebookToken(deps: FacebookOAuthDeps, userToken: string): Promise<ProviderResult<TokenSet>> {
  const long = await graphCall('facebook', deps, 'GET', 'oauth/access_token', '', {
    grant_type: 'fb_exchange_token',
    client_id: deps.clientId,
    client_secret: deps.clientSecret,
    fb_exchange_token: userToken,
  });
  if (!long.ok) return long;
  return pOk({ accessToken: String(long.value.access_token), expiresAt: expiry(deps.clock, long.value.expires_in) });
}

export interface FacebookPage {
  id: string;
  name: string;
  username: string | null;
  /** A Page token derived from a long-lived user token does not expire (but can be invalidated). */
  accessToken: string;
  canPublish: boolean;
  /** The IG professional account connected to this Page (publish to it with the Page token). */
  instagram: { id: string; username: string | null } | null;
}

/** The Pages the user chose in the dialog, with Page tokens; follows paging.next. */
export async function listFacebookPages(deps: FacebookOAuthDeps, userToken: string): Promise<ProviderResult<FacebookPage[]>> {
  const pages: FacebookPage[] = [];
  let r = await graphCall('facebook', deps, 'GET', 'me/accounts', userToken, { fields: 'id,name,username,access_token,tasks,instagram_business_account{id,username}', limit: 100 });
  for (let guard = 0; guard < 20; guard++) {
    if (!r.ok) return r;
    for (const p of recordsOf(r.value.data)) {
      const tasks: unknown[] = Array.isArray(p.tasks) ? p.tasks : [];
      const instagram = asRecord(p.instagram_business_account);
      pages.push({
        id: String(p.id),
        name: String(p.name ?? ''),
        username: p.username ? String(p.username) : null,
        accessToken: String(p.access_token ?? ''),
        canPublish: tasks.includes('CREATE_CONTENT'),
        instagram: instagram?.id
          ? { id: String(instagram.id), username: instagram.username ? String(instagram.username) : null }
          : null,
      });
    }
    const next = asRecord(r.value.paging)?.next;
    if (!next) break;
    const t = await httpRequest(String(next), { method: 'GET' }, deps);
    if (!t.ok) return pFail(failure('facebook', 'retryable', 'network', { platformMessage: t.message }));
    const body = tryJson(t.res.text);
    const object = asRecord(body);
    r = body && !object?.error ? pOk(object ?? {}) : pFail(failure('facebook', 'retryable', 'platform_error'));
  }
  return pOk(pages);
}

export function tiktokAuthorizationUrl(o: { wwwBase?: string; clientKey: string; redirectUri: string; state: string; scopes?: string[] }): string {
  const q = new URLSearchParams({
    client_key: o.clientKey,
    scope: (o.scopes ?? TT_SCOPES).join(','),
    response_type: 'code',
    redirect_uri: o.redirectUri,
    state: o.state,
  });
  return `${(o.wwwBase ?? 'https://www.tiktok.com').replace(/\/+$/, '')}/v2/auth/authorize/?${q}`;
}

export interface TikTokOAuthDeps extends HttpDeps {
  tiktokBase: string;
  clientKey: string;
  clientSecret: string;
  clock: Clock;
}

async function tiktokToken(deps: TikTokOAuthDeps, form: Record<string, string>): Promise<ProviderResult<TokenSet>> {
  const t = await httpRequest(
    `${deps.tiktokBase.replace(/\/+$/, '')}/v2/oauth/token/`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ client_key: deps.clientKey, client_secret: deps.clientSecret, ...form }).toString(),
    },
    deps,
  );
  if (!t.ok) return pFail(failure('tiktok', 'retryable', 'network', { platformMessage: t.message, retryAfterMs: 60_000 }));
  let parsed: unknown = null;
  try {
    parsed = parsePlatformJson(t.res.text);
  } catch {}
  const body = asRecord(parsed);
  // Errors often come back with HTTP 200, so the body decides.
  if (!body || body.error || !body.access_token) {
    const code = String(body?.error ?? `http ${t.res.status}`);
    const extra = { platformCode: code, platformMessage: String(body?.error_description ?? ''), ...(body?.log_id ? { traceId: String(body.log_id) } : {}) };
    if (t.res.status >= 500) return pFail(failure('tiktok', 'retryable', 'platform_error', { ...extra, retryAfterMs: 60_000 }));
    if (code === 'invalid_grant' || code === 'access_denied') return pFail(failure('tiktok', 'reauth_required', 'token_expired', extra));
    return pFail(failure('tiktok', 'rejected', 'invalid_request', extra));
  }
  return pOk({
    accessToken: String(body.access_token),
    expiresAt: expiry(deps.clock, body.expires_in),
    refreshToken: String(body.refresh_token ?? ''),
    refreshExpiresAt: expiry(deps.clock, body.refresh_expires_in),
    openId: String(body.open_id ?? ''),
    scopes: String(body.scope ?? '').split(',').filter(Boolean),
  });
}

export const exchangeTikTokCode = (deps: TikTokOAuthDeps, code: string, redirectUri: string) =>
  // The callback's code arrives URL-encoded; URLSearchParams already decoded it once.
  tiktokToken(deps, { code, grant_type: 'authorization_code', redirect_uri: redirectUri });

/** Refresh rotates the refresh token on newer TikTok docs: the caller must persist both atomically. */
export const refreshTikTokToken = (deps: TikTokOAuthDeps, refreshToken: string) =>
  tiktokToken(deps, { grant_type: 'refresh_token', refresh_token: refreshToken });

/**
 * 'revoked' when TikTok confirmed; 'invalid' when TikTok says the token is no longer valid (it was
 * revoked before — e.g. by an earlier attempt whose answer never got stored — or expired): nothing
 * left to revoke; 'failed' for anything else (server error, timeout, no answer).
 */
export async function revokeTikTokToken(deps: TikTokOAuthDeps, token: string): Promise<'revoked' | 'invalid' | 'failed'> {
  const t = await httpRequest(
    `${deps.tiktokBase.replace(/\/+$/, '')}/v2/oauth/revoke/`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ client_key: deps.clientKey, client_secret: deps.clientSecret, token }).toString(),
    },
    deps,
  );
  if (!t.ok) return 'failed';
  if (t.res.status === 200) return 'revoked';
  return t.res.status === 401 || t.res.text.includes('access_token_invalid') ? 'invalid' : 'failed';
}

/** Missing scopes the user did not grant (TikTok lets users untick some). */
export function missingTikTokScopes(granted: string[] | undefined, required = ['user.info.basic', 'video.publish']): string[] {
  return required.filter((s) => !(granted ?? []).includes(s));
}

export interface FacebookTokenInfo {
  isValid: boolean;
  /** null when Meta reports 0 (never expires). */
  expiresAt: string | null;
  /** User data access lapses about 90 days after the user was last active, even for Page tokens. */
  dataAccessExpiresAt: string | null;
  scopes: string[];
}

/** The daily health check Meta recommends: GET /debug_token with the app token. */
export async function inspectFacebookToken(
  deps: Omit<FacebookOAuthDeps, 'clock'>,
  token: string,
): Promise<ProviderResult<FacebookTokenInfo>> {
  const r = await graphCall('facebook', deps, 'GET', 'debug_token', `${deps.clientId}|${deps.clientSecret}`, { input_token: token });
  if (!r.ok) return r;
  const d = asRecord(r.value.data) ?? {};
  const at = (sec: unknown) => (Number(sec) > 0 ? new Date(Number(sec) * 1000).toISOString() : null);
  return pOk({
    isValid: d.is_valid === true,
    expiresAt: at(d.expires_at),
    dataAccessExpiresAt: at(d.data_access_expires_at),
    scopes: Array.isArray(d.scopes) ? d.scopes.map(String) : [],
  });
}
