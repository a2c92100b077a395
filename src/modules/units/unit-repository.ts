import type { Kysely, Selectable } from 'kysely';
import type { DB } from '../../db/schema/index.js';

// The units module's only data-access file.
export type UnitRow = Selectable<DB['units']>;

export const unitRepository = {
  byId: (db: Kysely<DB>, id: string) => db.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst(),
  bySlug: (db: Kysely<DB>, slug: string) => db.selectFrom('units').selectAll().where('slug', '=', slug).executeTakeFirst(),
  byCode: (db: Kysely<DB>, code: string) => db.selectFrom('units').selectAll().where('code', '=', code).executeTakeFirst(),
  inRegion: (db: Kysely<DB>, region: string) =>
    db.selectFrom('units').selectAll().where('region_code', '=', region).orderBy('name').execute(),
  allSlugs: async (db: Kysely<DB>) => new Set((await db.selectFrom('units').select('slug').execute()).map((r) => r.slug)),
  children: (db: Kysely<DB>, parentId: string) =>
    db.selectFrom('units').selectAll().where('parent_id', '=', parentId).orderBy('name').execute(),
};
