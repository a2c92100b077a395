import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';

// The services module's only data-access file.
export const servicesRepository = {
  catalogue: (db: Kysely<DB>) => db.selectFrom('service_catalogue').selectAll().orderBy('position').orderBy('code').execute(),
  insertCatalogue: (db: Kysely<DB>, row: DB['service_catalogue']) =>
    db.insertInto('service_catalogue').values(row).onConflict((oc) => oc.column('code').doNothing()).execute(),
  unitRows: (db: Kysely<DB>, unitId: string) => db.selectFrom('unit_services').selectAll().where('unit_id', '=', unitId).execute(),
  saveUnitRow: (db: Kysely<DB>, row: DB['unit_services']) =>
    db
      .insertInto('unit_services')
      .values(row)
      .onConflict((oc) =>
        oc.columns(['unit_id', 'service_code']).doUpdateSet({
          enabled: row.enabled,
          featured: row.featured,
          adjustment: row.adjustment,
          updated_at: row.updated_at,
        }),
      )
      .execute(),
};
