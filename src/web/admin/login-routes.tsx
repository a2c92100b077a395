import { Hono } from 'hono';
import { DEMO_PASSWORD, destroySession, hasActiveAdmin, login, loginFormSchema, recordAudit } from '../../modules/accounts/index.js';
import { t } from '../../i18n/index.js';
import type { AppEnv } from '../context.js';
import { clearSessionCookie, readSessionCookie, setSessionCookie } from '../cookies.js';
import type { AppDeps } from '../deps.js';
import { parseForm } from '../forms/parse-form.js';
import { clientIp } from '../client-ip.js';
import { knownDeviceFor, rememberDevice } from '../device-cookie.js';
import { CsrfInput, Field } from '../views/form.js';
import { StaffLayout } from '../views/staff-layout.js';

/** Only our own staff pages are valid destinations after login (no open redirect). */
export function safeReturnPath(raw: string | undefined): string {
  if (!raw || !raw.startsWith('/admin') || raw.startsWith('//') || raw.includes('\\') || raw.startsWith('/admin/masuk')) return '/admin';
  return raw;
}

function LoginPage(p: { csrf: string; username?: string; error?: string | null; info?: string | null; back: string; demo: boolean; noAdmin?: boolean }) {
  return (
    <StaffLayout title={t('login.title')} actor={null} csrfToken={p.csrf} flash={p.error ? { kind: 'error', text: p.error } : p.info ? { kind: 'info', text: p.info } : null}>
      <h1>{t('login.title')}</h1>
      <form method="post" action="/admin/masuk" class="card">
        <CsrfInput token={p.csrf} />
        <input type="hidden" name="kembali" value={p.back} />
        <Field name="username" label={t('login.username')} value={p.username} autocomplete="username" required />
        <Field name="password" label={t('login.password')} type="password" autocomplete="current-password" required />
        <button type="submit" class="wide">{t('login.submit')}</button>
      </form>
      <p class="muted">{p.noAdmin ? t('login.setup_hint') : t('login.help')}</p>
      {p.demo ? (
        <details class="card demo-logins">
          <summary>{t('login.demo.title')}</summary>
          <p>
            {t('login.demo.password')} <code>{DEMO_PASSWORD}</code>
          </p>
          <ul>
            <li><code>admin</code> — {t('login.demo.admin')}</li>
            <li><code>walikota</code> — {t('login.demo.walikota')}</li>
            <li><code>camat.bukit-intan</code> — {t('login.demo.camat')}</li>
            <li><code>pendamping</code> — {t('login.demo.pendamping')}</li>
            <li><code>lurah.bacang</code> — {t('login.demo.lurah')}</li>
            <li><code>operator.bacang</code> — {t('login.demo.operator')} <code>operator.&lt;{t('login.demo.unit_slug')}&gt;</code>)</li>
          </ul>
        </details>
      ) : null}
    </StaffLayout>
  );
}

export function loginRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/admin/masuk', async (c) => {
    if (c.get('actor')) return c.redirect(safeReturnPath(c.req.query('kembali')), 303);
    const reason = c.req.query('alasan');
    const info = reason === 'expired' ? t('login.error.expired') : reason === 'required' ? t('login.error.required') : reason === 'keluar' ? t('logout.done') : reason === 'pasang' ? t('login.setup_done') : null;
    // A real deployment before its first admin: say how the first admin is made.
    const noAdmin = !deps.config.demo && !(await hasActiveAdmin(deps.db, deps.config.region));
    return c.html(<LoginPage csrf={c.get('csrfToken')} back={safeReturnPath(c.req.query('kembali'))} info={info} demo={deps.config.demo} noAdmin={noAdmin} />);
  });

  app.post('/admin/masuk', async (c) => {
    // Every field is text (a missing one is ''), so the form always parses; the password is never shown again.
    const form = await parseForm(c, loginFormSchema, ['username', 'password', 'kembali']);
    const { username, password, kembali } = form.ok ? form.data : { username: '', password: '', kembali: '' };
    const back = safeReturnPath(kembali || undefined);
    const now = deps.clock.now();
    const knownDeviceId = knownDeviceFor(c, deps.config.secret, username, now);
    const result = await login(deps.db, deps.clock, { username, password, ip: clientIp(c), userAgent: c.req.header('user-agent') ?? null, knownDeviceId, demoAccountsAllowed: deps.config.demo });
    if (!result.ok) {
      // A delay is a 429 with Retry-After; a wrong password, an unknown name and a disabled
      // account are one and the same 401.
      const seconds = Math.max(1, Math.ceil((result.retryAfterMs ?? 0) / 1000));
      if (result.error === 'throttled') c.header('Retry-After', String(seconds));
      c.status(result.error === 'throttled' ? 429 : 401);
      return c.html(<LoginPage csrf={c.get('csrfToken')} username={username} back={back} error={t(`login.error.${result.error}`, { seconds })} demo={deps.config.demo} />);
    }
    rememberDevice(c, { secret: deps.config.secret, secure: deps.config.secureCookies, username: result.value.username, deviceId: knownDeviceId, now });
    setSessionCookie(c, result.value.token, result.value.expiresAt, deps.config.secureCookies);
    return c.redirect(result.value.mustChangePassword ? '/admin/akun/sandi?wajib=1' : back, 303);
  });

  app.post('/admin/keluar', async (c) => {
    const actor = c.get('actor');
    await destroySession(deps.db, readSessionCookie(c));
    clearSessionCookie(c, deps.config.secureCookies);
    if (actor) await recordAudit(deps.db, deps.clock, { actorUserId: actor.id, action: 'logout', target: actor.username, ip: clientIp(c) });
    return c.redirect('/admin/masuk?alasan=keluar', 303);
  });

  return app;
}
