import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../src/db/database.js';

// openDatabase keeps SQLite statements prepared by SQL text. A reused statement must still see
// schema changes and new data, and a failed statement must not poison the next use.
describe('SQLite prepared-statement cache', () => {
  let dir: string;
  let database: Database | undefined;
  afterEach(async () => {
    await database?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reuses statements without serving stale rows or stale columns', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'beranda-stmt-'));
    const file = path.join(dir, 't.db');
    database = await openDatabase({ kind: 'sqlite', file, url: `sqlite:${file}` } as never);
    const db = database.db as never as import('kysely').Kysely<{ t: { id: number; a: string; b?: string } }>;
    await sql`create table t (id integer primary key, a text)`.execute(db);
    const read = () => db.selectFrom('t').selectAll().orderBy('id').execute();

    await db.insertInto('t').values({ id: 1, a: 'satu' }).execute();
    expect(await read()).toEqual([{ id: 1, a: 'satu' }]);
    await db.insertInto('t').values({ id: 2, a: 'dua' }).execute();
    expect(await read()).toEqual([{ id: 1, a: 'satu' }, { id: 2, a: 'dua' }]);

    await sql`alter table t add column b text`.execute(db);
    expect(await read()).toEqual([{ id: 1, a: 'satu', b: null }, { id: 2, a: 'dua', b: null }]);

    await expect(db.insertInto('t').values({ id: 1, a: 'ganda' }).execute()).rejects.toThrow(/UNIQUE/);
    await db.insertInto('t').values({ id: 3, a: 'tiga' }).execute();
    expect((await read()).map((r) => r.id)).toEqual([1, 2, 3]);
  });

  it('opens SQLite with WAL, foreign keys, a busy timeout and in-memory sorts', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'beranda-stmt-'));
    const file = path.join(dir, 't.db');
    database = await openDatabase({ kind: 'sqlite', file, url: `sqlite:${file}` } as never);
    const pragma = async (name: string) => Object.values((await sql.raw(`pragma ${name}`).execute(database!.db)).rows[0] as object)[0];
    expect(await pragma('journal_mode')).toBe('wal');
    expect(await pragma('foreign_keys')).toBe(1);
    expect(await pragma('busy_timeout')).toBe(5000);
    // 2 = MEMORY: a temporary file per unindexed sort cost ~25 µs a public list (database.ts).
    expect(await pragma('temp_store')).toBe(2);
  });
});
