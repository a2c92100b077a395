import type { UnitKind } from '../../db/schema/index.js';
import type { Actor } from './actor.js';
import { inScope, scopeKind } from '../../shared/region-scope.js';

// Authorisation rules in one place. The same-tenant check comes first: nobody acts outside the
// scope they belong to (their regency, or a province admin's province: decision 0017), whatever
// their role.

export interface UnitRef {
  id: string;
  parent_id: string | null;
  kind: UnitKind;
  region_code: string;
}

export type UnitAction = 'read' | 'write' | 'approve';

export function can(actor: Actor, action: UnitAction, unit: UnitRef): boolean {
  if (!inScope(actor.regionCode, unit.region_code)) return false;
  const assigned = actor.unitIds.includes(unit.id);
  switch (actor.role) {
    case 'admin_kota':
      return true;
    case 'pimpinan':
      return action === 'read';
    case 'camat':
      return action === 'read' && (assigned || (unit.parent_id !== null && actor.unitIds.includes(unit.parent_id)));
    case 'pendamping':
      return (action === 'read' || action === 'write') && assigned;
    case 'lurah':
      return assigned;
    case 'operator':
      return (action === 'read' || action === 'write') && assigned;
  }
}

/** City-wide administration: users, units, credentials, the rule. */
export const canManageCity = (actor: Actor): boolean => actor.role === 'admin_kota';

/** City-wide read-only views (dashboard, audit). */
export const canSeeCity = (actor: Actor): boolean => actor.role === 'admin_kota' || actor.role === 'pimpinan';

/** A city-level role scoped to a province or the country: picks the regency it works in (0017). */
export const hasWideScope = (actor: Actor | null): boolean => !!actor && canSeeCity(actor) && scopeKind(actor.regionCode) !== 'regency';
