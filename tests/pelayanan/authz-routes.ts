import type { Kysely } from 'kysely';
import type { DB } from '../../src/db/schema/index.js';
import type { RouteRule } from '../web/authz-routes.js';
import { makeRequest } from './helpers.js';

// Access rules of the pelayanan staff routes (issue 17) for the authorisation matrix
// (tests/web/authz-matrix.test.ts). Citizens' data is for the unit's own operator and lurah
// only: admin kota, pimpinan, camat and pendamping are refused every inbox, request, document
// and letter route (they see counts on the dashboard's Pelayanan view), and no staff of another
// unit gets in. Deciding (approving, numbering, holidays) is the lurah's.

const handlers = {
  own: { admin: 'deny', walikota: 'deny', camat: 'deny', pendamping: 'deny', lurah: 'allow', operator: 'allow', anonymous: 'login' },
  other: { admin: 'deny', walikota: 'deny', camat: 'deny', pendamping: 'deny', lurah: 'deny', operator: 'deny', anonymous: 'login' },
} as const;
const head = {
  own: { ...handlers.own, operator: 'deny' },
  other: handlers.other,
} as const;
const cityAdminOnly = { admin: 'allow', walikota: 'deny', camat: 'deny', pendamping: 'deny', lurah: 'deny', operator: 'deny', anonymous: 'login' } as const;
const dashboard = { admin: 'allow', walikota: 'allow', camat: 'allow', pendamping: 'deny', lurah: 'deny', operator: 'deny', anonymous: 'login' } as const;

const REQ = '/admin/unit/:slug/pelayanan/:id';

export const PELAYANAN_ROUTES: RouteRule[] = [
  { method: 'GET', route: '/admin/unit/:slug/pelayanan', expect: handlers },
  // One of Bacang's requests: under Gabek Satu's address nobody of the matrix passes the guard.
  { method: 'GET', route: REQ, params: { id: '$request' }, expect: handlers },
  { method: 'POST', route: `${REQ}/aksi`, params: { id: '$request' }, form: { aksi: 'tidak-ada' }, expect: handlers },
  // Without a link signed for the person the document is not served (303 back to the request).
  { method: 'GET', route: `${REQ}/berkas/:docId`, params: { id: '$request', docId: '$requestDoc' }, expect: handlers },
  { method: 'GET', route: `${REQ}/surat.pdf`, params: { id: '$request' }, expect: { own: { ...handlers.own, lurah: 'missing', operator: 'missing' }, other: handlers.other } },
  { method: 'GET', route: '/admin/unit/:slug/pelayanan/layanan', expect: handlers },
  // Complaints: the unit that holds one now; /admin/pengaduan lists (or opens) the inboxes a person answers;
  // roles that answer none (admin kota, pimpinan, pendamping) are refused it.
  { method: 'GET', route: '/admin/pengaduan', expect: { admin: 'deny', walikota: 'deny', camat: 'allow', pendamping: 'deny', lurah: 'allow', operator: 'allow', anonymous: 'login' } },
  { method: 'GET', route: '/admin/unit/:slug/pengaduan', expect: handlers },
  { method: 'GET', route: '/admin/unit/:slug/pengaduan/:id', params: { id: '$complaint' }, expect: handlers },
  { method: 'POST', route: '/admin/unit/:slug/pengaduan/:id/aksi', params: { id: '$complaint' }, form: { aksi: 'tidak-ada' }, expect: handlers },
  { method: 'GET', route: '/admin/unit/:slug/pengaduan/:id/foto/:docId', params: { id: '$complaint', docId: '$complaintDoc' }, expect: handlers },
  { method: 'GET', route: '/admin/unit/:slug/pelayanan/layanan/:code', params: { code: 'domisili' }, expect: handlers },
  { method: 'POST', route: '/admin/unit/:slug/pelayanan/layanan/:code/formulir', params: { code: 'domisili' }, form: { online: '1', deadlineDays: 'x' }, expect: handlers },
  { method: 'POST', route: '/admin/unit/:slug/pelayanan/layanan/:code/templat', params: { code: 'domisili' }, form: { aksi: 'pratinjau', judul: '' }, expect: handlers },
  { method: 'GET', route: '/admin/unit/:slug/pelayanan/layanan/:code/contoh.pdf', params: { code: 'domisili' }, expect: handlers },
  { method: 'GET', route: '/admin/unit/:slug/pelayanan/pengaturan', expect: handlers },
  { method: 'POST', route: '/admin/unit/:slug/pelayanan/pengaturan', form: { formatNomor: 'tanpa-nomor' }, expect: head },
  { method: 'POST', route: '/admin/unit/:slug/pelayanan/libur', form: { dari: 'x' }, expect: head },
  { method: 'POST', route: '/admin/unit/:slug/pelayanan/libur/hapus', form: { id: 'tidak-ada' }, expect: head },
  // The mayor's "Pelayanan" view: counts and times for pimpinan, camat (own kecamatan), admin kota.
  { method: 'GET', route: '/admin/dasbor/pelayanan', expect: dashboard },
  { method: 'GET', route: '/admin/pelayanan', expect: cityAdminOnly },
  { method: 'POST', route: '/admin/pelayanan/pengaturan', form: { retensiHari: 'x' }, expect: cityAdminOnly },
  { method: 'POST', route: '/admin/pelayanan/libur', form: { dari: 'x' }, expect: cityAdminOnly },
  { method: 'POST', route: '/admin/pelayanan/libur/hapus', form: { id: 'tidak-ada' }, expect: cityAdminOnly },
  { method: 'GET', route: '/admin/pelayanan/templat/:code', params: { code: 'sktm' }, expect: cityAdminOnly },
  { method: 'POST', route: '/admin/pelayanan/templat/:code', params: { code: 'sktm' }, form: { aksi: 'pratinjau', judul: '' }, expect: cityAdminOnly },
  { method: 'GET', route: '/admin/pelayanan/templat/:code/contoh.pdf', params: { code: 'sktm' }, expect: cityAdminOnly },
];


