import { Hono } from 'hono';
import { NATIONAL_SCOPE, adminInputProblems, firstAdminScope, scopeKind, setUpFirstAdmin, setUpFormSchema, setUpOpen } from '../../modules/accounts/index.js';
import { provinceNameOf } from '../../modules/units/index.js';
import { t } from '../../i18n/index.js';
import { accountProblemText } from '../../i18n/account-problems.js';
import type { Context } from 'hono';
import type { AppEnv } from '../context.js';
import type { AppDeps } from '../deps.js';
import { fieldErrors, parseForm } from '../forms/parse-form.js';
import { clientIp } from '../client-ip.js';
import { ErrorPage } from '../views/error-page.js';
import { CsrfInput, ErrorSummary, Field } from '../views/form.js';
import { StaffLayout } from '../views/staff-layout.js';

// The first-run set-up page (issue 13): with demo off and no admin kota yet, whoever holds the
// one-time code printed on the server console creates the first admin here. Once an admin
// exists the page is gone (404) for everyone, code or not.

type Values = { token?: string; username?: string; displayName?: string; email?: string };
type Problems = Partial<Record<'token' | 'username' | 'displayName' | 'email' | 'password' | 'confirm', string>>;
const FIELDS = ['token', 'username', 'displayName', 'email', 'password', 'confirm'] as const;

/** Whom the first admin will manage, said only when it is more than the install's regency (decision 0017). */
function scopeNote(scope: string): string | null {
  if (scopeKind(scope) === 'regency') return null;
  if (scope === NATIONAL_SCOPE) return t('scope.setup_national');
  return t('scope.setup_province', { name: provinceNameOf(`${scope}.`) ?? scope, code: scope });
}

function SetupPage(p: { csrf: string; values: Values; problems: Problems; scope: string }) {
  const note = scopeNote(p.scope);
  const errors = Object.values(p.problems).filter((e): e is string => !!e);
  return (
    <StaffLayout title={t('setup.title')} actor={null} csrfToken={p.csrf}>
      <h1>{t('setup.title')}</h1>
      <p>{t('setup.intro')}</p>
      {note ? <p>{note}</p> : null}
      <form method="post" action="/admin/pasang" class="card">
        <CsrfInput token={p.csrf} />
        <ErrorSummary errors={errors} />
        <Field name="token" label={t('setup.token')} value={p.values.token} hint={t('setup.token_hint')} error={p.problems.token} autocomplete="off" required />
        <Field name="username" label={t('setup.username')} value={p.values.username} hint={t('setup.username_hint')} error={p.problems.username} autocomplete="username" required />
        <Field name="displayName" label={t('setup.display_name')} value={p.values.displayName} error={p.problems.displayName} autocomplete="name" required />
        <Field name="email" label={t('setup.email')} type="email" value={p.values.email} error={p.problems.email} autocomplete="email" />
        <Field name="password" label={t('setup.password')} type="password" hint={t('setup.password_hint')} error={p.problems.password} autocomplete="new-password" required />
        <Field name="confirm" label={t('setup.confirm')} type="password" error={p.problems.confirm} autocomplete="new-password" required />
        <button type="submit" class="wide">{t('setup.submit')}</button>
      </form>
    </StaffLayout>
  );
}

export function setupRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const closed = (c: Context<AppEnv>) => {
    c.status(404);
    return c.html(<ErrorPage status={404} title={t('setup.closed.title')} body={t('setup.closed.body')} home="/admin/masuk" />);
  };

  app.get('/admin/pasang', async (c) => {
    if (deps.config.demo || !(await setUpOpen(deps.db, deps.config.region))) return closed(c);
    const scope = await firstAdminScope(deps.db, deps.config.region);
    return c.html(<SetupPage csrf={c.get('csrfToken')} values={{ token: c.req.query('kode') ?? '' }} problems={{}} scope={scope} />);
  });

  app.post('/admin/pasang', async (c) => {
    if (deps.config.demo || !(await setUpOpen(deps.db, deps.config.region))) return closed(c);
    const form = await parseForm(c, setUpFormSchema, FIELDS);
    const v = form.values;
    const values: Values = { token: v.token, username: v.username, displayName: v.displayName, email: v.email };
    const input = { username: v.username!, displayName: v.displayName!, email: v.email, password: v.password! };
    // The schema's problems and the password's, each said next to its field.
    const problems: Problems = fieldErrors([...(form.ok ? [] : form.problems), ...adminInputProblems(input)], (p) => accountProblemText(p));
    if (v.password !== v.confirm) problems.confirm = t('setup.error.mismatch');
    if (form.ok && Object.keys(problems).length === 0) {
      const r = await setUpFirstAdmin(deps.db, deps.clock, { ...input, token: form.data.token, region: deps.config.region, ip: clientIp(c) });
      if (r.ok) return c.redirect('/admin/masuk?alasan=pasang', 303);
      if (r.error === 'admin_exists') return closed(c);
      if (r.error === 'bad_token') problems.token = t('setup.error.bad_token');
      else if (r.error === 'username_taken') problems.username = accountProblemText({ path: 'username', code: 'taken' });
      else Object.assign(problems, fieldErrors(r.problems ?? [], (p) => accountProblemText(p)));
    }
    c.status(400);
    return c.html(<SetupPage csrf={c.get('csrfToken')} values={values} problems={problems} scope={await firstAdminScope(deps.db, deps.config.region)} />);
  });

  return app;
}
