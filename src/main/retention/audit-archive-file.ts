import { createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { createGzip } from 'node:zlib';
import type { AuditArchive, AuditRow } from '../../modules/accounts/index.js';

// The audit archive on disk: one gzipped JSON-lines file per batch under {DATA_DIR}/arsip/
// audit-log/, named by the first and last row's time. Written to a temporary name, flushed to
// disk, then renamed: the rows are deleted from the database only after this resolves.
export function auditArchiveFile(dir: string): AuditArchive {
  return {
    async save(rows: AuditRow[]) {
      await mkdir(dir, { recursive: true });
      const stamp = (iso: string) => iso.replace(/[:.]/g, '').slice(0, 15);
      const name = `audit-${stamp(rows[0]!.at)}-${stamp(rows[rows.length - 1]!.at)}-${rows[0]!.id}.jsonl.gz`;
      const target = path.join(dir, name);
      const tmp = `${target}.tmp`;
      try {
        await pipeline(Readable.from(rows.map((r) => `${JSON.stringify(r)}\n`)), createGzip(), createWriteStream(tmp, { flags: 'wx' }));
        const fh = await open(tmp, 'r');
        await fh.sync();
        await fh.close();
        await rename(tmp, target);
      } catch (error) {
        await rm(tmp, { force: true });
        throw error;
      }
      return path.join('arsip', 'audit-log', name);
    },
  };
}
