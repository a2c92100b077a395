import type { Config } from '../../config/index.js';
import { makeBackup } from '../backup/make-backup.js';
import { RestoreRefused, restoreBackup } from '../backup/restore-backup.js';
import { positional } from './io.js';

// `npm run beranda -- backup <file>` and `restore <file>`: they take the configuration only —
// a backup must not migrate the database it copies, and a restore needs an empty target.

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export async function backupCommand(config: Config, args: string[], out: (line: string) => void): Promise<number> {
  const file = positional(args)[0];
  if (!file) {
    out('Sebutkan berkas tujuan, contoh: npm run beranda -- backup /var/backups/beranda/beranda-$(date +%F).tar');
    return 2;
  }
  const r = await makeBackup(config, file);
  const rows = Object.values(r.manifest.tables).reduce((a, b) => a + b, 0);
  out(`Cadangan dibuat: ${file} (${mb(r.bytes)}; database ${r.manifest.engine}, ${Object.keys(r.manifest.tables).length} tabel, ${rows} baris; ${r.manifest.files.media} berkas media, ${r.manifest.files.pelayanan} berkas pelayanan, ${r.manifest.files.arsip} berkas arsip).`);
  return 0;
}

export async function restoreCommand(config: Config, args: string[], out: (line: string) => void): Promise<number> {
  const file = positional(args)[0];
  if (!file) {
    out('Sebutkan berkas cadangan, contoh: npm run beranda -- restore /var/backups/beranda/beranda-2026-11-25.tar');
    return 2;
  }
  try {
    const r = await restoreBackup(config, file);
    out(`Dipulihkan dari ${file} (dibuat ${r.manifest.createdAt}): ${Object.keys(r.manifest.tables).length} tabel dan ${Object.values(r.manifest.files).reduce((a, b) => a + b, 0)} berkas cocok dengan cadangan.`);
    if (r.migrated.length) out(`Migrasi yang lebih baru diterapkan: ${r.migrated.join(', ')}`);
    return 0;
  } catch (error) {
    if (error instanceof RestoreRefused) {
      out(error.message);
      return 2;
    }
    throw error;
  }
}
