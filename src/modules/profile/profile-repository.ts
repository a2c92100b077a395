import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import { inSlices } from '../../shared/in-slices.js';

// The profile module's only data-access file.
export const profileRepository = {
  sections: (db: Kysely<DB>, unitId: string) =>
    db.selectFrom('profile_sections').select(['section', 'data', 'updated_at']).where('unit_id', '=', unitId).execute(),

  sectionsOfUnits: (db: Kysely<DB>, unitIds: string[], section: string) =>
    unitIds.length === 0
      ? Promise.resolve([])
      : inSlices(unitIds, (ids) => db.selectFrom('profile_sections').select(['unit_id', 'data']).where('unit_id', 'in', ids).where('section', '=', section).execute()),

  /** Every stored section of many units (a regency's dashboard reads all its units at once). */
  allSectionsOfUnits: (db: Kysely<DB>, unitIds: string[]) =>
    unitIds.length === 0 ? Promise.resolve([]) : inSlices(unitIds, (ids) => db.selectFrom('profile_sections').select(['unit_id', 'section', 'data']).where('unit_id', 'in', ids).execute()),

  /** Does any section of the unit point at one of these media files (logo, office photo, aparatur)? */
  usesMediaFile: async (db: Kysely<DB>, unitId: string, keys: string[]) =>
    keys.length > 0 &&
    Boolean(
      await db
        .selectFrom('profile_sections')
        .select('section')
        .where('unit_id', '=', unitId)
        .where((eb) => eb.or(keys.map((k) => eb('data', 'like', `%/media/${k}%`))))
        .limit(1)
        .executeTakeFirst(),
    ),

  async save(db: Kysely<DB>, row: { unit_id: string; section: string; data: string; updated_by: string | null; updated_at: string }) {
    await db
      .insertInto('profile_sections')
      .values(row)
      .onConflict((oc) =>
        oc.columns(['unit_id', 'section']).doUpdateSet({ data: row.data, updated_by: row.updated_by, updated_at: row.updated_at }),
      )
      .execute();
  },
};
