import type { Context, MiddlewareHandler } from 'hono';
import { t } from '../../i18n/index.js';
import { defaultMediaLimits } from '../../modules/media/index.js';
import type { AppEnv } from '../context.js';
import { COMPLAINT_BODY_LIMIT, REQUEST_BODY_LIMIT } from '../pelayanan/limits.js';
import { renderStatusPage } from '../status-page.js';

// Request bodies are bounded per route and counted while they stream (issue 16 point 3): a
// declared Content-Length over the limit is refused before a byte is read, and a body sent
// without one is cut the moment it passes the limit. Forms get a small limit, uploads their own.
// The order in app.tsx keeps this cheap for strangers: the session is resolved and anonymous
// requests are sent to the login page before anything reads a body, and the CSRF token is
// checked from the header or the first form field (middleware/csrf.ts) before the rest is read.

const KB = 1024;
const MB = 1024 * KB;

export interface BodyLimit {
  /** Matched against the request path (after host routing). */
  path: RegExp;
  bytes: number;
  /**
   * The route refuses an announced size itself, before reading, with a more exact message (the
   * photo upload names the photo's size); the limit here still cuts a body streamed past it.
   */
  routeRefusesAnnounced?: boolean;
}

/** The limit of any request not listed below: an ordinary form. */
export const FORM_LIMIT = 64 * KB;

/**
 * Routes that need more than an ordinary form, first match wins. Add a line here with the
 * route that needs it (and say why); everything else gets FORM_LIMIT.
 */
export const BODY_LIMITS: BodyLimit[] = [
  // One photo as the raw body, streamed into the media module's own check (which answers with
  // its friendlier message up to the limit; the slack lets it speak first).
  { path: /^\/admin\/unit\/[^/]+\/kabar\/[^/]+\/foto$/, bytes: defaultMediaLimits.maxBytes + MB, routeRefusesAnnounced: true },
  // The composer's form without scripts carries its photos (multipart): a few phone photos per
  // submit; with scripts they go one by one to /foto above.
  { path: /^\/admin\/unit\/[^/]+\/kabar\/[^/]+$/, bytes: 32 * MB },
  // Changing a published post (#14 point 3, staff-compose): its form may add a few phone photos.
  { path: /^\/admin\/unit\/[^/]+\/kabar\/[^/]+\/ubah$/, bytes: 32 * MB },
  // The plain editor: a body of up to 200,000 characters, percent-encoded.
  { path: /^\/admin\/unit\/[^/]+\/konten(\/[^/]+)?$/, bytes: MB },
  // Autosave of a draft (20,000 characters of text, captions, photo descriptions).
  { path: /^\/admin\/unit\/[^/]+\/kabar\/[^/]+\/simpan$/, bytes: 512 * KB },
  // Profile sections with long lists (RW/RT, aparatur, UMKM) and photos from the phone (logo,
  // office photo, aparatur portraits: multipart, a few phone photos per save).
  { path: /^\/admin\/unit\/[^/]+\/profil\/[^/]+$/, bytes: 48 * MB },
  { path: /^\/admin\/siaran$/, bytes: 256 * KB },
  // A new galeri album carries its photos from the phone (multipart, up to GALLERY_MAX_FILES).
  { path: /^\/admin\/unit\/[^/]+\/galeri$/, bytes: 48 * MB },
  { path: /^\/admin\/wilayah\/opd-csv$/, bytes: 2 * MB },
  // Staff import (golive, issue 13): the uploaded CSV/XLSX list, then its checked lines (up to
  // 2,000) carried to the "create" step in the form.
  { path: /^\/admin\/pengguna\/impor$/, bytes: 4 * MB },
  { path: /^\/admin\/pengguna\/impor\/buat$/, bytes: 2 * MB },
  // A citizen's online application (and its fix) carries scans of documents (pelayanan's limit).
  { path: /^\/[^/]+\/layanan\/[^/]+\/ajukan$/, bytes: REQUEST_BODY_LIMIT },
  { path: /^\/[^/]+\/layanan\/lacak\/[^/]+\/perbaikan$/, bytes: REQUEST_BODY_LIMIT },
  // A complaint may carry one photo (pelayanan's limit).
  { path: /^\/[^/]+\/pengaduan$/, bytes: COMPLAINT_BODY_LIMIT },
  // The login and first-run set-up forms are the bodies a stranger can make us read: tiny.
  { path: /^\/admin\/(masuk|pasang)$/, bytes: 8 * KB },
];

