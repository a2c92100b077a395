import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';

/**
 * Names of the pendamping assigned to a unit, so "Minta bantuan" can say who will answer.
 * A read-only look at the accounts tables: the accounts module offers no per-unit listing to
 * non-admins, and this needs only display names of active users.
 */
export async function assignedPendamping(db: Kysely<DB>, unitId: string): Promise<string[]> {
  return (await assignedPendampingUsers(db, unitId)).map((u) => u.name);
}

/** The same, with user ids, to notify them. */
export async function assignedPendampingUsers(db: Kysely<DB>, unitId: string): Promise<{ id: string; name: string }[]> {
  const rows = await db
    .selectFrom('users')
    .innerJoin('user_units', 'user_units.user_id', 'users.id')
    .select(['users.id', 'users.display_name'])
    .where('user_units.unit_id', '=', unitId)
    .where('users.role', '=', 'pendamping')
    .where('users.status', '=', 'active')
    .orderBy('users.display_name')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.display_name }));
}
