import type { Kysely } from 'kysely';

// Issue 18 point 4: a monitoring sweep split into batches that several workers take. One row per
// sweep (how many units it expects, when it finished) and one per unit of it: which batch it is
// in, who holds it (a claim token and a lease a live run renews) and whether its check was
// committed. The "done" mark is written in the same transaction as the unit's observations, on
// condition that the claim is still the writer's, so each unit is checked exactly once per sweep
// even when a worker dies mid-batch and its units are taken over.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('monitor_sweeps')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('expected', 'integer', (c) => c.notNull())
    .addColumn('batches', 'integer', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema.createIndex('monitor_sweeps_started').on('monitor_sweeps').column('started_at').execute();
  await db.schema
    .createTable('monitor_sweep_units')
    .addColumn('sweep_id', 'text', (c) => c.notNull().references('monitor_sweeps.id').onDelete('cascade'))
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('batch', 'integer', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('claim', 'text')
    .addColumn('lease_until', 'text')
    .addColumn('checked_at', 'text')
    .addColumn('rechecked_at', 'text')
    .addColumn('error', 'text')
    .addPrimaryKeyConstraint('monitor_sweep_units_pk', ['sweep_id', 'unit_id'])
    .execute();
  await db.schema.createIndex('monitor_sweep_units_batch').on('monitor_sweep_units').columns(['sweep_id', 'batch', 'state']).execute();
  // The minutely look for units whose worker died.
  await db.schema.createIndex('monitor_sweep_units_lease').on('monitor_sweep_units').columns(['state', 'lease_until']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('monitor_sweep_units').execute();
  await db.schema.dropTable('monitor_sweeps').execute();
}
