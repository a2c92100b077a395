import type { Kysely } from 'kysely';

// The last RDAP answer per registrable domain, kept across sweeps (issue 18): every .id domain is
// answered by one server (rdap.pandi.id, about one request a second), and a national sweep covers
// ~75,000 desa.id domains whose expiry changes once a year. The domain-expiry check asks again
// only when the kept answer is old, its expiry is near, or it failed (checks/rdap-answers.ts).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('monitor_rdap_answers')
    .addColumn('domain', 'text', (c) => c.primaryKey())
    .addColumn('asked_at', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text')
    .addColumn('rdap_url', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('monitor_rdap_answers').execute();
}
