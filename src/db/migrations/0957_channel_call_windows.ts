import type { Kysely } from 'kysely';

// TikTok's per-token call windows shared by every worker on PostgreSQL (issue 18): one row per
// window key (a hash of the token and the kind of call, never the token itself), holding the
// starts reserved in the last minute as a JSON array of milliseconds of the database's clock.
// A reservation locks the row (modules/channels/shared-call-gate.ts). last_at is the latest
// start, for the retention prune (a rotated token's windows are never used again). Unused on
// SQLite (one worker keeps them in memory).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('channel_call_windows')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('calls', 'text', (c) => c.notNull())
    .addColumn('last_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('channel_call_windows_last_at').on('channel_call_windows').column('last_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('channel_call_windows').execute();
}
