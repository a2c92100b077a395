import type { MiddlewareHandler } from 'hono';
import { inScope, scopeKind } from '../../modules/accounts/index.js';
import { findRegency, regenciesOf } from '../../modules/units/index.js';
import type { AppEnv } from '../context.js';
import { readRegionCookie } from '../cookies.js';
import type { AppDeps } from '../deps.js';

/**
 * The regency a staff member's city-wide screens serve (decision 0017): their own when scoped to
 * a regency; for a province or national scope the one they chose (a cookie, believed only
 * inside their scope), else the install's own regency when in scope, else the scope's first.
 */
export function regionFor(scope: string, chosen: string | undefined, configured: string): string {
  if (scopeKind(scope) === 'regency') return scope;
  if (chosen && scopeKind(chosen) === 'regency' && inScope(scope, chosen) && findRegency(chosen)) return chosen;
  if (inScope(scope, configured)) return configured;
  return regenciesOf(scope)[0]?.code ?? scope;
}

/** After the session: sets `region` for the staff routes (the public keeps BERANDA_REGION). */
export function servedRegion(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const actor = c.get('actor');
    c.set('region', actor ? regionFor(actor.regionCode, readRegionCookie(c), deps.config.region) : deps.config.region);
    await next();
  };
}
