import type { MediaStore } from '../modules/media/index.js';
import type { PrivateStore } from '../modules/pelayanan/index.js';

// `npm run beranda -- media migrate --to s3|local` (issue 18 point 2): copies every photo variant
// and every citizen's document from one store to the other, keeping their keys, so the database
// needs no change and both stores stay readable during the move. Resumable by construction: what
// the target already holds is skipped (media keys are content addresses, document keys are
// random and never reused), so an interrupted run is simply run again. Nothing is deleted from
// the source: switch MEDIA_STORE, check the sites, then remove the old folder or bucket yourself.

export interface MigrateSide {
  media: MediaStore;
  private: PrivateStore;
}

export interface MigrateReport {
  media: { copied: number; skipped: number };
  documents: { copied: number; skipped: number };
  failed: { key: string; reason: string }[];
}

export async function migrateMedia(from: MigrateSide, to: MigrateSide, opts: { concurrency?: number; progress?: (line: string) => void } = {}): Promise<MigrateReport> {
  const report: MigrateReport = { media: { copied: 0, skipped: 0 }, documents: { copied: 0, skipped: 0 }, failed: [] };
  const concurrency = opts.concurrency ?? 8;

  const have = new Set<string>();
  for await (const k of to.media.keys()) have.add(k);
  await pool(from.media.keys(), concurrency, async (key) => {
    if (have.has(key)) return void report.media.skipped++;
    try {
      const data = await from.media.read(key);
      // The target recomputes the content address: a corrupted source byte shows as a mismatch.
      const written = await to.media.put(data, key.slice(key.lastIndexOf('.') + 1));
      if (written !== key) throw new Error(`isi berkas tidak cocok dengan kuncinya (${written})`);
      report.media.copied++;
    } catch (error) {
      report.failed.push({ key, reason: (error as Error).message });
    }
    const done = report.media.copied + report.media.skipped;
    if (done % 500 === 0) opts.progress?.(`… ${done} berkas media`);
  });

  have.clear();
  for await (const k of to.private.keys()) have.add(k);
  await pool(from.private.keys(), concurrency, async (key) => {
    if (have.has(key)) return void report.documents.skipped++;
    try {
      const data = await from.private.read(key);
      if (!data) throw new Error('berkas hilang di sumber');
      await to.private.putAt(key, data);
      report.documents.copied++;
    } catch (error) {
      report.failed.push({ key: `pelayanan/${key}`, reason: (error as Error).message });
    }
  });
  return report;
}

/** Runs `work` over an async stream of items with at most `n` at once. */
async function pool<T>(items: AsyncIterable<T>, n: number, work: (item: T) => Promise<void>): Promise<void> {
  const running = new Set<Promise<void>>();
  for await (const item of items) {
    const p = work(item).finally(() => running.delete(p));
    running.add(p);
    if (running.size >= n) await Promise.race(running);
  }
  await Promise.all(running);
}
