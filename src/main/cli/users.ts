import { NATIONAL_SCOPE, createAdmin, oneTimePassword } from '../../modules/accounts/index.js';
import { accountProblemText } from '../../i18n/account-problems.js';
import { t } from '../../i18n/index.js';
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
    ctx.out(t('cli.users.usage'));
    return 2;
  }
  const scope = option(args, '--scope') ?? ctx.config.region;
  if (scope !== NATIONAL_SCOPE && !findRegency(scope) && !allProvinces().some((p) => p.code === scope)) {
    ctx.out(t('cli.users.unknown_scope', { scope }));
    return 2;
  }
  const generate = flag(args, '--generate');
  let password: string;
  if (generate) password = oneTimePassword(username.toLowerCase(), 5);
  else {
    password = await ctx.readSecret(t('cli.users.ask_password'));
    if (ctx.interactive && (await ctx.readSecret(t('cli.users.ask_again'))) !== password) {
      ctx.out(t('cli.users.mismatch'));
      return 1;
    }
  }
  const r = await createAdmin(ctx.database.db, systemClock, {
    username, displayName, email, password, region: scope, mustChangePassword: generate, via: 'cli',
  });
  if (!r.ok) {
    ctx.out(r.error === 'username_taken' ? t('cli.users.username_taken', { username }) : t('cli.users.not_created', { problems: (r.problems ?? []).map((p) => accountProblemText(p)).join(' ') }));
    return 1;
  }
  ctx.out(t('cli.users.created', { username: r.value.username, url: `${ctx.config.publicUrl}/admin` }));
  if (generate) {
    ctx.out(t('cli.users.one_time_password', { password }));
  }
  return 0;
}
