import type { Kysely } from 'kysely';
import sharp from 'sharp';
import type { DB } from '../../src/db/schema/index.js';
import { hashPin, newTrackingCode } from '../../src/modules/pelayanan/index.js';
import { newId } from '../../src/shared/ids.js';
import type { TestApp } from '../support/test-app.js';

// Helpers for the citizens' pelayanan pages: fill the real form (its safety question included)
// the way a phone browser would, multipart with files.

export const GOOD_NIK = '1971010101900001';
export const GOOD_KK = '1971012301150007';

/** A document photo: small, textured, a real JPEG. */
export async function docPhoto(seed = 1, width = 900, height = 600): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 120 + seed, g: 130, b: 140 }, noise: { type: 'gaussian', mean: 128, sigma: 20 } } })
    .jpeg({ quality: 80 })
    .toBuffer();
}

export function challengeOf(html: string): { answer: string; token: string } {
  const m = /berapa (\d+) \+ (\d+)\?/.exec(html);
  const token = /name="uji" value="([^"]+)"/.exec(html)?.[1] ?? '';
  return { answer: m ? String(Number(m[1]) + Number(m[2])) : '', token };
}

export const draftOf = (html: string) => /name="draf" value="([^"]*)"/.exec(html)?.[1] ?? '';

export interface ApplyOptions {
  slug?: string;
  service?: string;
  fields?: Record<string, string>;
  files?: Record<string, Buffer>;
  /** Overrides the answer to the safety question. */
  answer?: string;
  /** Re-submit from this page's HTML (after an error) instead of a fresh form. */
  fromHtml?: string;
  ip?: string;
}

export const domisiliFields = (over: Record<string, string> = {}): Record<string, string> => ({
  nama: 'Siti Aminah',
  nik: GOOD_NIK,
  kk: GOOD_KK,
  telepon: '0812 3456 7890',
  email: '',
  alamat: 'Jl. Melati No. 5',
  rt: '3',
  rw: '2',
  field_ttl: 'Pangkalpinang, 1 Januari 1990',
  field_pekerjaan: 'Wiraswasta',
  field_tinggal_sejak: '2015',
  field_keperluan: 'Melamar pekerjaan',
  notify: 'whatsapp',
  setuju: '1',
  ...over,
});

export async function apply(a: TestApp, o: ApplyOptions = {}) {
  const slug = o.slug ?? 'bacang';
  const service = o.service ?? 'domisili';
  const path = `/${slug}/layanan/${service}/ajukan`;
  const html = o.fromHtml ?? (await (await a.request(path)).text());
  const ch = challengeOf(html);
  const body = new FormData();
  body.set('uji', ch.token);
  body.set('jawaban', o.answer ?? ch.answer);
  body.set('draf', draftOf(html));
  for (const [k, v] of Object.entries(o.fields ?? domisiliFields())) body.set(k, v);
  for (const [slot, bytes] of Object.entries(o.files ?? {})) body.set(`doc_${slot}`, new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' }), `${slot}.jpg`);
  const res = await a.request(path, { method: 'POST', body, headers: { 'x-forwarded-for': o.ip ?? '203.0.113.7' } });
  const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]!).join('; ');
  const loc = res.headers.get('location') ?? '';
  const code = /lacak\/([A-Z0-9-]+)/.exec(loc)?.[1] ?? null;
  return { res, cookies, location: loc, code };
}

/** The requirement slots of the seed "domisili" layanan, by the keys the form uses. */
export const DOMISILI_SLOTS = {
  pengantar: 'surat-pengantar-dari-ketua-rt-dan-ketua',
  ktp: 'fotokopi-ktp-el-pemohon',
  kk: 'fotokopi-kartu-keluarga-kk',
  pindah: 'surat-keterangan-pindah-dari-daerah-asal',
  foto: 'pas-foto-3-4-sebanyak-2-lembar',
} as const;

/** A browser's cookie jar in one line: later Set-Cookie headers replace or delete earlier ones. */
export function mergeCookies(cookie: string, res: Response): string {
  const jar = new Map(cookie.split('; ').filter(Boolean).map((c) => [c.split('=')[0]!, c] as const));
  for (const line of res.headers.getSetCookie()) {
    const pair = line.split(';')[0]!;
    const [name, value] = [pair.split('=')[0]!, pair.slice(pair.indexOf('=') + 1)];
    if (!value || /max-age=0|expires=thu, 01 jan 1970/i.test(line)) jar.delete(name);
    else jar.set(name, pair);
  }
  return [...jar.values()].join('; ');
}


type RequestRow = DB['pelayanan_requests'];
const PIN_HASH = hashPin('123456');

/** A request row as a citizen's form would leave it (for tests that start further along). */
export async function makeRequest(db: Kysely<DB>, unitId: string, over: Partial<RequestRow> = {}): Promise<RequestRow> {
  const at = over.submitted_at ?? '2026-11-25T02:00:00.000Z';
  const row: RequestRow = {
    id: newId(Date.parse(at)),
    unit_id: unitId,
    service_code: 'domisili',
    service_name: 'Surat Keterangan Domisili',
    tracking_code: newTrackingCode('layanan'),
    pin_hash: PIN_HASH,
    status: 'diproses',
    applicant_name: 'Warga Uji',
    nik: GOOD_NIK,
    kk: GOOD_KK,
    phone: '081234567890',
    email: null,
    address: 'Jl. Uji No. 1, RT 001 / RW 001',
    fields: JSON.stringify({ ttl: 'Pangkalpinang, 1 Januari 1990', pekerjaan: 'Guru', tinggal_sejak: '2010', keperluan: 'uji' }),
    notify_channel: 'none',
    consent_at: at,
    consent_version: 'pdp-1:90',
    submitted_at: at,
    deadline_days: 1,
    clock_started_at: at,
    deadline_at: '2026-11-26T17:00:00.000Z',
    fix_note: null,
    refuse_reason: null,
    closed_at: null,
    completion_minutes: null,
    within_deadline: null,
    letter_id: null,
    docs_deleted_at: null,
    personal_deleted_at: null,
    is_demo: 0,
    created_at: at,
    updated_at: at,
    ...over,
  };
  await db.insertInto('pelayanan_requests').values(row).execute();
  return row;
}

/** An OPD of the city with one operator of its own (as admin kota would set them up). */
export async function makeOpdWithOperator(a: TestApp, name = 'Dinas Pekerjaan Umum dan Penataan Ruang', slug = 'dinas-pupr') {
  const { addOpd } = await import('../../src/modules/units/index.js');
  const { createUser } = await import('../../src/modules/accounts/index.js');
  const opd = await addOpd(a.t.db, '19.71', { name, slug }, a.clock);
  if (!opd.ok) throw new Error(opd.error);
  const admin = await a.t.db.selectFrom('users').selectAll().where('username', '=', 'admin').executeTakeFirstOrThrow();
  const actor = { id: admin.id, username: 'admin', displayName: admin.display_name, role: 'admin_kota' as const, regionCode: '19.71', unitIds: [], mustChangePassword: false };
  const password = 'Sandi-PUPR-uji-2026';
  const user = await createUser(a.t.db, a.clock, actor, { username: `operator.${slug}`, displayName: `Operator ${name}`, role: 'operator', unitIds: [opd.value.unit.id] }, password);
  if (!user.ok) throw new Error(user.error);
  await a.t.db.updateTable('users').set({ must_change_password: 0 }).where('id', '=', user.value.id).execute();
  return { unitId: opd.value.unit.id, slug: opd.value.unit.slug, username: `operator.${slug}`, password };
}
