import type { Kysely } from 'kysely';

// "A unit's public pages changed", kept for a day (issue 18 point 1). PostgreSQL NOTIFY is not
// stored: a process whose listening connection was down missed what was announced meanwhile. On
// reconnecting it reads the units changed since it last knew it was connected and drops those
// pages (src/main/pg-page-invalidation.ts). `at` is the database's clock in epoch milliseconds,
// so processes on machines with skewed clocks agree. Unused on SQLite (one machine).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('page_changes')
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('page_changes_at').on('page_changes').column('at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('page_changes').execute();
}
