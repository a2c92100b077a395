import type { Kysely } from 'kysely';

// What each regency's monitoring registration was last synced from (issue 18, decision 0017):
// a cheap fingerprint of its units, their identitas profiles and its registrations, stored
// after the regency's sync. The worker's start and every sweep sync every imported regency;
// nationally (514 regencies) a run with nothing to change read every unit and took ~4.9 s, and
// an interrupted run started over. A regency whose fingerprint is unchanged is skipped, and one
// synced before an interruption is not synced again (sync-registrations.ts).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('monitor_registration_syncs')
    .addColumn('region_code', 'text', (c) => c.primaryKey())
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('synced_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('monitor_registration_syncs').execute();
}
