import { DASHBOARD_ROUTES } from '../dashboard/authz-routes.js';
import { PELAYANAN_ROUTES } from '../pelayanan/authz-routes.js';

// The authorisation matrix: every staff route × every role × own unit / another unit.
// Each new route is added here; tests/web/authz-matrix.test.ts fails for any /admin route of
// the app that has no entry, so a route cannot ship without its access rules being checked.

export type Who = 'anonymous' | 'admin' | 'walikota' | 'camat' | 'pendamping' | 'lurah' | 'operator';
/** `missing`: 404 — e.g. an item id of one unit asked for under another unit's address. */
export type Outcome = 'allow' | 'deny' | 'login' | 'missing';

/** Who may do what. `own`: Bacang (Bukit Intan), which every scoped demo role covers. `other`: Gabek Satu (Gabek), which none of them covers. */
export interface RouteRule {
  method: 'GET' | 'POST';
  /** Hono route path as registered, e.g. /admin/unit/:slug */
  route: string;
  /** Form fields for POST (the CSRF token is added by the test). */
  form?: Record<string, string>;
  /** Values for route parameters other than :slug; `$name` names a fixture id made by the test (see FIXTURES). */
  params?: Record<string, string>;
  /** Expected outcome per role; for unit routes, separately for the own and the other unit. */
  expect: Partial<Record<Who, Outcome>> | { own: Partial<Record<Who, Outcome>>; other: Partial<Record<Who, Outcome>> };
}

const everyoneSignedIn = { admin: 'allow', walikota: 'allow', camat: 'allow', pendamping: 'allow', lurah: 'allow', operator: 'allow', anonymous: 'login' } as const;
const nobody = { admin: 'missing', walikota: 'missing', camat: 'missing', pendamping: 'missing', lurah: 'missing', operator: 'missing', anonymous: 'missing' } as const;
const cityAdminOnly = { admin: 'allow', walikota: 'deny', camat: 'deny', pendamping: 'deny', lurah: 'deny', operator: 'deny', anonymous: 'login' } as const;
/** Reading a unit's staff pages: everyone whose role covers the unit. */
const unitRead = {
  own: everyoneSignedIn,
  other: { admin: 'allow', walikota: 'allow', camat: 'deny', pendamping: 'deny', lurah: 'deny', operator: 'deny', anonymous: 'login' },
} as const;
/** Changing a unit's data: admin kota and the unit's own pendamping, lurah and operator. */
export const unitWrite = {
  own: { admin: 'allow', walikota: 'deny', camat: 'deny', pendamping: 'allow', lurah: 'allow', operator: 'allow', anonymous: 'login' },
  other: { admin: 'allow', walikota: 'deny', camat: 'deny', pendamping: 'deny', lurah: 'deny', operator: 'deny', anonymous: 'login' },
} as const;

/** Reading one item by id: under another unit's address, even city-wide roles find nothing. */
const unitItemRead = { own: unitRead.own, other: { ...unitRead.other, admin: 'missing', walikota: 'missing' } } as const;
/** Changing one item by id: another unit's item is not found, for admin kota too. */
const unitItemWrite = { own: unitWrite.own, other: { ...unitWrite.other, admin: 'missing' } } as const;

/**
 * Changing what the public sees of one published item: the one publishing policy (admin kota,
 * the unit's lurah, its operator while approval is off) — not the pendamping, who prepares
 * drafts and never publishes in the kelurahan's name. Another unit's item is not found.
 */
export const unitPublish = { own: { ...unitWrite.own, pendamping: 'deny' }, other: unitWrite.other } as const;
export const unitItemPublish = {
  own: { ...unitWrite.own, pendamping: 'deny' },
  other: { ...unitWrite.other, admin: 'missing' },
} as const;

