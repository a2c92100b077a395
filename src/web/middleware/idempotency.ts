import type { MiddlewareHandler } from 'hono';
import { claimSubmission, completeSubmission, releaseSubmission } from '../../modules/accounts/index.js';
import { t } from '../../i18n/index.js';
import type { AppEnv } from '../context.js';
import type { AppDeps } from '../deps.js';
import { renderStatusPage } from '../status-page.js';

// Create forms carry a one-time key (`_idem`, views/form.tsx IdempotencyInput). The first request
// with a key runs; one that comes while it runs waits for it, and any later one is sent where
// the first one led — so a double tap on "Simpan" makes one post (issue 16 point 6). A request
// that ends without a redirect (the form came back with a problem) frees the key, so the
// corrected form can be sent. Runs after CSRF, for signed-in urlencoded forms.

const WAIT_STEP_MS = 100;
const WAIT_STEPS = 50;

export function idempotency(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const actor = c.get('actor');
    if (c.req.method !== 'POST' || !actor || !(c.req.header('content-type') ?? '').startsWith('application/x-www-form-urlencoded')) return next();
    const raw = (await c.req.parseBody())['_idem'];
    const key = typeof raw === 'string' && /^[\w-]{16,64}$/.test(raw) ? raw : null;
    if (!key) return next();
    const q = { userId: actor.id, key, path: c.req.path };
    for (let i = 0; ; i++) {
      const claim = await claimSubmission(deps.db, { ...q, now: deps.clock.now() });
      if (claim.state === 'claimed') break;
      if (claim.state === 'done') return c.redirect(claim.location, 303);
      if (i >= WAIT_STEPS) return renderStatusPage(c, 409, t('request.duplicate.title'), t('request.duplicate.body'));
      await new Promise((r) => setTimeout(r, WAIT_STEP_MS));
    }
    try {
      await next();
    } catch (error) {
      await releaseSubmission(deps.db, actor.id, key);
      throw error;
    }
    const location = c.res.status >= 300 && c.res.status < 400 ? c.res.headers.get('location') : null;
    if (location) await completeSubmission(deps.db, actor.id, key, location);
    else await releaseSubmission(deps.db, actor.id, key);
  };
}
