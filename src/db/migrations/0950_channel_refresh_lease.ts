import type { Kysely } from 'kysely';

// Several worker processes (issue 18 point 1): two of them may want to refresh one TikTok
// account's rotating token at once (a due post and the daily token check). The one holding
// refresh_lease_until refreshes; the others wait for its result instead of presenting a refresh
// token that has just been spent and flagging the account "perlu sambung ulang".
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('channel_accounts').addColumn('refresh_lease_until', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('channel_accounts').dropColumn('refresh_lease_until').execute();
}
