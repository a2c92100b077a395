import type { Kysely } from 'kysely';

// The crawler's per-host spacing shared by every worker on PostgreSQL (issue 18): when each host
// may next be asked, in milliseconds of the database's clock. One row per host, reserved by one
// conditional upsert (modules/monitoring/shared-host-spacing.ts). Unused on SQLite (one worker).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('monitor_host_slots')
    .addColumn('host', 'text', (c) => c.primaryKey())
    .addColumn('next_at', 'bigint', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('monitor_host_slots').execute();
}
