import { type QueryExecutorProvider, SqliteAdapter, sql } from 'kysely';

// Every difference between SQLite and PostgreSQL lives here (and in search.ts), so the rest of
// the code is written once. tests/db/dialect.test.ts runs these on both engines.
export type Dialect = 'sqlite' | 'postgres';

// Any Kysely handle or transaction, whatever its schema (the migrations pass Kysely<any>).
export function dialectOf(db: QueryExecutorProvider): Dialect {
  return db.getExecutor().adapter instanceof SqliteAdapter ? 'sqlite' : 'postgres';
}

/** True when the error is a unique-constraint violation on either engine. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** Case-insensitive "contains" match: SQLite's LIKE already ignores ASCII case, PostgreSQL needs ILIKE. */
export function containsInsensitive(db: QueryExecutorProvider, column: string, needle: string) {
  const pattern = `%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return dialectOf(db) === 'sqlite'
    ? sql<boolean>`${sql.ref(column)} LIKE ${pattern} ESCAPE '\\'`
    : sql<boolean>`${sql.ref(column)} ILIKE ${pattern} ESCAPE '\\'`;
}
