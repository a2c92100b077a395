import { timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { newToken } from '../../shared/ids.js';
import type { AppEnv } from '../context.js';
import { readCsrfCookie, setCsrfCookie } from '../cookies.js';
import type { AppDeps } from '../deps.js';
import { renderCsrfError } from '../errors.js';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

const same = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/**
 * Every state-changing request carries a token: the session's own token when signed in, or a
 * double-submit cookie token before sign-in (the login form). Forms send `_csrf`; scripts send
 * the `X-CSRF-Token` header.
 */
export function csrf(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.get('sessionState') !== 'active') {
      let cookieToken = readCsrfCookie(c);
      if (!cookieToken || cookieToken.length > 100) {
        cookieToken = newToken(24);
        setCsrfCookie(c, cookieToken, deps.config.secureCookies);
      }
      c.set('csrfToken', cookieToken);
    }
    if (SAFE.has(c.req.method)) return next();

    let sent = c.req.header('x-csrf-token');
    if (!sent) {
      const type = c.req.header('content-type') ?? '';
      if (type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data')) {
        const body = await c.req.parseBody();
        const v = body['_csrf'];
        sent = typeof v === 'string' ? v : undefined;
      }
    }
    const expected = c.get('csrfToken');
    if (!sent || !expected || !same(sent, expected)) {
      c.get('logger').warn({ path: c.req.path }, 'csrf token missing or wrong');
      return renderCsrfError(c);
    }
    return next();
  };
}
