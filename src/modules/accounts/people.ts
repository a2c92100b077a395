import type { Kysely } from 'kysely';
import type { DB, Role } from '../../db/schema/index.js';

// Who works where, for other modules that must reach people (alerts to a unit's staff, "who will
// answer" for help requests): active accounts only, id and display name, nothing else.

export interface Person {
  id: string;
  name: string;
}

function activePeople(db: Kysely<DB>, roles: readonly Role[]) {
  return db.selectFrom('users').select(['id', 'display_name']).where('role', 'in', [...roles]).where('status', '=', 'active').orderBy('display_name');
}
const people = (rows: { id: string; display_name: string }[]): Person[] => rows.map((r) => ({ id: r.id, name: r.display_name }));

/** Active people with one of these roles assigned to the unit, by name. */
export async function activePeopleOfUnit(db: Kysely<DB>, unitId: string, roles: readonly Role[]): Promise<Person[]> {
  return people(await activePeople(db, roles).where('id', 'in', db.selectFrom('user_units').select('user_id').where('unit_id', '=', unitId)).execute());
}

/** Active people of the region with one of these roles (admin kota, pimpinan …), by name. */
export async function activePeopleOfRegion(db: Kysely<DB>, region: string, roles: readonly Role[]): Promise<Person[]> {
  return people(await activePeople(db, roles).where('region_code', '=', region).execute());
}
