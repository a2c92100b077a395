import type { Kysely } from 'kysely';
import type { DB, Role } from '../../db/schema/index.js';

// Who works where, for other modules that must reach people (alerts to a unit's staff, "who will
// answer" for help requests): active accounts only, id and display name, nothing else.

export interface Person {
  id: string;
  name: string;
}

/** Active people with one of these roles assigned to the unit, by name. */
export async function activePeopleOfUnit(db: Kysely<DB>, unitId: string, roles: readonly Role[]): Promise<Person[]> {
  const rows = await db
    .selectFrom('users')
    .innerJoin('user_units', 'user_units.user_id', 'users.id')
    .select(['users.id', 'users.display_name'])
    .where('user_units.unit_id', '=', unitId)
    .where('users.role', 'in', [...roles])
    .where('users.status', '=', 'active')
    .orderBy('users.display_name')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.display_name }));
}

/** Active people of the region with one of these roles (admin kota, pimpinan …), by name. */
export async function activePeopleOfRegion(db: Kysely<DB>, region: string, roles: readonly Role[]): Promise<Person[]> {
  const rows = await db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('region_code', '=', region)
    .where('role', 'in', [...roles])
    .where('status', '=', 'active')
    .orderBy('display_name')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.display_name }));
}
