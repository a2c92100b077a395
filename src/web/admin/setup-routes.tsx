import { Hono } from 'hono';
import { type FieldProblems, adminInputProblems, setUpFirstAdmin, setUpOpen } from '../../modules/accounts/index.js';
import { t } from '../../i18n/index.js';
import type { AppEnv } from '../context.js';
import type { AppDeps } from '../deps.js';
import { clientIp } from '../client-ip.js';
import { ErrorPage } from '../views/error-page.js';
import { CsrfInput, ErrorSummary, Field } from '../views/form.js';
import { StaffLayout } from '../views/staff-layout.js';

// The first-run set-up page (issue 13): with demo off and no admin kota yet, whoever holds the
// one-time code printed on the server console creates the first admin here. Once an admin
// exists the page is gone (404) for everyone, code or not.

type Values = { token?: string; username?: string; displayName?: string; email?: string };
type Problems = FieldProblems & { token?: string; confirm?: string };

function SetupPage(p: { csrf: string; values: Values; problems: Problems }) {
  const errors = Object.values(p.problems).filter((e): e is string => !!e);
  return (
    <StaffLayout title={t('setup.title')} actor={null} csrfToken={p.csrf}>
      <h1>{t('setup.title')}</h1>
      <p>{t('setup.intro')}</p>
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
  const closed = (c: any) => {
    c.status(404);
    return c.html(<ErrorPage status={404} title={t('setup.closed.title')} body={t('setup.closed.body')} home="/admin/masuk" />);
  };

  app.get('/admin/pasang', async (c) => {
    if (deps.config.demo || !(await setUpOpen(deps.db, deps.config.region))) return closed(c);
    return c.html(<SetupPage csrf={c.get('csrfToken')} values={{ token: c.req.query('kode') ?? '' }} problems={{}} />);
  });

  app.post('/admin/pasang', async (c) => {
    if (deps.config.demo || !(await setUpOpen(deps.db, deps.config.region))) return closed(c);
    const body = await c.req.parseBody();
    const s = (k: string) => (typeof body[k] === 'string' ? (body[k] as string) : '');
    const values: Values = { token: s('token'), username: s('username'), displayName: s('displayName'), email: s('email') };
    const input = { username: values.username!, displayName: values.displayName!, email: values.email, password: s('password') };
    const problems: Problems = adminInputProblems(input);
    if (s('password') !== s('confirm')) problems.confirm = t('setup.error.mismatch');
    if (Object.keys(problems).length === 0) {
      const r = await setUpFirstAdmin(deps.db, deps.clock, { ...input, token: values.token!, region: deps.config.region, ip: clientIp(c) });
      if (r.ok) return c.redirect('/admin/masuk?alasan=pasang', 303);
      if (r.error === 'admin_exists') return closed(c);
      if (r.error === 'bad_token') problems.token = t('setup.error.bad_token');
      else if (r.error === 'username_taken') problems.username = t('setup.error.username_taken');
      else problems.password = r.detail ?? t('setup.error.mismatch');
    }
    c.status(400);
    return c.html(<SetupPage csrf={c.get('csrfToken')} values={values} problems={problems} />);
  });

  return app;
}
