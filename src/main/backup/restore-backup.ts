import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import * as tar from 'tar';
import type { Config } from '../../config/index.js';
import { listTables, restorePostgres, tableCounts } from '../../db/backup.js';
import { openDatabase } from '../../db/database.js';
import { migrateToLatest } from '../../db/migrate.js';
import { FORMAT, MANIFEST, type Manifest, folders, listFiles } from './make-backup.js';

// `npm run beranda -- restore <file>` (issue 13): puts a backup back into an empty data folder
// (SQLite) or an empty database (PostgreSQL) and the empty media and pelayanan folders, then
// checks every table's row count against the backup's manifest and applies newer migrations.
// It never writes over anything: a non-empty target is refused before anything is extracted.

export class RestoreRefused extends Error {}

export interface RestoreOutcome {
  manifest: Manifest;
  migrated: string[];
}

export async function restoreBackup(config: Config, source: string): Promise<RestoreOutcome> {
  const file = path.resolve(source);
  if (!existsSync(file)) throw new RestoreRefused(`Berkas cadangan tidak ada: ${file}`);
  const manifest = await readManifest(file);
  if (manifest.engine !== config.database.kind) {
    throw new RestoreRefused(
      `Cadangan ini dari database ${manifest.engine}, sedangkan DATABASE_URL menunjuk ${config.database.kind}: pulihkan ke jenis database yang sama.`,
    );
  }
  await refuseUnlessEmpty(config);

  const work = await mkdtemp(path.join(path.dirname(file), '.beranda-restore-'));
  try {
    await tar.x({ file, cwd: work, filter: (p) => p === MANIFEST || p.startsWith('database/') });
    if (config.database.kind === 'sqlite') {
      await mkdir(path.dirname(config.database.file), { recursive: true });
      await pipeline(createReadStream(path.join(work, 'database', 'beranda.db.gz')), createGunzip(), createWriteStream(config.database.file, { flags: 'wx' }));
    } else {
      await restorePostgres(config.database.url, path.join(work, 'database', 'beranda.pgdump'));
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  for (const [name, dir] of Object.entries(folders(config))) {
    await mkdir(dir, { recursive: true });
    await tar.x({ file, cwd: dir, strip: 1, filter: (p) => p.startsWith(`${name}/`) });
  }

  const database = await openDatabase(config.database);
  try {
    const counts = await tableCounts(database.db);
    const differ = Object.entries(manifest.tables).filter(([t, n]) => counts[t] !== n);
    if (differ.length) throw new Error(`Hasil pemulihan tidak cocok dengan cadangan: ${differ.map(([t, n]) => `${t} ${counts[t] ?? 0}/${n}`).join(', ')}`);
    for (const [name, dir] of Object.entries(folders(config)) as [keyof Manifest['files'], string][]) {
      const n = (await listFiles(dir)).length;
      if (n !== (manifest.files[name] ?? 0)) throw new Error(`Berkas ${name} yang dipulihkan ${n}, di cadangan ${manifest.files[name]}.`);
    }
    const { applied } = await migrateToLatest(database.db);
    return { manifest, migrated: applied };
  } finally {
    await database.close();
  }
}

export async function readManifest(file: string): Promise<Manifest> {
  let text = '';
  await tar.t({
    file,
    filter: (p) => p === MANIFEST,
    onReadEntry: (entry) => {
      entry.on('data', (d: Buffer) => (text += d.toString('utf8')));
    },
  });
  if (!text) throw new RestoreRefused(`${file} bukan berkas cadangan Beranda (tidak ada ${MANIFEST}).`);
  const manifest = JSON.parse(text) as Manifest;
  if (manifest.format !== FORMAT) throw new RestoreRefused(`Format cadangan ${manifest.format} tidak dikenal oleh versi ini (format ${FORMAT}).`);
  return manifest;
}

/** The target must hold nothing: no database file or tables, no files in the folders. */
async function refuseUnlessEmpty(config: Config): Promise<void> {
  if (config.database.kind === 'sqlite') {
    const f = config.database.file;
    if (existsSync(f) && (await stat(f)).size > 0) {
      throw new RestoreRefused(`Database ${f} sudah ada. Pulihkan ke folder data yang kosong (atau pindahkan berkas itu dulu).`);
    }
  } else {
    const database = await openDatabase(config.database);
    try {
      const tables = await listTables(database.db);
      if (tables.length) throw new RestoreRefused(`Database tujuan tidak kosong (${tables.length} tabel, mis. ${tables[0]}). Buat database kosong lalu jalankan lagi.`);
    } finally {
      await database.close();
    }
  }
  for (const [name, dir] of Object.entries(folders(config))) {
    const n = (await listFiles(dir)).length;
    if (n) throw new RestoreRefused(`Folder ${name} (${dir}) tidak kosong: ${n} berkas. Pulihkan ke folder yang kosong.`);
  }
}
