import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema/index.js';

// What counts as demo in the database (issue 13). Users, content items, galleries and public
// documents carry is_demo from the start; simulated channels carry is_simulation; migration 0600
// added is_demo to the other tables the seeders write. The demo is loaded only on an empty
// database, so everything these tables hold right after seeding is demo and is marked as such.

/** Tables the seeders fill through the modules' own use cases (which know nothing of demo). */
export const SEEDED_TABLES = ['profile_sections', 'media', 'web_presences', 'monitor_observations', 'monitor_first_seen', 'monitor_sites', 'monitor_daily', 'compliance_verdicts'] as const;

/** Tables that must be empty for the demo to be loaded: any row in them is someone's data. */
const MUST_BE_EMPTY = ['users', 'content_items', 'galleries', 'public_documents', 'channel_accounts', 'composer_drafts', ...SEEDED_TABLES] as const;

export async function databaseIsEmpty(db: Kysely<DB>): Promise<boolean> {
  for (const table of MUST_BE_EMPTY) {
    const row = await sql<{ one: number }>`select 1 as one from ${sql.table(table)} limit 1`.execute(db);
    if (row.rows.length > 0) return false;
  }
  return true;
}

/** Marks every row the seeders wrote; call only after seeding an empty database. */
export async function markSeededRowsAsDemo(db: Kysely<DB>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const table of SEEDED_TABLES) await sql`update ${sql.table(table)} set is_demo = 1 where is_demo = 0`.execute(trx);
  });
}

export interface AccountCounts {
  demo: number;
  real: number;
}

export async function countAccounts(db: Kysely<DB>): Promise<AccountCounts> {
  const rows = await db.selectFrom('users').select(['is_demo', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('is_demo').execute();
  const n = (demo: number) => Number(rows.find((r) => r.is_demo === demo)?.n ?? 0);
  return { demo: n(1), real: n(0) };
}
