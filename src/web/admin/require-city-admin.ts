import type { MiddlewareHandler } from 'hono';
import { canManageCity, recordAudit } from '../../modules/accounts/index.js';
import type { AppEnv } from '../context.js';
import type { AppDeps } from '../deps.js';
import { renderForbidden } from '../errors.js';

/** City administration (users, units, audit) is for admin kota only. */
export const requireCityAdmin = (deps: AppDeps): MiddlewareHandler<AppEnv> => async (c, next) => {
  const actor = c.get('actor');
  if (!actor || !canManageCity(actor)) {
    if (actor) await recordAudit(deps.db, deps.clock, { actorUserId: actor.id, action: 'access.denied', target: c.req.path });
    return renderForbidden(c);
  }
  return next();
};
