import type { Kysely } from 'kysely';

// Login throttling state (issue 16 point 1): growing delays per account+address pair, per
// address and per known device, shared by every web process through the database. It replaces
// the hard lock (users.failed_logins / locked_until); login_attempts is no longer written and is
// left to the retention job (issue 13) until it is dropped.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('login_throttle')
    // 'pair:<username> <address>', 'address:<address>' or 'device:<device id>'
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('username', 'text')
    .addColumn('address', 'text')
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('first_failure_at', 'text', (c) => c.notNull())
    .addColumn('last_failure_at', 'text', (c) => c.notNull())
    .addColumn('delay_until', 'text')
    .execute();
  await db.schema.createIndex('login_throttle_username').on('login_throttle').column('username').execute();
  await db.schema.createIndex('login_throttle_last').on('login_throttle').column('last_failure_at').execute();
  await db.schema.alterTable('users').dropColumn('failed_logins').execute();
  await db.schema.alterTable('users').dropColumn('locked_until').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('users').addColumn('locked_until', 'text').execute();
  await db.schema.dropTable('login_throttle').execute();
}
