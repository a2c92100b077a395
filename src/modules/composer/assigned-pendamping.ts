import type { Kysely } from 'kysely';
import { activePeopleOfUnit } from '../accounts/index.js';
import type { DB } from '../../db/schema/index.js';

/** Names of the pendamping assigned to a unit, so "Minta bantuan" can say who will answer. */
export async function assignedPendamping(db: Kysely<DB>, unitId: string): Promise<string[]> {
  return (await assignedPendampingUsers(db, unitId)).map((u) => u.name);
}

/** The same, with user ids, to notify them. */
export async function assignedPendampingUsers(db: Kysely<DB>, unitId: string): Promise<{ id: string; name: string }[]> {
  return activePeopleOfUnit(db, unitId, ['pendamping']);
}
