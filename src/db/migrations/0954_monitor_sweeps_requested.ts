import type { Kysely } from 'kysely';

// "Periksa semua sekarang" is a sweep too (issue 18): the regency it covers and the admin who asked,
// so the progress page finds the regency's latest one. Both empty for the six-hourly sweep.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('monitor_sweeps').addColumn('region', 'text').execute();
  await db.schema.alterTable('monitor_sweeps').addColumn('requested_by', 'text').execute();
  await db.schema.createIndex('monitor_sweeps_region').on('monitor_sweeps').columns(['region', 'started_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('monitor_sweeps_region').execute();
  await db.schema.alterTable('monitor_sweeps').dropColumn('requested_by').execute();
  await db.schema.alterTable('monitor_sweeps').dropColumn('region').execute();
}
