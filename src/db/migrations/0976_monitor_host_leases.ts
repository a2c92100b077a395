import type { Kysely } from 'kysely';

// The shared per-host spacing becomes a short lease per host (modules/monitoring/
// shared-host-spacing.ts): who holds a host, and until when (next_at, ms of the database clock).
// One reservation per request made ~8 upserts per site, the largest share of a national sweep's
// queries; a lease covers several requests of one worker, which spaces them itself.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('monitor_host_slots').addColumn('holder', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('monitor_host_slots').dropColumn('holder').execute();
}
