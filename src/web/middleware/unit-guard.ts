import type { MiddlewareHandler } from 'hono';
import { type UnitAction, can, recordAudit } from '../../modules/accounts/index.js';
import { unitRepository } from '../../modules/units/index.js';
import type { AppEnv } from '../context.js';
import type { AppDeps } from '../deps.js';
import { renderForbidden, renderNotFound } from '../errors.js';
import { unitTerms } from '../terms.js';

/**
 * Staff routes under /admin/unit/:slug/…: resolves the unit (of any regency) and checks the
 * actor may act on it. GET needs `read`; other methods need `write` (or the action given).
 * A refusal is a 403 page and an audit entry, never a redirect that hides it.
 */
export function unitGuard(deps: AppDeps, writeAction: UnitAction = 'write'): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const actor = c.get('actor');
    if (!actor) return renderForbidden(c);
    const slug = c.req.param('slug');
    // Any regency's unit (slugs are unique in the install); the scope check is can()'s.
    const unit = slug ? await unitRepository.bySlug(deps.db, slug) : undefined;
    if (!unit) return renderNotFound(c);
    const action: UnitAction = c.req.method === 'GET' || c.req.method === 'HEAD' ? 'read' : writeAction;
    if (!can(actor, action, unit)) {
      await recordAudit(deps.db, deps.clock, { actorUserId: actor.id, action: 'access.denied', unitId: unit.id, target: c.req.path, detail: { method: c.req.method } });
      return renderForbidden(c);
    }
    c.set('unit', unit);
    // City-wide settings a unit page reads (the rule, the calendar) are its own regency's.
    c.set('region', unit.region_code);
    // Texts about this unit speak its words: "Profil desa", "Kepala Desa".
    return unitTerms(unit.kind, next);
  };
}
