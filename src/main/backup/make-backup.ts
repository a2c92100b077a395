import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import * as tar from 'tar';
import type { Config } from '../../config/index.js';
import { dumpPostgres, snapshotSqlite, type TableCounts } from '../../db/backup.js';
import { archiveDirOf } from '../retention/run-retention.js';

// `npm run beranda -- backup <file>` (issue 13): one file holding a consistent snapshot of the
// database and the files beside it, made while the server runs. The database is copied first,
// then the folders: media files are content-addressed and never change once written, so every
// file the snapshot refers to is already on disk; files added meanwhile are harmless extras.
//
// The file is a plain tar (photos are compressed already): beranda-backup.json (the manifest),
// database/beranda.db.gz or database/beranda.pgdump, media/…, pelayanan/…, arsip/….

export const MANIFEST = 'beranda-backup.json';
export const FORMAT = 1;

export interface Manifest {
  format: number;
  createdAt: string;
  engine: 'sqlite' | 'postgres';
  /** Rows per table in the snapshot, checked again after a restore. */
  tables: TableCounts;
  /** Files per folder in the archive. */
  files: Record<FolderName, number>;
}

export interface BackupOutcome {
  manifest: Manifest;
  bytes: number;
}

export type FolderName = 'media' | 'pelayanan' | 'arsip';

/** Folders that belong to the data, stored under these names: photos, citizens' files, archived audit rows. */
export const folders = (config: Config): Record<FolderName, string> => ({
  media: config.mediaDir,
  pelayanan: config.pelayananDir,
  arsip: archiveDirOf(config.dataDir),
});

export interface BackupOptions {
  now?: () => Date;
  /**
   * Called between the database snapshot and the folder listing — the moment where a running
   * server's newer photos are on disk but not in the snapshot. The write-load test waits there
   * until the writer has gone on writing, so that case is exercised every run, not by chance.
   */
  afterSnapshot?: () => Promise<void>;
}

export async function makeBackup(config: Config, target: string, opts: BackupOptions = {}): Promise<BackupOutcome> {
  const now = opts.now ?? (() => new Date());
  const dest = path.resolve(target);
  const work = await mkdtemp(path.join(path.dirname(dest), '.beranda-backup-'));
  const partial = `${dest}.partial`;
  try {
    await mkdir(path.join(work, 'database'), { recursive: true });
    let tables: TableCounts;
    if (config.database.kind === 'sqlite') {
      const copy = path.join(work, 'beranda.db');
      tables = await snapshotSqlite(config.database.file, copy);
      await pipeline(createReadStream(copy), createGzip(), createWriteStream(path.join(work, 'database', 'beranda.db.gz')));
      await rm(copy);
    } else {
      tables = await dumpPostgres(config.database.url, path.join(work, 'database', 'beranda.pgdump'));
    }
    await opts.afterSnapshot?.();
    // Listed once, after the snapshot: what is counted is exactly what is archived.
    const listed = {} as Record<FolderName, string[]>;
    for (const [name, dir] of Object.entries(folders(config)) as [FolderName, string][]) listed[name] = await listFiles(dir);
    const files = Object.fromEntries(Object.entries(listed).map(([k, v]) => [k, v.length])) as Record<FolderName, number>;
    const manifest: Manifest = { format: FORMAT, createdAt: now().toISOString(), engine: config.database.kind, tables, files };
    await writeFile(path.join(work, MANIFEST), JSON.stringify(manifest, null, 2));

    await tar.c({ file: partial, cwd: work, portable: true }, [MANIFEST, 'database']);
    for (const [name, dir] of Object.entries(folders(config)) as [FolderName, string][]) {
      const entries = listed[name];
      // Appended in batches: an argument list of a hundred thousand photos is fine for tar's
      // API, but one call per batch keeps memory flat.
      for (let i = 0; i < entries.length; i += 2000) {
        await tar.r({ file: partial, cwd: dir, prefix: name, portable: true }, entries.slice(i, i + 2000));
      }
    }
    await rename(partial, dest);
    return { manifest, bytes: (await stat(dest)).size };
  } finally {
    await rm(work, { recursive: true, force: true });
    await rm(partial, { force: true });
  }
}

/** Files below `dir`, relative to it; half-written temporary files are left out. */
export async function listFiles(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name.endsWith('.tmp')) continue;
    out.push(path.relative(dir, path.join(entry.parentPath, entry.name)));
  }
  return out.sort();
}
