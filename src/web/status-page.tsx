import type { Context } from 'hono';
import type { AppEnv } from './context.js';
import { ErrorPage } from './views/error-page.js';

// Part of errors.tsx's one place for failures, in a file of its own so that the body limit (whose
// refusals errors.tsx renders) can use it without an import cycle (eslint import-x/no-cycle).

/** Any other refusal with its own title and sentence (413 too large, 400 malformed, 429 wait, 503 busy). */
export const renderStatusPage = (c: Context<AppEnv>, status: 400 | 409 | 413 | 429 | 503, title: string, body: string) => {
  c.status(status);
  return c.html(<ErrorPage status={status} title={title} body={body} home={c.get('actor') ? '/admin' : '/'} />);
};
