import type { Kysely } from 'kysely';

// login_attempts has not been written since login delays moved to login_throttle (migration
// 0650, issue 16); the retention job only emptied it. The table and its indexes go. Safe while
// an older version still serves: that version only read it for a lock that 0650 already removed,
// and it no longer writes it either.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('login_attempts').ifExists().execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('login_attempts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('success', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('login_attempts_key_at').on('login_attempts').columns(['key', 'at']).execute();
  await db.schema.createIndex('login_attempts_at').on('login_attempts').column('at').execute();
}