export const ROUTES: RouteRule[] = [
  { method: 'GET', route: '/admin', expect: everyoneSignedIn },
  { method: 'GET', route: '/admin/unit/:slug', expect: unitRead },
  // "Periksa ulang sekarang" on the unit's home: those who may write for the unit, never another unit's staff.
  { method: 'POST', route: '/admin/unit/:slug/periksa', expect: unitWrite },
  { method: 'GET', route: '/admin/akun/sandi', expect: everyoneSignedIn },
  { method: 'POST', route: '/admin/akun/sandi', form: { current: 'x', next: 'y', confirm: 'z' }, expect: everyoneSignedIn },
  { method: 'GET', route: '/admin/pengguna', expect: cityAdminOnly },
  { method: 'GET', route: '/admin/pengguna/baru', expect: cityAdminOnly },
  { method: 'POST', route: '/admin/pengguna/baru', form: { username: 'x' }, expect: cityAdminOnly },
  { method: 'GET', route: '/admin/pengguna/:id', expect: cityAdminOnly },
  { method: 'POST', route: '/admin/pengguna/:id', form: { displayName: '' }, expect: cityAdminOnly },
  { method: 'POST', route: '/admin/pengguna/:id/sandi', form: { temporary: 'x' }, expect: cityAdminOnly },
  { method: 'POST', route: '/admin/pengguna/:id/status', form: { change: 'none' }, expect: cityAdminOnly },
  // Slowed sign-ins (issue 16 point 1): admin kota sees and clears them.
  { method: 'GET', route: '/admin/pengguna/diperlambat', expect: cityAdminOnly },
  { method: 'POST', route: '/admin/pengguna/diperlambat/hapus', form: { key: 'address:192.0.2.250' }, expect: cityAdminOnly },
  { method: 'GET', route: '/admin/wilayah', expect: cityAdminOnly },
  { method: 'POST', route: '/admin/wilayah/opd', form: { name: '' }, expect: cityAdminOnly },
  { method: 'POST', route: '/admin/wilayah/opd-csv', form: {}, expect: cityAdminOnly },
  { method: 'GET', route: '/admin/audit', expect: cityAdminOnly },
  // Composer (issue 4): writing needs `write` on the unit; deciding and the approval switch need `approve`.
  { method: 'GET', route: '/admin/unit/:slug/tulis', expect: unitWrite },
  { method: 'POST', route: '/admin/unit/:slug/tulis', form: { template: 'none' }, expect: unitWrite },
  // One of Bacang's drafts; under Gabek Satu's address it does not exist, for admin kota too.
  { method: 'GET', route: '/admin/unit/:slug/kabar/:id', params: { id: '$draft' }, expect: unitItemRead },
  { method: 'POST', route: '/admin/unit/:slug/kabar/:id', params: { id: '$draft' }, form: { action: 'save' }, expect: unitItemWrite },
  { method: 'POST', route: '/admin/unit/:slug/kabar/:id/foto', params: { id: '$draft' }, form: {}, expect: unitItemWrite },
  { method: 'POST', route: '/admin/unit/:slug/kabar/:id/simpan', params: { id: '$draft' }, form: { title: 'x' }, expect: unitItemWrite },
  // The stored version of a draft, for a page back on the screen (#14 point 1): writers only.
  { method: 'GET', route: '/admin/unit/:slug/kabar/:id/versi', params: { id: '$draft' }, expect: { own: unitWrite.own, other: { ...unitWrite.other, admin: 'missing' } } },
  { method: 'GET', route: '/admin/unit/:slug/kabar/:id/galeri', params: { id: '$draft' }, expect: { own: unitWrite.own, other: { ...unitWrite.other, admin: 'missing' } } },
  { method: 'POST', route: '/admin/unit/:slug/kabar/:id/galeri', params: { id: '$draft' }, form: { media: 'none' }, expect: unitItemWrite },
  // "Hapus draf": the question page and the deletion need writing powers (read-only roles see
  // neither). The POST acts on a published draft, which is refused after the access check (422,
  // "allow") so the shared fixture survives every role.
  { method: 'GET', route: '/admin/unit/:slug/kabar/:id/hapus', params: { id: '$draft' }, expect: unitItemWrite },
  { method: 'POST', route: '/admin/unit/:slug/kabar/:id/hapus', params: { id: '$publishedDraft' }, expect: unitItemWrite },
  // After publishing (#14 point 3). A POST without the confirmation's "yakin" (or with an old
  // revision) asks again and changes nothing, so the fixture stays for every role.
  { method: 'GET', route: '/admin/unit/:slug/kabar/:id/ubah', params: { id: '$publishedPost' }, expect: unitItemPublish },
  { method: 'POST', route: '/admin/unit/:slug/kabar/:id/ubah', params: { id: '$publishedPost' }, form: { title: 'Judul uji', body: 'Isi uji yang cukup panjang.', revision: '-1' }, expect: unitItemPublish },
  { method: 'GET', route: '/admin/unit/:slug/kabar/:id/tarik', params: { id: '$publishedPost' }, expect: unitItemPublish },
  { method: 'POST', route: '/admin/unit/:slug/kabar/:id/tarik', params: { id: '$publishedPost' }, form: {}, expect: unitItemPublish },
  { method: 'GET', route: '/admin/unit/:slug/kabar/:id/hapus-terbit', params: { id: '$publishedPost' }, expect: unitItemPublish },
  { method: 'POST', route: '/admin/unit/:slug/kabar/:id/hapus-terbit', params: { id: '$publishedPost' }, form: {}, expect: unitItemPublish },
  { method: 'GET', route: '/admin/unit/:slug/bantuan', expect: unitWrite },
  { method: 'POST', route: '/admin/unit/:slug/bantuan', form: { message: 'tolong' }, expect: unitWrite },
  {
    method: 'POST',
    route: '/admin/unit/:slug/bantuan/:id/selesai',
    expect: {
      own: { admin: 'allow', walikota: 'deny', camat: 'deny', pendamping: 'allow', lurah: 'deny', operator: 'deny', anonymous: 'login' },
      other: { admin: 'allow', walikota: 'deny', camat: 'deny', pendamping: 'deny', lurah: 'deny', operator: 'deny', anonymous: 'login' },
    },
  },
  {
    method: 'POST',
    route: '/admin/unit/:slug/persetujuan',
    form: { on: '0' },
    expect: {
      own: { admin: 'allow', walikota: 'deny', camat: 'deny', pendamping: 'deny', lurah: 'allow', operator: 'deny', anonymous: 'login' },
      other: { admin: 'allow', walikota: 'deny', camat: 'deny', pendamping: 'deny', lurah: 'deny', operator: 'deny', anonymous: 'login' },
    },
  },
  { method: 'GET', route: '/admin/pendampingan', expect: { admin: 'allow', walikota: 'deny', camat: 'deny', pendamping: 'allow', lurah: 'deny', operator: 'deny', anonymous: 'login' } },
  { method: 'GET', route: '/admin/siaran', expect: cityAdminOnly },
  { method: 'POST', route: '/admin/siaran', form: { title: '' }, expect: cityAdminOnly },
  { method: 'GET', route: '/admin/panduan', expect: everyoneSignedIn },
  // Social accounts and deliveries (src/web/admin/channels): unknown ids go back to the list
  // (303, "allow"); another unit's channels, tokens and deliveries are never reachable.
  { method: 'GET', route: '/admin/unit/:slug/kanal', expect: unitRead },
  { method: 'POST', route: '/admin/unit/:slug/kanal', form: { platform: 'instagram', url: 'bukan alamat' }, expect: unitWrite },
  { method: 'POST', route: '/admin/unit/:slug/kanal/:id/hubungkan', expect: unitWrite },
  { method: 'POST', route: '/admin/unit/:slug/kanal/:id/putuskan', expect: unitWrite },
  { method: 'GET', route: '/admin/unit/:slug/kanal/:id/pilih', expect: unitWrite },
  { method: 'POST', route: '/admin/unit/:slug/kanal/:id/pilih', form: { page: 'x' }, expect: unitWrite },
  { method: 'GET', route: '/admin/unit/:slug/kiriman', expect: unitRead },
  { method: 'GET', route: '/admin/unit/:slug/kiriman/:postId', expect: unitRead },
  // "Kirim ulang" publishes on the unit's account: the one publishing policy, not the pendamping.
  { method: 'POST', route: '/admin/unit/:slug/kiriman/:postId/:deliveryId/ulang', expect: unitPublish },
  // "Coba lagi" on a failed edit/delete of a copy already out (#14 point 3): the same policy.
  { method: 'POST', route: '/admin/unit/:slug/kiriman/:postId/:deliveryId/ubah-lagi', expect: unitPublish },
  { method: 'GET', route: '/admin/unit/:slug/kiriman/:postId/:deliveryId/manual', expect: unitPublish },
  { method: 'POST', route: '/admin/unit/:slug/kiriman/:postId/:deliveryId/manual', form: { link: 'x' }, expect: unitPublish },
  // Profil and content staff routes (src/web/admin/profile, src/web/admin/content).
  { method: 'GET', route: '/admin/unit/:slug/profil', expect: unitRead },
  { method: 'GET', route: '/admin/unit/:slug/profil/:section', params: { section: 'identitas' }, expect: unitRead },
  { method: 'POST', route: '/admin/unit/:slug/profil/:section', params: { section: 'narasi' }, form: { visi: 'Visi uji', misi: 'Satu', sejarah: '', sambutanLurah: '', motto: '' }, expect: unitWrite },
  { method: 'GET', route: '/admin/unit/:slug/konten', expect: unitRead },
  { method: 'GET', route: '/admin/unit/:slug/konten/baru', expect: unitWrite },
  { method: 'POST', route: '/admin/unit/:slug/konten', form: { kind: 'berita', title: 'Uji matriks', body: 'Isi', bodyFormat: 'text', status: 'draft' }, expect: unitWrite },
  { method: 'GET', route: '/admin/unit/:slug/konten/:id', params: { id: '$content' }, expect: unitItemRead },
  { method: 'POST', route: '/admin/unit/:slug/konten/:id', params: { id: '$content' }, form: { kind: 'berita', title: 'Judul uji', body: 'x', bodyFormat: 'text', status: 'draft' }, expect: unitItemWrite },
  { method: 'POST', route: '/admin/unit/:slug/konten/:id/status', params: { id: '$content' }, form: { status: 'draft' }, expect: unitItemWrite },
  { method: 'GET', route: '/admin/unit/:slug/dokumen', expect: unitRead },
  { method: 'POST', route: '/admin/unit/:slug/dokumen', form: { category: 'berkala', title: 'Dokumen uji', status: 'draft' }, expect: unitWrite },
  { method: 'POST', route: '/admin/unit/:slug/dokumen/:id/arsip', params: { id: '$document' }, expect: unitItemWrite },
  // Publishing a draft document asks the publishing policy: never the pendamping (approval is off here).
  {
    method: 'POST',
    route: '/admin/unit/:slug/dokumen/:id/terbit',
    params: { id: '$document' },
    expect: { own: { ...unitWrite.own, pendamping: 'deny' }, other: { ...unitWrite.other, admin: 'missing' } },
  },
  { method: 'GET', route: '/admin/unit/:slug/layanan', expect: unitRead },
  { method: 'POST', route: '/admin/unit/:slug/layanan/:code', params: { code: 'domisili' }, form: { enabled: '1', waktu: '20 menit' }, expect: unitWrite },
  // Staff in bulk (issue 13): import with a dry run, the handover, disabling leavers — admin kota only.
  // The POSTs carry no file / no lines / no ticks, so nothing is created or disabled.
  { method: 'GET', route: '/admin/pengguna/impor', expect: cityAdminOnly },
  { method: 'GET', route: '/admin/pengguna/impor/contoh.csv', expect: cityAdminOnly },
  { method: 'POST', route: '/admin/pengguna/impor', form: {}, expect: cityAdminOnly },
  { method: 'POST', route: '/admin/pengguna/impor/buat', form: { rows: '[]' }, expect: cityAdminOnly },
  // A handover belongs to the admin who made it: any other id is not found, for admin kota too.
  { method: 'GET', route: '/admin/pengguna/impor/hasil/:id', expect: { ...cityAdminOnly, admin: 'missing' } },
  { method: 'GET', route: '/admin/pengguna/impor/hasil/:id/lembar', expect: { ...cityAdminOnly, admin: 'missing' } },
  { method: 'POST', route: '/admin/pengguna/impor/hasil/:id/selesai', expect: cityAdminOnly },
  { method: 'GET', route: '/admin/pengguna/nonaktifkan', expect: cityAdminOnly },
  { method: 'POST', route: '/admin/pengguna/nonaktifkan', form: {}, expect: cityAdminOnly },
  // First-run set-up (issue 13): only while no admin kota exists — here one does, so the page is
  // gone for everyone, signed in or not.
  { method: 'GET', route: '/admin/pasang', expect: nobody },
  { method: 'POST', route: '/admin/pasang', form: { token: 'x', username: 'penyusup', displayName: 'X', password: 'kata sandi panjang', confirm: 'kata sandi panjang' }, expect: nobody },
  // Staff homes and the way around (issue 14, point 2): the unit list and the galeri.
  { method: 'GET', route: '/admin/unit', expect: everyoneSignedIn },
  { method: 'GET', route: '/admin/unit/:slug/galeri', expect: unitRead },
  { method: 'POST', route: '/admin/unit/:slug/galeri', form: { title: 'x' }, expect: unitWrite },
  // No album with this id: those the policy lets publish get 'missing' (404), everyone else is refused first.
  { method: 'POST', route: '/admin/unit/:slug/galeri/:id/tampilkan', expect: { own: { ...unitPublish.own, admin: 'missing', lurah: 'missing', operator: 'missing' }, other: { ...unitPublish.other, admin: 'missing' } } },
  // "Wilayah kerja" (decision 0017): only for a province or national scope. Every role here is
  // scoped to its regency, so all are refused; tests/web/region-scopes.test.ts covers the wider scopes.
  { method: 'GET', route: '/admin/cakupan', expect: { ...cityAdminOnly, admin: 'deny' } },
  { method: 'POST', route: '/admin/cakupan', form: { kode: '19.71' }, expect: { ...cityAdminOnly, admin: 'deny' } },
  ...DASHBOARD_ROUTES,
  ...PELAYANAN_ROUTES,
];
