import { Hono } from 'hono';
import { MAX_DELAY_MS, clearThrottleAsAdmin, listThrottled, throttleClearSchema } from '../../modules/accounts/index.js';
import { formatDateTime, t } from '../../i18n/index.js';
import type { AppEnv } from '../context.js';
import type { AppDeps } from '../deps.js';
import { clientIp } from '../client-ip.js';
import { CsrfInput } from '../views/form.js';
import { renderForbidden } from '../errors.js';
import { parseForm } from '../forms/parse-form.js';
import { StaffLayout } from '../views/staff-layout.js';
import { requireCityAdmin } from './require-city-admin.js';

// Admin kota sees who is being slowed down at sign-in (and from where) and can clear it, e.g.
// after a phone call with a lurah who mistyped too often. Nothing here locks anyone out.

export const THROTTLE_PATH = '/admin/pengguna/diperlambat';

export function throttleRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use(THROTTLE_PATH, requireCityAdmin(deps));
  app.use(`${THROTTLE_PATH}/*`, requireCityAdmin(deps));

  app.get(THROTTLE_PATH, async (c) => {
    const now = deps.clock.now();
    const rows = await listThrottled(deps.db, now);
    const flash = c.req.query('ok') === 'cleared' ? { kind: 'ok' as const, text: t('throttle.cleared') } : null;
    return c.html(
      <StaffLayout title={t('throttle.title')} actor={c.get('actor')} csrfToken={c.get('csrfToken')} flash={flash} back={{ href: '/admin/pengguna', label: t('users.title') }}>
        <h1>{t('throttle.title')}</h1>
        <p class="hint">{t('throttle.intro', { seconds: MAX_DELAY_MS / 1000 })}</p>
        {rows.length === 0 ? <p>{t('throttle.none')}</p> : null}
        <ul class="unit-list">
          {rows.map((r) => (
            <li>
              <span class="name">{r.kind === 'address' ? t('throttle.kind.address', { address: r.address ?? '?' }) : r.username}</span>
              <span class="meta">
                {t(`throttle.kind.${r.kind}.meta`, { address: r.address ?? '?', failures: r.failures, last: formatDateTime(r.lastFailureAt) })}
                {r.delayUntil && r.delayUntil > now.toISOString() ? ` · ${t('throttle.until', { time: formatDateTime(r.delayUntil) })}` : ''}
              </span>
              <div class="actions">
                <form method="post" action={`${THROTTLE_PATH}/hapus`} class="inline">
                  <CsrfInput token={c.get('csrfToken')} />
                  <input type="hidden" name="key" value={r.key} />
                  <button type="submit" class="secondary">{t('throttle.clear')}</button>
                </form>
                {r.username && r.kind !== 'address' ? (
                  <form method="post" action={`${THROTTLE_PATH}/hapus`} class="inline">
                    <CsrfInput token={c.get('csrfToken')} />
                    <input type="hidden" name="username" value={r.username} />
                    <button type="submit" class="secondary">{t('throttle.clearUser', { username: r.username })}</button>
                  </form>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      </StaffLayout>,
    );
  });

  app.post(`${THROTTLE_PATH}/hapus`, async (c) => {
    const form = await parseForm(c, throttleClearSchema, ['key', 'username']);
    if (!form.ok || !form.data) return c.redirect(THROTTLE_PATH, 303);
    const r = await clearThrottleAsAdmin(deps, { actor: c.get('actor')!, ip: clientIp(c), target: form.data });
    if (!r.ok) return renderForbidden(c);
    return c.redirect(`${THROTTLE_PATH}?ok=cleared`, 303);
  });

  return app;
}
