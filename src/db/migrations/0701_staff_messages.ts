import type { Kysely } from 'kysely';

// Messages reach people (#14 point 9). Replies to help requests, comments on drafts, approvals
// and returns land in "Pesan untuk saya" (notifications) and, when the person chose another way
// (e-mail, Telegram, WhatsApp) and the city configured it, go out through this outbox: the row
// is written with the change, a job sends it with retries. help_requests keeps the reply text.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('staff_message_outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('unit_id', 'text', (c) => c.references('units.id').onDelete('cascade'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('link', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute();
  await db.schema.createIndex('staff_message_outbox_due').on('staff_message_outbox').columns(['status', 'next_attempt_at']).execute();
  await db.schema.alterTable('help_requests').addColumn('answer', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('help_requests').dropColumn('answer').execute();
  await db.schema.dropTable('staff_message_outbox').execute();
}
