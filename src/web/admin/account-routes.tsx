import { Hono } from 'hono';
import { type Actor, changePassword, changePasswordFormSchema } from '../../modules/accounts/index.js';
import { t } from '../../i18n/index.js';
import { accountProblemText } from '../../i18n/account-problems.js';
import type { AppEnv } from '../context.js';
import type { AppDeps } from '../deps.js';
import { fieldErrors, parseForm } from '../forms/parse-form.js';
import { CsrfInput, Field } from '../views/form.js';
import { StaffLayout } from '../views/staff-layout.js';

function PasswordPage(p: { actor: Actor | null; csrf: string; errors?: Record<string, string>; done?: boolean; required?: boolean }) {
  const e = p.errors ?? {};
  return (
    <StaffLayout
      title={t('password.title')}
      actor={p.actor}
      csrfToken={p.csrf}
      flash={Object.keys(e).length ? { kind: 'error', text: Object.values(e).join(' ') } : p.done ? { kind: 'ok', text: t('password.done') } : p.required ? { kind: 'info', text: t('admin.must_change_password') } : null}
    >
      <h1>{t('password.title')}</h1>
      <form method="post" action="/admin/akun/sandi" class="card">
        <CsrfInput token={p.csrf} />
        <Field name="current" label={t('password.current')} type="password" autocomplete="current-password" error={e.current} required />
        <Field name="next" label={t('password.next')} type="password" autocomplete="new-password" hint={t('password.hint')} error={e.next} required />
        <Field name="confirm" label={t('password.confirm')} type="password" autocomplete="new-password" error={e.confirm} required />
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
    // Passwords are never shown again, so a failed form only says what is wrong, by field.
    const form = await parseForm(c, changePasswordFormSchema, ['current', 'next', 'confirm']);
    const r = form.ok ? await changePassword(deps.db, deps.clock, c.get('actor')!, c.get('sessionId')!, form.data) : null;
    if (!r?.ok) {
      c.status(400);
      const errors =
        r?.error === 'wrong_current' ? { current: t('password.error.wrong_current') }
        : r?.error === 'mismatch' ? { confirm: t('password.error.mismatch') }
        : fieldErrors(r?.problems ?? [], (p) => accountProblemText(p));
      return c.html(<PasswordPage actor={c.get('actor')} csrf={c.get('csrfToken')} errors={errors} />);
    }
    return c.redirect('/admin/akun/sandi?selesai=1', 303);
  });
  return app;
}
