import { Hono } from 'hono';
import { changePassword } from '../../modules/accounts/index.js';
import { t } from '../../i18n/index.js';
import type { AppEnv } from '../context.js';
import type { AppDeps } from '../deps.js';
import { CsrfInput, Field } from '../views/form.js';
import { StaffLayout } from '../views/staff-layout.js';

function PasswordPage(p: { actor: any; csrf: string; error?: string | null; done?: boolean; required?: boolean }) {
  return (
    <StaffLayout
      title={t('password.title')}
      actor={p.actor}
      csrfToken={p.csrf}
      flash={p.error ? { kind: 'error', text: p.error } : p.done ? { kind: 'ok', text: t('password.done') } : p.required ? { kind: 'info', text: t('admin.must_change_password') } : null}
    >
      <h1>{t('password.title')}</h1>
      <form method="post" action="/admin/akun/sandi" class="card">
        <CsrfInput token={p.csrf} />
        <Field name="current" label={t('password.current')} type="password" autocomplete="current-password" required />
        <Field name="next" label={t('password.next')} type="password" autocomplete="new-password" hint={t('password.hint')} required />
        <Field name="confirm" label={t('password.confirm')} type="password" autocomplete="new-password" required />
        <button type="submit" class="wide">{t('password.submit')}</button>
      </form>
    </StaffLayout>
  );
}

export function accountRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/admin/akun/sandi', (c) =>
    c.html(<PasswordPage actor={c.get('actor')} csrf={c.get('csrfToken')} required={c.req.query('wajib') === '1'} done={c.req.query('selesai') === '1'} />),
  );
  app.post('/admin/akun/sandi', async (c) => {
    const body = await c.req.parseBody();
    const s = (k: string) => (typeof body[k] === 'string' ? (body[k] as string) : '');
    const r = await changePassword(deps.db, deps.clock, c.get('actor')!, c.get('sessionId')!, { current: s('current'), next: s('next'), confirm: s('confirm') });
    if (!r.ok) {
      c.status(400);
      const error = r.error === 'invalid' ? (r.detail ?? '') : t(`password.error.${r.error}`);
      return c.html(<PasswordPage actor={c.get('actor')} csrf={c.get('csrfToken')} error={error} />);
    }
    return c.redirect('/admin/akun/sandi?selesai=1', 303);
  });
  return app;
}