/** A request of Bacang with one document (a row: the matrix never opens the file). */
export async function pelayananFixtures(db: Kysely<DB>): Promise<Record<string, string>> {
  const bacang = (await db.selectFrom('units').select('id').where('slug', '=', 'bacang').executeTakeFirstOrThrow()).id;
  const r = await makeRequest(db, bacang);
  const docId = 'dok00000000000000000001';
  await db
    .insertInto('pelayanan_documents')
    .values({ id: docId, unit_id: bacang, owner_kind: 'request', owner_id: r.id, slot: 'ktp', label: 'KTP', kind: 'image', mime: 'image/jpeg', bytes: 1, storage_key: `${bacang}/${docId}`, uploaded_by: 'warga', created_at: r.submitted_at, deleted_at: null })
    .execute();
  const complaintId = 'adu00000000000000000001';
  const at = r.submitted_at;
  await db
    .insertInto('pelayanan_complaints')
    .values({
      id: complaintId, origin_unit_id: bacang, unit_id: bacang, tracking_code: 'P-2222-3333', pin_hash: r.pin_hash, status: 'baru', category: 'kebersihan', body: 'Sampah menumpuk di depan pasar.',
      location: '', anonymous: 1, name: null, phone: null, email: null, notify_channel: 'none', publish_consent: 0, answer: null, answered_at: null, answered_by_unit_id: null,
      forwarded_at: null, submitted_at: at, closed_at: null, response_minutes: null, docs_deleted_at: null, personal_deleted_at: null, is_demo: 0, created_at: at, updated_at: at,
    })
    .execute();
  const photoId = 'dok00000000000000000002';
  await db
    .insertInto('pelayanan_documents')
    .values({ id: photoId, unit_id: bacang, owner_kind: 'complaint', owner_id: complaintId, slot: 'foto', label: 'Foto', kind: 'image', mime: 'image/jpeg', bytes: 1, storage_key: `${bacang}/${photoId}`, uploaded_by: 'warga', created_at: at, deleted_at: null })
    .execute();
  return { $request: r.id, $requestDoc: docId, $complaint: complaintId, $complaintDoc: photoId };
}
