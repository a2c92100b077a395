import type { Kysely, Selectable } from 'kysely';
import { unitRepository } from '../units/index.js';
import type { DB } from '../../db/schema/index.js';

// The accounts module's data access: users, their unit assignments, sessions (login delays: login-throttle.ts).
export type UserRow = Selectable<DB['users']>;
export type SessionRow = Selectable<DB['sessions']>;

export const accountRepository = {
  userByUsername: (db: Kysely<DB>, username: string) =>
    db.selectFrom('users').selectAll().where('username', '=', username.trim().toLowerCase()).executeTakeFirst(),
  userById: (db: Kysely<DB>, id: string) => db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst(),
  unitIdsOf: async (db: Kysely<DB>, userId: string) =>
    (await db.selectFrom('user_units').select('unit_id').where('user_id', '=', userId).execute()).map((r) => r.unit_id),
  setUnits: async (db: Kysely<DB>, userId: string, unitIds: string[]) => {
    await db.deleteFrom('user_units').where('user_id', '=', userId).execute();
    if (unitIds.length > 0) {
      await db.insertInto('user_units').values(unitIds.map((unit_id) => ({ user_id: userId, unit_id }))).execute();
    }
  },
  sessionById: (db: Kysely<DB>, id: string) => db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst(),
  /** Names a password must not be built from: the units (and the region's) a person works for. */
  unitNames: async (db: Kysely<DB>, unitIds: string[]) =>
    (await unitRepository.byIds(db, unitIds)).map((r) => r.name),
};
