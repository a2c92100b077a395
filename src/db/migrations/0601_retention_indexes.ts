import type { Kysely } from 'kysely';

// The hourly retention clean-up (issue 13) finds the oldest rows by these times; without an
// index each batch would read the whole table (observations and jobs grow by thousands a day).
const INDEXES: [string, string, string][] = [
  ['jobs_completed_at', 'jobs', 'completed_at'],
  ['monitor_observations_fetched_at', 'monitor_observations', 'fetched_at'],
  ['notifications_read_at', 'notifications', 'read_at'],
  ['login_attempts_at', 'login_attempts', 'at'],
  ['job_singletons_created_at', 'job_singletons', 'created_at'],
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const [name, table, column] of INDEXES) await db.schema.createIndex(name).on(table).column(column).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const [name] of INDEXES) await db.schema.dropIndex(name).execute();
}
