import { spawn } from 'node:child_process';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, type QueryExecutorProvider, SqliteDialect, sql } from 'kysely';
import type { DB } from './schema/index.js';
import { dialectOf } from './dialect.js';
import { pg } from './pg.js';
import { childProcessEnv } from '../config/child-env.js';

// Engine-specific halves of `npm run beranda -- backup/restore` (issue 13). Both take a
// consistent snapshot while the server keeps writing: SQLite through its online backup API, all
// pages in one step (one read transaction, so the copy is one moment of the database);
// PostgreSQL through pg_dump, which reads everything in one repeatable-read snapshot.

/** Rows per table at the moment of the snapshot: written into the backup, checked after a restore. */
export type TableCounts = Record<string, number>;

/** Copies a live SQLite database into `dest` (a new file), checks the copy, counts its rows. */
export async function snapshotSqlite(source: string, dest: string): Promise<TableCounts> {
  const live = new SqliteDatabase(source, { fileMustExist: true });
  try {
    live.pragma('busy_timeout = 5000');
    // The first step sets the backup up; the callback then asks for every remaining page in the
    // next one. Copying in small steps would let a writer restart the copy again and again.
    await live.backup(dest, { progress: () => 0x7fffffff });
  } finally {
    live.close();
  }
  const copy = new SqliteDatabase(dest, { fileMustExist: true });
  try {
    const check = copy.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new Error(`Salinan database rusak (integrity_check: ${String(check)}).`);
    // A standalone file: no WAL beside it to carry along.
    copy.pragma('journal_mode = DELETE');
  } catch (error) {
    copy.close();
    throw error;
  }
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: copy }) });
  try {
    return await tableCounts(db);
  } finally {
    await db.destroy();
  }
}

/** pg_dump/pg_restore get the password through the environment, never on the command line. */
function pgTarget(url: string): { uri: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const env = childProcessEnv(u.password ? { PGPASSWORD: decodeURIComponent(u.password) } : {});
  u.password = '';
  return { uri: u.toString(), env };
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += String(d)));
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'ENOENT' ? new Error(`${command} tidak ditemukan: pasang paket postgresql-client (Debian: apt-get install postgresql-client).`) : error),
    );
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${command} gagal (kode ${code}): ${stderr.trim().split('\n').slice(-3).join(' ')}`))));
  });
}

/**
 * pg_dump in its custom format (compressed, restorable table by table). The rows are counted in
 * a transaction whose snapshot pg_dump is told to use, so the counts describe the dump exactly.
 */
export async function dumpPostgres(url: string, dest: string): Promise<TableCounts> {
  const { uri, env } = pgTarget(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('begin isolation level repeatable read read only');
    const snapshot = (await client.query<{ s: string }>('select pg_export_snapshot() as s')).rows[0]!.s;
    const counts: TableCounts = {};
    const tables = await client.query<{ schema: string; name: string }>(
      `select table_schema as schema, table_name as name from information_schema.tables
        where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema') order by 1, 2`,
    );
    for (const t of tables.rows) {
      const ident = `${client.escapeIdentifier(t.schema)}.${client.escapeIdentifier(t.name)}`;
      counts[`${t.schema}.${t.name}`] = Number((await client.query<{ n: string }>(`select count(*) as n from ${ident}`)).rows[0]!.n);
    }
    await run('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--snapshot=${snapshot}`, `--file=${dest}`, `--dbname=${uri}`], env);
    await client.query('commit');
    return counts;
  } finally {
    await client.end();
  }
}

export async function restorePostgres(url: string, dump: string): Promise<void> {
  const { uri, env } = pgTarget(url);
  await run('pg_restore', ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', `--dbname=${uri}`, dump], env);
}

/** The application's tables (not migration bookkeeping, not SQLite's full-text shadow tables). */
export async function listTables(db: QueryExecutorProvider): Promise<string[]> {
  const rows =
    dialectOf(db) === 'sqlite'
      ? (await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'content_search%' order by name`.execute(db)).rows
      : (await sql<{ name: string }>`select table_schema || '.' || table_name as name from information_schema.tables
           where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema') order by 1`.execute(db)).rows;
  return rows.map((r) => r.name);
}

/** Rows per table: recorded in the backup, compared after a restore. */
export async function tableCounts(db: QueryExecutorProvider): Promise<TableCounts> {
  const out: TableCounts = {};
  for (const name of await listTables(db)) {
    const [schema, table] = name.includes('.') ? name.split('.') : [null, name];
    const ref = schema ? sql.table(`${schema}.${table}`) : sql.table(table!);
    out[name] = Number((await sql<{ n: number | string }>`select count(*) as n from ${ref}`.execute(db)).rows[0]!.n);
  }
  return out;
}
