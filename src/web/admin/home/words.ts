import { t } from '../../../i18n/index.js';
import type { Actor } from '../../../modules/accounts/index.js';
import type { UnitRow } from '../../../modules/units/index.js';
import { dashboardScope } from '../../dashboard/access.js';

/** "Kelurahan Bacang", "Desa Lampuuk", "Kecamatan Gabek"; an OPD's name says what it is. */
export const unitHeading = (unit: Pick<UnitRow, 'kind' | 'name'>): string =>
  unit.kind === 'opd' || unit.kind === 'kota' || unit.kind === 'kabupaten' ? unit.name : `${t(`term.Kel.${unit.kind}`)} ${unit.name}`;

/** Whether the actor can open this unit's page on the dashboard (villages and OPD in their scope). */
export function dashboardReaches(actor: Actor, unit: Pick<UnitRow, 'kind' | 'parent_id'>): boolean {
  const scope = dashboardScope(actor);
  if (!scope || !['kelurahan', 'desa', 'opd'].includes(unit.kind)) return false;
  return scope.all || (unit.parent_id !== null && scope.kecamatanIds.includes(unit.parent_id));
}
