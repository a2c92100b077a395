import type { Context } from 'hono';
import { getCookie, setCookie, deleteCookie } from 'hono/cookie';

export const SESSION_COOKIE = 'beranda_sesi';
export const CSRF_COOKIE = 'beranda_csrf';

/** HttpOnly, SameSite=Lax, Secure when served over https (PUBLIC_URL), host-only. */
export function setSessionCookie(c: Context, token: string, expires: Date, secure: boolean): void {
  setCookie(c, SESSION_COOKIE, token, { httpOnly: true, sameSite: 'Lax', secure, path: '/', expires });
}

export function clearSessionCookie(c: Context, secure: boolean): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure });
}

export const readSessionCookie = (c: Context): string | undefined => getCookie(c, SESSION_COOKIE);

export function setCsrfCookie(c: Context, token: string, secure: boolean): void {
  setCookie(c, CSRF_COOKIE, token, { httpOnly: true, sameSite: 'Lax', secure, path: '/' });
}

export const readCsrfCookie = (c: Context): string | undefined => getCookie(c, CSRF_COOKIE);

/** The regency a province or national admin chose to work in (decision 0017); re-checked per request. */
export const REGION_COOKIE = 'beranda_wilayah';

export function setRegionCookie(c: Context, code: string, secure: boolean): void {
  setCookie(c, REGION_COOKIE, code, { httpOnly: true, sameSite: 'Lax', secure, path: '/admin' });
}

export const readRegionCookie = (c: Context): string | undefined => getCookie(c, REGION_COOKIE);
