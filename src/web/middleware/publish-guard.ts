import type { MiddlewareHandler } from 'hono';
import { publishingRightsOf, recordAudit } from '../../modules/accounts/index.js';
import type { AppEnv } from '../context.js';
import type { AppDeps } from '../deps.js';
import { renderForbidden } from '../errors.js';

/**
 * After unitGuard, for routes that act on the unit's public accounts (resend a delivery, retry a
 * change of a copy, post by hand): only those the one publishing policy lets publish. Asked
 * before anything is looked up; a refusal is the "publish.refused" 403 and an audit entry.
 */
export function publishGuard(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const actor = c.get('actor')!;
    const unit = c.get('unit');
    if ((await publishingRightsOf(deps.db, actor, unit)).canPublish) return next();
    await recordAudit(deps.db, deps.clock, { actorUserId: actor.id, action: 'access.denied', unitId: unit.id, target: c.req.path });
    return renderForbidden(c, 'publish.refused');
  };
}
