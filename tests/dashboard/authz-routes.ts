import type { RouteRule } from '../web/authz-routes.js';

// Access rules of the dashboard, monitoring and reminder staff routes, for the authorisation
// matrix (tests/web/authz-matrix.test.ts). Pimpinan and camat read the dashboard (a camat only
// their kecamatan); admin kota acts; unit staff (pendamping, lurah, operator) are refused.

const dashboard = { admin: 'allow', walikota: 'allow', camat: 'allow', pendamping: 'deny', lurah: 'deny', operator: 'deny', anonymous: 'login' } as const;
const cityWide = { admin: 'allow', walikota: 'allow', camat: 'deny', pendamping: 'deny', lurah: 'deny', operator: 'deny', anonymous: 'login' } as const;
const cityAdminOnly = { admin: 'allow', walikota: 'deny', camat: 'deny', pendamping: 'deny', lurah: 'deny', operator: 'deny', anonymous: 'login' } as const;

const everyoneSignedIn = { admin: 'allow', walikota: 'allow', camat: 'allow', pendamping: 'allow', lurah: 'allow', operator: 'allow', anonymous: 'login' } as const;
const unitRead = { own: everyoneSignedIn, other: cityWide } as const;
const unitWrite = {
  own: { admin: 'allow', walikota: 'deny', camat: 'deny', pendamping: 'allow', lurah: 'allow', operator: 'allow', anonymous: 'login' },
  other: cityAdminOnly,
} as const;

export const DASHBOARD_ROUTES: RouteRule[] = [
  { method: 'GET', route: '/admin/dasbor', expect: dashboard },
  { method: 'GET', route: '/admin/dasbor/peringkat', expect: dashboard },
  { method: 'GET', route: '/admin/dasbor/tren', expect: dashboard },
  { method: 'GET', route: '/admin/dasbor/peta', expect: dashboard },
  { method: 'GET', route: '/admin/dasbor/unduh', expect: dashboard },
  { method: 'GET', route: '/admin/dasbor/rapor.pdf', expect: dashboard },
  { method: 'GET', route: '/admin/dasbor/rapor.xlsx', expect: dashboard },
  { method: 'GET', route: '/admin/dasbor/arsip', expect: cityWide },
  { method: 'GET', route: '/admin/dasbor/unit/:slug', expect: { own: dashboard, other: cityWide } },
  { method: 'POST', route: '/admin/dasbor/unit/:slug/periksa', expect: { own: cityAdminOnly, other: cityAdminOnly } },

  { method: 'GET', route: '/admin/unit/:slug/pemantauan', expect: unitRead },
  { method: 'POST', route: '/admin/unit/:slug/pemantauan/situs', form: { url: 'bukan-alamat' }, expect: unitWrite },
  { method: 'POST', route: '/admin/unit/:slug/pemantauan/akun', form: { platform: 'facebook', handle: '' }, expect: unitWrite },
  { method: 'POST', route: '/admin/unit/:slug/pemantauan/hapus', form: { presenceId: 'tidak-ada' }, expect: unitWrite },
  { method: 'POST', route: '/admin/unit/:slug/pemantauan/sanggahan', form: { kind: 'contest', periodKey: 'x', message: 'x' }, expect: unitWrite },
  { method: 'GET', route: '/admin/pemantauan/aturan', expect: cityAdminOnly },
  { method: 'POST', route: '/admin/pemantauan/aturan', form: { minItems: 'x' }, expect: cityAdminOnly },
  { method: 'POST', route: '/admin/pemantauan/aturan/pengecualian', form: { kind: 'holiday' }, expect: cityAdminOnly },
  { method: 'POST', route: '/admin/pemantauan/aturan/pengecualian/hapus', form: { id: 'tidak-ada' }, expect: cityAdminOnly },
  { method: 'POST', route: '/admin/pemantauan/aturan/transparansi', form: {}, expect: cityAdminOnly },
  // "Periksa semua sekarang" (issue 15): admin kota only; without a worker the page says so (409).
  { method: 'GET', route: '/admin/pemantauan/periksa', expect: cityAdminOnly },
  { method: 'POST', route: '/admin/pemantauan/periksa', expect: cityAdminOnly },
  { method: 'GET', route: '/admin/pemantauan/periksa/:id', params: { id: 'tidak-ada' }, expect: { ...cityAdminOnly, admin: 'missing' } },
  { method: 'GET', route: '/admin/pemantauan/sanggahan', expect: cityAdminOnly },
  { method: 'POST', route: '/admin/pemantauan/sanggahan/putus', form: { disputeId: 'tidak-ada' }, expect: cityAdminOnly },
  { method: 'GET', route: '/admin/pengingat', expect: cityAdminOnly },
  { method: 'POST', route: '/admin/pengingat/aturan', form: { ruleId: 'tidak-ada' }, expect: cityAdminOnly },
  { method: 'POST', route: '/admin/pengingat/ulang', form: { ledgerId: 'tidak-ada' }, expect: cityAdminOnly },
  { method: 'GET', route: '/admin/akun/pemberitahuan', expect: everyoneSignedIn },
  { method: 'POST', route: '/admin/akun/pemberitahuan', form: { on_inapp: '1' }, expect: everyoneSignedIn },
  { method: 'GET', route: '/admin/notifikasi', expect: everyoneSignedIn },
  { method: 'POST', route: '/admin/notifikasi/baca', form: { id: 'tidak-ada' }, expect: everyoneSignedIn },
];
