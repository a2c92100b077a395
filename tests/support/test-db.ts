import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type Database, openDatabase } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';

export interface TestDb extends Database {
  /** Where this database lives, for tests that reopen it (a "restart"). */
  config: { kind: 'sqlite'; file: string; url: string } | { kind: 'postgres'; url: string };
}

/** The engine under test: a fresh PostgreSQL database per call when TEST_DATABASE_URL is set. */
export const testEngine = (): 'sqlite' | 'postgres' => (process.env.TEST_DATABASE_URL ? 'postgres' : 'sqlite');

/**
 * A fresh, migrated database for one test file (or one test). SQLite: a file in a temp folder.
 * PostgreSQL: a new database on the server TEST_DATABASE_URL points at, dropped on close.
 */
export async function createTestDb(): Promise<TestDb> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'beranda-test-'));
    const config = { kind: 'sqlite' as const, file: path.join(dir, 'test.db'), url: `sqlite:${dir}/test.db` };
    const database = await openDatabase(config);
    await migrateToLatest(database.db);
    return {
      ...database,
      config,
      close: async () => {
        await database.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }

  const name = `beranda_t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const config = { kind: 'postgres' as const, url: url.toString() };
  const database = await openDatabase(config);
  await migrateToLatest(database.db);
  return {
    ...database,
    config,
    close: async () => {
      await database.close();
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}
