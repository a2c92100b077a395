import { Hono } from 'hono';
import { deactivateStaff, listActiveStaff } from '../../modules/accounts/index.js';
import { roleLabel } from '../../i18n/role-label.js';
import { t } from '../../i18n/index.js';
import { assetUrl } from '../assets-route.js';
import type { AppEnv } from '../context.js';
import type { AppDeps } from '../deps.js';
import { formLists } from '../forms/parse-form.js';
import { CsrfInput } from '../views/form.js';
import { StaffLayout } from '../views/staff-layout.js';
import { requireCityAdmin } from './require-city-admin.js';

// Staff who leave, in one action (issue 13, point 6): tick them and press one button. A search
// narrows the list in a city with hundreds of accounts; it works without scripts (a GET form).
export function leaversRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('/admin/pengguna/nonaktifkan', requireCityAdmin(deps));

  app.get('/admin/pengguna/nonaktifkan', async (c) => {
    const actor = c.get('actor')!;
    const search = c.req.query('cari') ?? '';
    const staff = await listActiveStaff(deps.db, actor, search, c.get('region'));
    const done = c.req.query('selesai');
    const flash = done === undefined ? null : Number(done) > 0 ? { kind: 'ok' as const, text: t('leavers.done', { count: Number(done) }) } : { kind: 'error' as const, text: t('leavers.nothing') };
    const csrf = c.get('csrfToken');
    return c.html(
      <StaffLayout title={t('leavers.title')} actor={actor} csrfToken={csrf} flash={flash} back={{ href: '/admin/pengguna', label: t('users.title') }}>
        <link rel="stylesheet" href={assetUrl('staff-import.css')} />
        <h1>{t('leavers.title')}</h1>
        <p>{t('leavers.intro')}</p>
        <form method="get" action="/admin/pengguna/nonaktifkan" class="card" role="search">
          <div class="field">
            <label for="f-cari">{t('leavers.search')}</label>
            <input id="f-cari" name="cari" type="search" value={search} />
          </div>
          <button type="submit" class="secondary wide">{t('leavers.search_submit')}</button>
        </form>
        {staff.length === 0 ? <p>{t('leavers.none')}</p> : (
          <form method="post" action="/admin/pengguna/nonaktifkan">
            <CsrfInput token={csrf} />
            <ul class="leaver-list">
              {staff.map((u) => (
                <li>
                  <label class="check">
                    <input type="checkbox" name="userIds" value={u.id} />
                    <span>
                      {u.displayName}
                      <span class="meta">{u.username} · {roleLabel(u.role)}{u.unitNames.length ? ` · ${u.unitNames.join(', ')}` : ''}</span>
                    </span>
                  </label>
                </li>
              ))}
            </ul>
            <button type="submit" class="danger wide">{t('leavers.submit')}</button>
          </form>
        )}
      </StaffLayout>,
    );
  });

  app.post('/admin/pengguna/nonaktifkan', async (c) => {
    // A row of check boxes: every ticked id as text (a file sent under the name is dropped).
    const { userIds } = await formLists(c, ['userIds']);
    const r = await deactivateStaff(deps.db, deps.clock, c.get('actor')!, userIds!, c.get('region'));
    return c.redirect(`/admin/pengguna/nonaktifkan?selesai=${r.ok ? r.value.disabled : 0}`, 303);
  });

  return app;
}
