import { systemClock } from '../../shared/clock.js';
import { removeDemo } from '../demo/remove-demo.js';
import { mediaStoreFor } from '../stores.js';
import { type CliContext, flag } from './io.js';

// `npm run beranda -- demo remove [--yes]`: without --yes it only counts what would go.
export async function demoRemoveCommand(ctx: CliContext, args: string[]): Promise<number> {
  const yes = flag(args, '--yes');
  const r = await removeDemo(ctx.database.db, systemClock, mediaStoreFor(ctx.config), { dryRun: !yes });
  const summary = `${r.accounts} akun demo (dengan sesinya), ${r.posts} isi/kabar, ${r.drafts} draf, ${r.photos} foto (${r.files} berkas), ${r.channels} kanal simulasi, ${r.deliveries} kiriman, ${r.history} baris riwayat simulasi`;
  if (!yes) {
    ctx.out(`Akan dihapus: ${summary}. Unit, pengaturan, catatan keamanan dan data sungguhan tidak disentuh.`);
    ctx.out('Jalankan lagi dengan --yes untuk menghapus: npm run beranda -- demo remove --yes');
    return 0;
  }
  ctx.out(`Dihapus: ${summary}.`);
  if (ctx.config.demo) ctx.out('Catatan: BERANDA_DEMO masih 1. Setel BERANDA_DEMO=0 sebelum menjalankan Beranda lagi, atau demo dimuat ulang pada database kosong.');
  return 0;
}
