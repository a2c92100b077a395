import { type Kysely, sql } from 'kysely';
import type { DB } from '../../src/db/schema/index.js';
import { dialectOf } from '../../src/db/dialect.js';

/**
 * Every row of every application table as JSON text, sorted, per table: two dumps are equal
 * exactly when no row was added, removed or changed. Migration bookkeeping and SQLite's
 * full-text shadow tables are left out (they follow the tables they index).
 */
export async function dumpTables(db: Kysely<DB>): Promise<Record<string, string[]>> {
  const tables =
    dialectOf(db) === 'sqlite'
      ? (await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'content_search%' and name not like 'kysely_%'`.execute(db)).rows
      : (await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not like 'kysely_%'`.execute(db)).rows;
  const out: Record<string, string[]> = {};
  for (const { name } of tables) {
    const rows = (await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(db)).rows;
    out[name] = rows.map((r) => JSON.stringify(Object.fromEntries(Object.entries(r).sort(([a], [b]) => a.localeCompare(b))))).sort();
  }
  return out;
}
