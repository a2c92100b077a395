import type { UnitKind } from '../../db/schema/index.js';
import type { Actor } from './actor.js';

// Authorisation rules in one place. The same-tenant check comes first: nobody acts outside the
// region (city) they belong to, whatever their role.

export interface UnitRef {
  id: string;
  parent_id: string | null;
  kind: UnitKind;
  region_code: string;
}

export type UnitAction = 'read' | 'write' | 'approve';

export function can(actor: Actor, action: UnitAction, unit: UnitRef): boolean {
  if (unit.region_code !== actor.regionCode) return false;
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
