import { Hono } from 'hono';
import { inScope, listAudit } from '../../modules/accounts/index.js';
import { formatDateTime, t } from '../../i18n/index.js';
import type { AppEnv } from '../context.js';
import type { AppDeps } from '../deps.js';
import { StaffLayout } from '../views/staff-layout.js';
import { requireCityAdmin } from './require-city-admin.js';

const ACTION_LABEL: Record<string, string> = {
  'login.success': 'Masuk', 'login.failure': 'Gagal masuk', 'login.locked': 'Dikunci (salah sandi)', logout: 'Keluar',
  'password.change': 'Ganti kata sandi', 'password.reset': 'Atur ulang kata sandi', 'user.create': 'Pengguna dibuat',
  'user.update': 'Pengguna diubah', 'user.disable': 'Akun dinonaktifkan', 'user.enable': 'Akun diaktifkan', 'user.unlock': 'Kunci dibuka',
  'unit.create': 'Unit ditambahkan', 'unit.import': 'Impor unit', 'access.denied': 'Akses ditolak',
  'composer.draft.discard': 'Draf kabar dihapus',
  // Pelayanan (issue 17): every staff view of a citizen's data is recorded.
  'pelayanan.request.view': 'Membuka data permohonan warga', 'pelayanan.document.view': 'Membuka dokumen warga',
  'pelayanan.letter.view': 'Membuka surat warga', 'pelayanan.complaint.view': 'Membuka pengaduan warga',
};

export function auditRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('/admin/audit', requireCityAdmin(deps));
  app.get('/admin/audit', async (c) => {
    // Only the actor's scope; sign-ins of unknown names belong to the install's own regency (0017).
    const scope = c.get('actor')!.regionCode;
    const rows = await listAudit(deps.db, { limit: 200, scope, withoutActor: inScope(scope, deps.config.region) });
    return c.html(
      <StaffLayout title={t('audit.title')} actor={c.get('actor')} csrfToken={c.get('csrfToken')} back={{ href: '/admin', label: t('admin.nav.home') }}>
        <h1>{t('audit.title')}</h1>
        <div class="table-wrap">
          <table>
            <thead>
              <tr><th scope="col">Waktu</th><th scope="col">Kejadian</th><th scope="col">Oleh</th><th scope="col">Sasaran</th><th scope="col">Alamat IP</th></tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr>
                  <td>{formatDateTime(r.at)}</td>
                  <td>{ACTION_LABEL[r.action] ?? r.action}</td>
                  <td>{r.username ?? '—'}</td>
                  <td>{r.target ?? '—'}</td>
                  <td>{r.ip ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </StaffLayout>,
    );
  });
  return app;
}
