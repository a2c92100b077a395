import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { newToken } from '../../shared/ids.js';

// The OAuth `state` round trip. The platform hands `state` back on the callback; it must equal
// the one we stored for THIS signed-in session, or a link crafted by someone else could attach
// their Facebook Page or TikTok account to our unit (login CSRF). The pending connection lives
// in one HttpOnly cookie signed with BERANDA_SECRET and bound to a hash of the session id, so a
// cookie copied into another session is refused. It lasts 15 minutes: a dialog, not a day.

export const OAUTH_COOKIE = 'beranda_oauth';
const TTL_MS = 15 * 60_000;

export interface PendingConnect {
  state: string;
  /** sha256 of the session id the flow started in. */
  sid: string;
  unitSlug: string;
  channelId: string;
  platform: 'facebook' | 'instagram' | 'tiktok';
  exp: number;
  /** After the Facebook callback: the long-lived user token, encrypted (token-crypto, context = session). */
  userToken?: string;
}

const sidHash = (sessionId: string) => createHash('sha256').update(`oauth:${sessionId}`).digest('base64url').slice(0, 22);
const mac = (secret: string, body: string) => createHmac('sha256', secret).update(`oauth-cookie:${body}`).digest('base64url');

function seal(secret: string, p: PendingConnect): string {
  const body = Buffer.from(JSON.stringify(p)).toString('base64url');
  return `${body}.${mac(secret, body)}`;
}

function open(secret: string, raw: string | undefined): PendingConnect | null {
  if (!raw || raw.length > 4000) return null;
  const [body, sig] = raw.split('.');
  if (!body || !sig) return null;
  const want = Buffer.from(mac(secret, body));
  const got = Buffer.from(sig);
  if (want.length !== got.length || !timingSafeEqual(want, got)) return null;
  try {
    return JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as PendingConnect;
  } catch {
    return null;
  }
}

export function startPendingConnect(
  c: Context,
  o: { secret: string; secure: boolean; sessionId: string; now: Date; unitSlug: string; channelId: string; platform: PendingConnect['platform'] },
): PendingConnect {
  const p: PendingConnect = {
    state: newToken(24),
    sid: sidHash(o.sessionId),
    unitSlug: o.unitSlug,
    channelId: o.channelId,
    platform: o.platform,
    exp: o.now.getTime() + TTL_MS,
  };
  writePendingConnect(c, o.secret, o.secure, p);
  return p;
}

export function writePendingConnect(c: Context, secret: string, secure: boolean, p: PendingConnect): void {
  // SameSite=Lax: the platform's redirect back to us is a top-level GET, which Lax allows.
  setCookie(c, OAUTH_COOKIE, seal(secret, p), { httpOnly: true, sameSite: 'Lax', secure, path: '/', maxAge: Math.ceil(TTL_MS / 1000) });
}

export function clearPendingConnect(c: Context, secure: boolean): void {
  deleteCookie(c, OAUTH_COOKIE, { path: '/', secure });
}

export type PendingCheck = 'missing' | 'expired' | 'other_session' | 'state_mismatch';

/**
 * The pending connection of this session; with `state`, also checks it is the one the platform
 * returned (compared in constant time).
 */
export function readPendingConnect(
  c: Context,
  o: { secret: string; sessionId: string | null; now: Date; state?: string | null },
): { ok: true; value: PendingConnect } | { ok: false; error: PendingCheck } {
  const p = open(o.secret, getCookie(c, OAUTH_COOKIE));
  if (!p || !o.sessionId) return { ok: false, error: 'missing' };
  if (p.exp < o.now.getTime()) return { ok: false, error: 'expired' };
  if (p.sid !== sidHash(o.sessionId)) return { ok: false, error: 'other_session' };
  if (o.state !== undefined) {
    const a = Buffer.from(String(o.state ?? ''));
    const b = Buffer.from(p.state);
    if (a.length !== b.length || !timingSafeEqual(a, b)) return { ok: false, error: 'state_mismatch' };
  }
  return { ok: true, value: p };
}
