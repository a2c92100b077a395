import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { newToken } from '../shared/ids.js';

// "This device signed in as this user before" (OWASP's device cookie): a signed, HttpOnly
// cookie set after a successful login. With it, login delays are counted on the device's own key,
// so a stranger's failures from the same office network never slow the owner's phone. A shared
// phone keeps an entry for each of the last few people who signed in on it.

export const DEVICE_COOKIE = 'beranda_perangkat';
const MAX_ENTRIES = 5;
const VALID_MS = 180 * 86_400_000;

interface Entry {
  username: string;
  deviceId: string;
  issued: number;
  sig: string;
}

const b64 = (s: string) => Buffer.from(s).toString('base64url');
const sign = (secret: string, e: Omit<Entry, 'sig'>) =>
  createHmac('sha256', secret).update(`beranda-device|${e.username}|${e.deviceId}|${e.issued}`).digest('base64url').slice(0, 32);

function parse(raw: string | undefined): Entry[] {
  if (!raw || raw.length > 2000) return [];
  const out: Entry[] = [];
  for (const part of raw.split('!').slice(0, MAX_ENTRIES)) {
    const [u, deviceId, issued, sig] = part.split('.');
    if (!u || !deviceId || !issued || !sig || !/^\d+$/.test(issued)) continue;
    out.push({ username: Buffer.from(u, 'base64url').toString('utf8'), deviceId, issued: Number(issued), sig });
  }
  return out;
}

const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** The device id this browser holds for the username, when its signature and age are good. */
export function knownDeviceFor(c: Context, secret: string, username: string, now: Date): string | null {
  const name = username.trim().toLowerCase();
  for (const e of parse(getCookie(c, DEVICE_COOKIE))) {
    if (e.username !== name || now.getTime() - e.issued > VALID_MS || e.issued > now.getTime() + 60_000) continue;
    if (same(e.sig, sign(secret, e))) return e.deviceId;
  }
  return null;
}

/** After a successful login: this device is known for the username (kept or added, refreshed). */
export function rememberDevice(c: Context, opts: { secret: string; secure: boolean; username: string; deviceId: string | null; now: Date }): void {
  const name = opts.username.trim().toLowerCase();
  const entry = { username: name, deviceId: opts.deviceId ?? newToken(12), issued: opts.now.getTime() };
  const others = parse(getCookie(c, DEVICE_COOKIE)).filter((e) => e.username !== name).slice(0, MAX_ENTRIES - 1);
  const value = [{ ...entry, sig: sign(opts.secret, entry) }, ...others].map((e) => [b64(e.username), e.deviceId, e.issued, e.sig].join('.')).join('!');
  setCookie(c, DEVICE_COOKIE, value, { httpOnly: true, sameSite: 'Lax', secure: opts.secure, path: '/admin', expires: new Date(opts.now.getTime() + VALID_MS) });
}
