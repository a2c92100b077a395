import type { MiddlewareHandler } from 'hono';
import { type Actor, recordAudit } from '../../modules/accounts/index.js';
import type { AppEnv } from '../context.js';
import type { AppDeps } from '../deps.js';
import { renderForbidden } from '../errors.js';

// Who sees the pimpinan dashboard: admin kota and pimpinan see the whole city (pimpinan only
// reads), a camat sees the kelurahan of their own kecamatan. Unit staff (operator, lurah,
// pendamping) follow their own unit on its monitoring page instead.

export type DashboardScope = { all: true } | { all: false; kecamatanIds: string[] };

export function dashboardScope(actor: Actor | null): DashboardScope | null {
  if (!actor) return null;
  if (actor.role === 'admin_kota' || actor.role === 'pimpinan') return { all: true };
  if (actor.role === 'camat') return { all: false, kecamatanIds: actor.unitIds };
  return null;
}

export const canActOnDashboard = (actor: Actor | null): boolean => actor?.role === 'admin_kota';

/** Refuses (403 page + audit) everyone without a dashboard scope. */
export const requireDashboard = (deps: AppDeps): MiddlewareHandler<AppEnv> => async (c, next) => {
  const actor = c.get('actor');
  if (!dashboardScope(actor)) {
    if (actor) await recordAudit(deps.db, deps.clock, { actorUserId: actor.id, action: 'access.denied', target: c.req.path });
    return renderForbidden(c);
  }
  return next();
};