const FORM: BodyLimit = { path: /(?:)/, bytes: FORM_LIMIT };
export const limitOf = (path: string, table: BodyLimit[] = BODY_LIMITS): BodyLimit => table.find((l) => l.path.test(path)) ?? FORM;

const NO_BODY = new Set(['GET', 'HEAD', 'OPTIONS']);

/** A body that passed its route's limit while a route was reading it. */
export class BodyTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`request body over ${limit} bytes`);
    this.name = 'BodyTooLarge';
  }
}

/** A body that failed to parse (no multipart boundary, cut short, bad JSON): the sender's fault. */
export class MalformedBody extends Error {
  constructor(cause: unknown) {
    super('malformed request body', { cause });
    this.name = 'MalformedBody';
  }
}

export function bodyLimit(table: BodyLimit[] = BODY_LIMITS): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (NO_BODY.has(c.req.method)) return next();
    const rule = limitOf(c.req.path, table);
    const limit = rule.bytes;
    const declared = c.req.header('content-length');
    if (!rule.routeRefusesAnnounced && declared !== undefined && !c.req.header('transfer-encoding') && Number(declared) > limit) return tooLarge(c, limit);
    const type = c.req.header('content-type') ?? '';
    if (/^multipart\/form-data/i.test(type) && !/;\s*boundary=/i.test(type)) return malformed(c);

    const body = c.req.raw.body;
    let tripped = false;
    if (body) {
      let seen = 0;
      const counted = body.pipeThrough(
        new TransformStream<Uint8Array, Uint8Array>({
          transform(chunk, controller) {
            seen += chunk.byteLength;
            if (seen > limit) {
              tripped = true;
              controller.error(new BodyTooLarge(limit));
              return;
            }
            controller.enqueue(chunk);
          },
        }),
      );
      c.req.raw = new Request(c.req.raw, { body: counted, duplex: 'half' } as RequestInit);
    }
    // Parsing failures of the sender's body become MalformedBody (a 400, see errors.tsx), not a 500.
    const req = c.req as unknown as Record<'parseBody' | 'json' | 'formData' | 'text' | 'arrayBuffer', (...a: unknown[]) => Promise<unknown>>;
    for (const name of ['parseBody', 'json', 'formData', 'text', 'arrayBuffer'] as const) {
      const original = req[name]!.bind(c.req);
      req[name] = async (...args: unknown[]) => {
        try {
          return await original(...args);
        } catch (error) {
          throw tripped ? new BodyTooLarge(limit) : new MalformedBody(error);
        }
      };
    }
    await next();
    // Whatever a route made of the broken stream, the answer is the limit.
    if (tripped) {
      c.res = undefined;
      c.res = await tooLarge(c, limit);
    }
  };
}

/** True when the request came from our own scripts (they send the token in a header and read JSON). */
const fromScript = (c: Context<AppEnv>) => Boolean(c.req.header('x-csrf-token')) || (c.req.header('accept') ?? '').includes('application/json');

const size = (bytes: number) => (bytes >= MB ? `${Math.round(bytes / MB)} MB` : `${Math.round(bytes / KB)} KB`);

export function tooLarge(c: Context<AppEnv>, limit: number): Response | Promise<Response> {
  c.get('logger')?.warn({ path: c.req.path, limit, declared: c.req.header('content-length') }, 'request body over the limit');
  // The rest of the body is not read: the Node adapter discards it (bounded in bytes and time)
  // and closes the connection.
  const message = t('request.too_large.body', { limit: size(limit) });
  if (fromScript(c)) return c.json({ ok: false, code: 'too_large', message }, 413);
  return renderStatusPage(c, 413, t('request.too_large.title'), message);
}

export function malformed(c: Context<AppEnv>): Response | Promise<Response> {
  c.get('logger')?.info({ path: c.req.path, type: c.req.header('content-type') }, 'malformed request body');
  const message = t('request.malformed.body');
  if (fromScript(c)) return c.json({ ok: false, code: 'malformed', message }, 400);
  return renderStatusPage(c, 400, t('request.malformed.title'), message);
}
