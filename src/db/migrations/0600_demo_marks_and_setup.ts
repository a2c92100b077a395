import type { Kysely } from 'kysely';

// Going live (issue 13). Demo data is marked in the database so `demo remove` can delete exactly
// it: users, content, galleries and documents already had is_demo, simulated channels have
// is_simulation; this adds the mark to the other tables the demo seeder writes (profiles, the
// monitoring history, media). Plus the one-time set-up tokens of a first run without demo.
const DEMO_MARKED = ['profile_sections', 'media', 'web_presences', 'monitor_observations', 'monitor_first_seen', 'monitor_sites', 'monitor_daily', 'compliance_verdicts'];

export async function up(db: Kysely<any>): Promise<void> {
  for (const table of DEMO_MARKED) {
    await db.schema.alterTable(table).addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  }
  // Only a hash is stored: the token itself is printed once on the console of the server.
  await db.schema
    .createTable('setup_tokens')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('setup_tokens').execute();
  for (const table of DEMO_MARKED) await db.schema.alterTable(table).dropColumn('is_demo').execute();
}
