import type { Context } from 'hono';
import { t } from '../i18n/index.js';
import type { AppEnv } from './context.js';
import { BodyTooLarge, MalformedBody, malformed, tooLarge } from './middleware/body-limit.js';
import { ErrorPage } from './views/error-page.js';

// One place maps failures to HTTP and to Indonesian pages; users never see a stack or an
// upstream error, the log keeps the detail under the request id.

export const renderNotFound = (c: Context<AppEnv>) => {
  c.status(404);
  return c.html(<ErrorPage status={404} title={t('error.404.title')} body={t('error.404.body')} />);
};

/** A 403 page; `reason` names a catalogue pair `<reason>.title` / `<reason>.body` for a more exact refusal. */
const FORBIDDEN = {
  'error.403': { title: 'error.403.title', body: 'error.403.body' },
  'publish.refused': { title: 'publish.refused.title', body: 'publish.refused.body' },
} as const;

export const renderForbidden = (c: Context<AppEnv>, reason: keyof typeof FORBIDDEN = 'error.403') => {
  const actor = c.get('actor');
  c.get('logger')?.warn({ path: c.req.path, user: actor?.username, reason }, 'access denied');
  c.status(403);
  return c.html(<ErrorPage status={403} title={t(FORBIDDEN[reason].title)} body={t(FORBIDDEN[reason].body)} home={actor ? '/admin' : '/'} />);
};

export const renderCsrfError = (c: Context<AppEnv>) => {
  c.status(403);
  return c.html(<ErrorPage status={403} title={t('error.csrf.title')} body={t('error.csrf.body')} />);
};

export { renderStatusPage } from './status-page.js';

export const renderServerError = (c: Context<AppEnv>, error: unknown) => {
  // The sender's fault, found while a route read the body: a 4xx, not a gangguan.
  if (error instanceof BodyTooLarge) return tooLarge(c, error.limit);
  if (error instanceof MalformedBody) return malformed(c);
  const requestId = c.get('requestId') ?? '-';
  c.get('logger')?.error({ err: error, path: c.req.path }, 'unhandled error');
  c.status(500);
  return c.html(<ErrorPage status={500} title={t('error.500.title')} body={t('error.500.body', { requestId })} />);
};
