import { NATIONAL_SCOPE, createAdmin, oneTimePassword } from '../../modules/accounts/index.js';
import { accountProblemText } from '../../i18n/account-problems.js';
import { allProvinces, findRegency } from '../../modules/units/index.js';
import { systemClock } from '../../shared/clock.js';
import { type CliContext, flag, option } from './io.js';

// `npm run beranda -- users create-admin --username admin.kominfo --name "Nama Lengkap"
//  [--email a@b.go.id] [--generate] [--scope 19|19.71|ID]`: the first admin kota of a deployment
// without demo (or a further one, for whoever holds the server). `--scope` makes a province
// (`19`) or national (`ID`) admin, or one of another regency of the install (decision 0017). The password is typed (twice, not echoed) or, with
// --generate, made here and shown once; a generated one must be changed at the first sign-in.
export async function createAdminCommand(ctx: CliContext, args: string[]): Promise<number> {
  const username = option(args, '--username') ?? '';
  const displayName = option(args, '--name') ?? '';
  const email = option(args, '--email');
  if (!username || !displayName) {
    ctx.out('Pemakaian: npm run beranda -- users create-admin --username <nama.pengguna> --name "<Nama Lengkap>" [--email <alamat>] [--generate] [--scope 19|ID]');
    return 2;
  }
  const scope = option(args, '--scope') ?? ctx.config.region;
  if (scope !== NATIONAL_SCOPE && !findRegency(scope) && !allProvinces().some((p) => p.code === scope)) {
    ctx.out(`Cakupan "${scope}" tidak dikenal: tulis kode kabupaten/kota (19.71), kode provinsi (19) atau ID untuk seluruh Indonesia.`);
    return 2;
  }
  const generate = flag(args, '--generate');
  let password: string;
  if (generate) password = oneTimePassword(username.toLowerCase(), 5);
  else {
    password = await ctx.readSecret('Kata sandi admin (tidak tampil saat diketik): ');
    if (ctx.interactive && (await ctx.readSecret('Ulangi kata sandi: ')) !== password) {
      ctx.out('Kedua kata sandi tidak sama. Tidak ada yang dibuat; jalankan lagi.');
      return 1;
    }
  }
  const r = await createAdmin(ctx.database.db, systemClock, {
    username, displayName, email, password, region: scope, mustChangePassword: generate, via: 'cli',
  });
  if (!r.ok) {
    ctx.out(r.error === 'username_taken' ? `Nama pengguna "${username}" sudah dipakai. Pilih yang lain.` : `Tidak dibuat: ${(r.problems ?? []).map((p) => accountProblemText(p)).join(' ')}`);
    return 1;
  }
  ctx.out(`Admin kota "${r.value.username}" dibuat. Masuk di ${ctx.config.publicUrl}/admin`);
  if (generate) {
    ctx.out(`Kata sandi sekali pakai (hanya ditampilkan sekarang; wajib diganti saat pertama masuk): ${password}`);
  }
  return 0;
}
