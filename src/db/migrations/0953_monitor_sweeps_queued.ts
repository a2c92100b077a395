import type { Kysely } from 'kysely';

// When a sweep's batch jobs were all queued (issue 18 point 4). A worker killed while queuing them
// leaves it empty: the minutely rescue then queues the rest (the sends are idempotent per batch).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('monitor_sweeps').addColumn('queued_at', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('monitor_sweeps').dropColumn('queued_at').execute();
}
