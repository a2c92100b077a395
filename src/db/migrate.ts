import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
import { CODE_DIR } from '../shared/code-location.js';
import type { DB } from './schema/index.js';

// dist/db/migrations when running the compiled bundle (scripts/build.mjs makes each an entry).
const MIGRATIONS_DIR = path.join(CODE_DIR, 'db', 'migrations');

/**
 * Migrations are discovered by file name (NNNN_name.ts), so each module adds its own files in
 * its own number range without editing a shared list. Runs the same set on both engines.
 */
class FolderProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    const files = (await readdir(MIGRATIONS_DIR))
      .filter((f) => /^\d{4}_[\w-]+\.(ts|js)$/.test(f) && !f.endsWith('.d.ts'))
      .sort();
    const out: Record<string, Migration> = {};
    for (const file of files) {
      // Imported only when it runs: a start on an up-to-date database loads none of them.
      const load = () => import(pathToFileURL(path.join(MIGRATIONS_DIR, file)).href);
      out[file.replace(/\.(ts|js)$/, '')] = { up: async (db) => (await load()).up(db), down: async (db) => (await load()).down?.(db) };
    }
    return out;
  }
}

export interface MigrateOutcome {
  applied: string[];
}

export async function migrateToLatest(db: Kysely<DB>): Promise<MigrateOutcome> {
  // Unordered migrations are allowed because modules number their files in separate ranges: a
  // module's new migration may sort before another module's already-applied one.
  const migrator = new Migrator({ db, provider: new FolderProvider(), allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  const applied = (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  if (error) {
    const failed = (results ?? []).find((r) => r.status === 'Error');
    throw new Error(`Migrasi gagal${failed ? ` di ${failed.migrationName}` : ''}: ${(error as Error).message ?? error}`);
  }
  return { applied };
}

/** Migrations not yet applied to this database, by name (all of them on an empty one); applies nothing. */
export async function pendingMigrations(db: Kysely<DB>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: new FolderProvider(), allowUnorderedMigrations: true });
  return (await migrator.getMigrations()).filter((m) => !m.executedAt).map((m) => m.name);
}
