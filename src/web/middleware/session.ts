import type { MiddlewareHandler } from 'hono';
import { resolveSession } from '../../modules/accounts/index.js';
import type { AppEnv } from '../context.js';
import { clearSessionCookie, readSessionCookie } from '../cookies.js';
import type { AppDeps } from '../deps.js';

/** Resolves the session cookie to an actor once per request; anonymous requests get null. */
export function session(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('actor', null);
    c.set('sessionId', null);
    c.set('sessionState', 'none');
    const token = readSessionCookie(c);
    if (token) {
      const s = await resolveSession(deps.db, deps.clock, token);
      if (s.state === 'active') {
        c.set('actor', s.actor);
        c.set('sessionId', s.sessionId);
        c.set('sessionState', 'active');
        c.set('csrfToken', s.csrfToken);
      } else {
        c.set('sessionState', s.state);
        clearSessionCookie(c, deps.config.secureCookies);
      }
    }
    await next();
  };
}
