import { type Kysely, SqliteAdapter, sql } from 'kysely';

// Every difference between SQLite and PostgreSQL lives here (and in search.ts), so the rest of
// the code is written once. tests/db/dialect.test.ts runs these on both engines.
export type Dialect = 'sqlite' | 'postgres';

export function dialectOf(db: Kysely<any>): Dialect {
  return db.getExecutor().adapter instanceof SqliteAdapter ? 'sqlite' : 'postgres';
}

/** True when the error is a unique-constraint violation on either engine. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** True when the error is a foreign-key violation on either engine. */
export function isForeignKeyViolation(error: unknown): boolean {
  const e = error as { code?: string };
  return e?.code === '23503' || e?.code === 'SQLITE_CONSTRAINT_FOREIGNKEY';
}

/** Case-insensitive "contains" match: SQLite's LIKE already ignores ASCII case, PostgreSQL needs ILIKE. */
export function containsInsensitive(db: Kysely<any>, column: string, needle: string) {
  const pattern = `%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return dialectOf(db) === 'sqlite'
    ? sql<boolean>`${sql.ref(column)} LIKE ${pattern} ESCAPE '\\'`
    : sql<boolean>`${sql.ref(column)} ILIKE ${pattern} ESCAPE '\\'`;
}

/** Server version string, for /healthz and diagnostics. */
export async function serverVersion(db: Kysely<any>): Promise<string> {
  if (dialectOf(db) === 'sqlite') {
    const r = await sql<{ v: string }>`select sqlite_version() as v`.execute(db);
    return `SQLite ${r.rows[0]?.v}`;
  }
  const r = await sql<{ v: string }>`show server_version`.execute(db);
  return `PostgreSQL ${(r.rows[0] as any)?.server_version ?? r.rows[0]?.v}`;
}
