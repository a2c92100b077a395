import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import type { DatabaseConfig } from '../config/index.js';
import type { Dialect } from './dialect.js';
import { pg } from './pg.js';
import type { DB } from './schema/index.js';

export interface Database {
  db: Kysely<DB>;
  dialect: Dialect;
  close(): Promise<void>;
}

export class DatabaseUnreachableError extends Error {
  constructor(readonly target: string, cause: unknown) {
    super(`Database tidak dapat dihubungi (${target}): ${(cause as Error)?.message ?? cause}`);
    this.name = 'DatabaseUnreachableError';
  }
}

/**
 * Opens the configured database and proves it answers, so a wrong DATABASE_URL fails at start
 * with one clear line instead of on the first request.
 */
export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if (config.kind === 'sqlite') {
    if (config.file !== ':memory:') mkdirSync(path.dirname(config.file), { recursive: true });
    const native = new SqliteDatabase(config.file);
    // WAL lets readers run while the worker writes; busy_timeout waits out short write locks
    // instead of failing; foreign keys are off by default in SQLite.
    native.pragma('journal_mode = WAL');
    native.pragma('foreign_keys = ON');
    native.pragma('busy_timeout = 5000');
    native.pragma('synchronous = NORMAL');
    // Sorts that no index serves (the beranda's "next 3 agenda", many staff lists) build a
    // temporary b-tree; with SQLite's default of a temporary file each one cost ~25 µs more than
    // in memory (measured: 43 → 15 µs for the agenda list). Sorted sets here are small.
    native.pragma('temp_store = MEMORY');
    const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(native) }) });
    return { db, dialect: 'sqlite', close: () => db.destroy() };
  }

  // Sized in src/config from the process's roles and MONITOR_SWEEP_SITES (DATABASE_POOL_MAX overrides).
  const pool = new pg.Pool({ connectionString: config.url, max: config.poolMax ?? 10, connectionTimeoutMillis: 5000 });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  try {
    await sql`select 1`.execute(db);
  } catch (error) {
    await db.destroy().catch(() => {});
    throw new DatabaseUnreachableError(redact(config.url), error);
  }
  return { db, dialect: 'postgres', close: () => db.destroy() };
}

/**
 * Kysely's SQLite driver prepares every query afresh; compiling the same SQL text again costs
 * more than running it on a small table (about a tenth of an uncached page's CPU in a profile).
 * Prepared statements are kept by SQL text, bounded since ad-hoc SQL can vary.
 * Safe because better-sqlite3 re-prepares a statement itself after a schema change, and the
 * driver runs one query at a time on its single connection.
 */
function withStatementCache(native: SqliteDatabase.Database, max = 1000) {
  const cache = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => native.close(),
    prepare(sqlText: string) {
      let stmt = cache.get(sqlText);
      if (!stmt) {
        stmt = native.prepare(sqlText);
        if (cache.size >= max) cache.clear();
        cache.set(sqlText, stmt);
      }
      return stmt;
    },
  };
}

/** Hides the password of a connection URL for messages and logs. */
export function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url.replace(/:[^:@/]+@/, ':***@');
  }
}
