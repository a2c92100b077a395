import type { MiddlewareHandler } from 'hono';
import type { Logger } from 'pino';
import { newId } from '../../shared/ids.js';
import type { AppEnv } from '../context.js';
import { setResponseHeader } from './response-headers.js';

/** A proxy's request id when it looks like one, else a new id (the fast path uses it too). */
export const requestIdOf = (incoming: string | undefined): string => (incoming && /^[\w-]{6,64}$/.test(incoming) ? incoming : newId());

/** A request id on every log line and response, and one access line per request. */
export function requestContext(logger: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const requestId = requestIdOf(c.req.header('x-request-id'));
    const log = logger.child({ requestId });
    c.set('requestId', requestId);
    c.set('logger', log);
    const started = performance.now();
    await next();
    setResponseHeader(c, 'X-Request-Id', requestId);
    const unit = c.get('hostSlug') ?? undefined;
    log.info(
      { method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(performance.now() - started), unit, user: c.get('actor')?.username, ip: c.get('clientIp') },
      'request',
    );
  };
}
