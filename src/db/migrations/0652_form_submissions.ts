import type { Kysely } from 'kysely';

// One row per create form sent (issue 16 point 6): a form carries a one-time key, and a second
// submit with the same key (a double tap, a resent form) is answered with the first one's result
// instead of making a second thing. Rows are kept a day.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('form_submissions')
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('location', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('form_submissions_pk', ['user_id', 'key'])
    .execute();
  await db.schema.createIndex('form_submissions_created').on('form_submissions').column('created_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('form_submissions').execute();
}
