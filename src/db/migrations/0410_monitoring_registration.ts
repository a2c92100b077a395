import type { Kysely } from 'kysely';

// Issue 15: "Periksa semua sekarang" batches (one job per unit, progress read from these rows)
// and the normalised title of each article the crawler has seen, so a re-post of an old article
// under a new address is recognised and the older copy keeps its date.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('monitor_check_batches')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('region_code', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('total', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('monitor_check_batches_region').on('monitor_check_batches').columns(['region_code', 'created_at']).execute();
  await db.schema
    .createTable('monitor_check_batch_units')
    .addColumn('batch_id', 'text', (c) => c.notNull().references('monitor_check_batches.id').onDelete('cascade'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id').onDelete('cascade'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text')
    .addColumn('finished_at', 'text')
    .addColumn('error', 'text')
    .addPrimaryKeyConstraint('monitor_check_batch_units_pk', ['batch_id', 'unit_id'])
    .execute();
  await db.schema.alterTable('monitor_first_seen').addColumn('title_key', 'text').execute();
  await db.schema.createIndex('monitor_first_seen_title').on('monitor_first_seen').columns(['site_key', 'title_key']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('monitor_first_seen_title').execute();
  await db.schema.alterTable('monitor_first_seen').dropColumn('title_key').execute();
  await db.schema.dropTable('monitor_check_batch_units').execute();
  await db.schema.dropTable('monitor_check_batches').execute();
}
