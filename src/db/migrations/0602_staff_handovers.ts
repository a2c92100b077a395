import type { Kysely } from 'kysely';

// The handover of a staff import (issue 13): the new accounts' one-time passwords, sealed with a
// key derived from BERANDA_SECRET, kept for a day so the admin can reload, print and download the
// sheet — and a double tap on "Buat" shows the same list instead of losing it. Deleted when the
// admin says the handover is done, or by the retention clean-up when it expires.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('staff_handovers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('region_code', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('sealed', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('staff_handovers_expires').on('staff_handovers').column('expires_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('staff_handovers').execute();
}
