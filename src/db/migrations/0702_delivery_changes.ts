import type { Kysely } from 'kysely';

// Social copies stay in staff's control after publishing (#14 point 3): a change asked of a copy
// that is already out — its text edited, or the copy deleted — where the platform's API allows it
// (Facebook Pages). One row per delivery: the newest request wins (a delete replaces an edit).
// The row is the job's durable state: a run holds it by a lease (locked_until), and it is marked
// done only when its revision is still the one the run sent, so a crash loses nothing and an edit
// made during a run is sent afterwards.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('delivery_changes')
    .addColumn('delivery_id', 'text', (c) => c.primaryKey().references('deliveries.id').onDelete('cascade'))
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('message', 'text')
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text')
    .addColumn('locked_until', 'text')
    .addColumn('reason_code', 'text')
    .addColumn('reason', 'text')
    .addColumn('platform_detail', 'text')
    .addColumn('requested_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('done_at', 'text')
    .execute();
  await db.schema.createIndex('delivery_changes_due').on('delivery_changes').columns(['state', 'next_attempt_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('delivery_changes').execute();
}
