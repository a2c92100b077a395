import type { Kysely } from 'kysely';

// When a unit's own staff last asked for a re-check (issue 14 point 6). One row per unit, in the
// database rather than in memory, so the once-per-window limit holds across web processes and
// machines.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('unit_recheck_requests')
    .addColumn('unit_id', 'text', (c) => c.primaryKey())
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'text')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('unit_recheck_requests').execute();
}
