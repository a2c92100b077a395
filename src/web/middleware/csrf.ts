import { timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { newToken } from '../../shared/ids.js';
import type { AppEnv } from '../context.js';
import { readCsrfCookie, setCsrfCookie } from '../cookies.js';
import type { AppDeps } from '../deps.js';
import { renderCsrfError } from '../errors.js';
import { malformed } from './body-limit.js';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

const same = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/**
 * Every state-changing request carries a token: the session's own token when signed in, or a
 * double-submit cookie token before sign-in (the login form). Forms send `_csrf`; scripts send
 * the `X-CSRF-Token` header. It runs after the body limit and after anonymous requests were sent
 * to the login page, and decides before a large body is read: a urlencoded form is small by its
 * limit, and in a multipart form (photos) only the first part is read — our forms put `_csrf`
 * first (views/form.tsx CsrfInput), and a browser sends fields in the order of the form.
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
      if (type.startsWith('application/x-www-form-urlencoded')) {
        const v = (await c.req.parseBody())['_csrf'];
        sent = typeof v === 'string' ? v : undefined;
      } else if (type.startsWith('multipart/form-data')) {
        const first = await firstMultipartField(c);
        if (first === 'malformed') return malformed(c);
        sent = first?.name === '_csrf' ? first.value : undefined;
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

/** The first part of a multipart body is one short field; more than this and it is not ours. */
const PEEK_LIMIT = 8 * 1024;

/**
 * Reads just the first part of a multipart body and puts the bytes back in front of the rest,
 * so the route parses the whole form as usual.
 */
async function firstMultipartField(c: Context<AppEnv>): Promise<{ name: string; value: string } | null | 'malformed'> {
  const boundary = /;\s*boundary="?([^";]+)"?/i.exec(c.req.header('content-type') ?? '')?.[1];
  const body = c.req.raw.body;
  if (!boundary || !body) return 'malformed';
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let head = Buffer.alloc(0);
  let found: { name: string; value: string } | null = null;
  const delimiter = `\r\n--${boundary}`;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    head = Buffer.concat([head, value]);
    const text = head.toString('latin1');
    const start = `--${boundary}\r\n`;
    if (text.length >= start.length && !text.startsWith(start)) break;
    const headersEnd = text.indexOf('\r\n\r\n');
    const valueEnd = headersEnd >= 0 ? text.indexOf(delimiter, headersEnd) : -1;
    if (valueEnd >= 0) {
      const name = /content-disposition:\s*form-data;\s*name="([^"]*)"/i.exec(text.slice(start.length, headersEnd))?.[1];
      if (name !== undefined) found = { name, value: head.subarray(headersEnd + 4, valueEnd).toString('utf8') };
      break;
    }
    if (head.length > PEEK_LIMIT) break;
  }
  let i = 0;
  c.req.raw = new Request(c.req.raw, {
    body: new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (i < chunks.length) return controller.enqueue(chunks[i++]!);
        try {
          const { done, value } = await reader.read();
          if (done) controller.close();
          else controller.enqueue(value);
        } catch (error) {
          controller.error(error);
        }
      },
      cancel: (reason) => reader.cancel(reason),
    }),
    duplex: 'half',
  } as RequestInit);
  return found;
}
