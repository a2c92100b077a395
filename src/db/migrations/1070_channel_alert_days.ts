import type { Kysely } from 'kysely';

// A channel alert is stored as its kind and values, not as a sentence (issue 19 points 2/3): the
// days left of an "expiring" alert. Staff pages and notifications say it from the catalogue;
// alerts opened before keep their sentence in `message` and show it as written.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('channel_alerts').addColumn('days', 'integer').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('channel_alerts').dropColumn('days').execute();
}
