import { createFileMediaStore } from '../../modules/media/index.js';
import { createFilePrivateStore } from '../../modules/pelayanan/index.js';
import { migrateMedia } from '../media-migrate.js';
import { mediaStoreFor, privateStoreFor } from '../stores.js';
import { type CliContext, option } from './io.js';

// `npm run beranda -- media migrate --to s3|local`: the bucket is the one S3_* describes (so
// MEDIA_STORE=s3 is set for the run), the folders are MEDIA_DIR and PELAYANAN_DIR.
export async function mediaMigrateCommand(ctx: CliContext, args: string[]): Promise<number> {
  const to = option(args, '--to');
  if (to !== 's3' && to !== 'local') {
    ctx.out('Sebutkan arah: npm run beranda -- media migrate --to s3 (folder → bucket) atau --to local (bucket → folder).');
    return 2;
  }
  if (!ctx.config.objectStore) {
    ctx.out('Bucket belum disetel: jalankan dengan MEDIA_STORE=s3 dan S3_BUCKET, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY (lihat README).');
    return 2;
  }
  const local = { media: createFileMediaStore(ctx.config.mediaDir), private: createFilePrivateStore(ctx.config.pelayananDir) };
  const bucket = { media: mediaStoreFor(ctx.config), private: privateStoreFor(ctx.config) };
  const [from, target] = to === 's3' ? [local, bucket] : [bucket, local];
  const r = await migrateMedia(from, target, { progress: ctx.out });
  ctx.out(`Media: ${r.media.copied} disalin, ${r.media.skipped} sudah ada. Dokumen pelayanan: ${r.documents.copied} disalin, ${r.documents.skipped} sudah ada.`);
  for (const f of r.failed.slice(0, 20)) ctx.out(`Gagal: ${f.key} — ${f.reason}`);
  if (r.failed.length) {
    ctx.out(`${r.failed.length} berkas gagal; jalankan perintah yang sama lagi untuk melanjutkan.`);
    return 1;
  }
  ctx.out(to === 's3' ? 'Selesai. Setel MEDIA_STORE=s3 untuk semua proses; folder lama tidak dihapus.' : 'Selesai. Setel MEDIA_STORE=local; isi bucket tidak dihapus.');
  return 0;
}
