import { loadOldKeys } from '../../config/index.js';
import { reencryptTokens, tokenKeyFrom } from '../../modules/channels/index.js';
import type { CliContext } from './io.js';

// `npm run beranda -- keys rotate`: the stored social-media tokens move from the old key to the
// configured one. The old key is given as OLD_TOKEN_ENCRYPTION_KEY (or, for tokens sealed with
// the key derived from the secret, OLD_BERANDA_SECRET) — in the environment, not on the command
// line, where other users of the machine could read it. Safe to run again.
export async function keysRotateCommand(ctx: CliContext): Promise<number> {
  const old = loadOldKeys();
  if (!old.tokenEncryptionKey && !old.secret) {
    ctx.out('Sebutkan kunci lama: OLD_TOKEN_ENCRYPTION_KEY=<kunci lama> (atau OLD_BERANDA_SECRET=<rahasia lama> bila TOKEN_ENCRYPTION_KEY belum pernah diisi), lalu jalankan lagi. Kunci baru dibaca dari TOKEN_ENCRYPTION_KEY/BERANDA_SECRET.');
    return 2;
  }
  if (!ctx.config.secretProvided && !ctx.config.tokenEncryptionKey) {
    ctx.out('Kunci baru belum diisi: setel TOKEN_ENCRYPTION_KEY (atau BERANDA_SECRET) ke nilai baru — buat dengan: openssl rand -hex 32');
    return 2;
  }
  const from = tokenKeyFrom({ tokenEncryptionKey: old.tokenEncryptionKey, secret: old.secret ?? '' });
  const to = tokenKeyFrom(ctx.config);
  if (from.equals(to)) {
    ctx.out('Kunci lama dan kunci baru sama; tidak ada yang diubah.');
    return 2;
  }
  const r = await reencryptTokens(ctx.database.db, from, to);
  ctx.out(`Token dienkripsi ulang: ${r.reencrypted} akun; sudah memakai kunci baru: ${r.alreadyNew}.`);
  if (r.unreadable.length) {
    ctx.out(`Tidak terbaca dengan kunci lama maupun baru (perlu dihubungkan ulang oleh petugas): ${r.unreadable.join(', ')}`);
    return 1;
  }
  return 0;
}
