import type { Kysely } from 'kysely';
import * as z from 'zod';
import type { DB } from '../../db/schema/index.js';

// The text of a letter, per layanan: the city writes one template for all its kelurahan and a
// kelurahan may write its own. Staff type plain text with {placeholders}; the letterhead, the
// number, the applicant's identity block, the signature and the QR code are laid out by the PDF,
// so a template cannot break the letter's form.

export const letterTemplateSchema = z.object({
  judul: z.string().trim().min(3).max(120),
  kodeKlasifikasi: z.string().trim().max(20).regex(/^[0-9A-Za-z./-]*$/),
  pembuka: z.string().trim().max(1500),
  isi: z.string().trim().min(3).max(4000),
  penutup: z.string().trim().max(1500),
});
export type LetterTemplate = z.infer<typeof letterTemplateSchema>;

const PEMBUKA = 'Yang bertanda tangan di bawah ini, {jabatan_penandatangan}, Kecamatan {kecamatan}, {kota}, dengan ini menerangkan bahwa:';
const PENUTUP = 'Demikian surat keterangan ini dibuat dengan sebenarnya untuk dapat dipergunakan sebagaimana mestinya.';
const tpl = (judul: string, kodeKlasifikasi: string, isi: string, pembuka = PEMBUKA, penutup = PENUTUP): LetterTemplate => ({ judul, kodeKlasifikasi, pembuka, isi, penutup });

/**
 * Starting texts, after the usual wording of kelurahan letters (OpenSID's templates and city
 * sites in docs/reference/profil-dan-layanan.md §4). Klasifikasi codes follow Permendagri 83/2022:
 * 470 kependudukan, 400 kesejahteraan rakyat, 500 perekonomian, 300 ketertiban.
 */
export const DEFAULT_TEMPLATES: Record<string, LetterTemplate> = {
  domisili: tpl('SURAT KETERANGAN DOMISILI', '470', 'Nama tersebut di atas benar adalah warga yang berdomisili di {alamat}, {jenis_unit} {unit}, sejak tahun {tinggal_sejak}.\nSurat keterangan ini diberikan untuk keperluan: {keperluan}.'),
  'domisili-usaha': tpl('SURAT KETERANGAN USAHA', '500', 'Nama tersebut di atas benar memiliki usaha {jenis_usaha} dengan nama "{nama_usaha}" yang beralamat di {alamat_usaha}, {jenis_unit} {unit}.\nSurat keterangan ini diberikan untuk keperluan: {keperluan}.'),
  sktm: tpl('SURAT KETERANGAN TIDAK MAMPU', '400', 'Nama tersebut di atas benar adalah warga {jenis_unit} {unit} yang tergolong keluarga tidak mampu.\nSurat keterangan ini diberikan untuk keperluan: {keperluan}.'),
  'pengantar-umum': tpl('SURAT PENGANTAR', '470', 'Nama tersebut di atas adalah warga {jenis_unit} {unit} yang bermaksud mengurus keperluan: {keperluan}.\nMohon kiranya yang bersangkutan dapat dibantu sebagaimana mestinya.', PEMBUKA, 'Demikian surat pengantar ini dibuat untuk dapat dipergunakan sebagaimana mestinya.'),
  'pengantar-skck': tpl('SURAT PENGANTAR SKCK', '300', 'Nama tersebut di atas adalah warga {jenis_unit} {unit} yang sepanjang pengetahuan kami berkelakuan baik dan tidak pernah tersangkut perkara pidana.\nSurat pengantar ini diberikan untuk mengurus Surat Keterangan Catatan Kepolisian (SKCK).', PEMBUKA, 'Demikian surat pengantar ini dibuat untuk dapat dipergunakan sebagaimana mestinya.'),
  'belum-menikah': tpl('SURAT KETERANGAN BELUM MENIKAH', '470', 'Nama tersebut di atas adalah warga {jenis_unit} {unit} yang sampai saat surat ini dibuat belum pernah menikah.\nSurat keterangan ini diberikan untuk keperluan: {keperluan}.'),
  penghasilan: tpl('SURAT KETERANGAN PENGHASILAN', '400', 'Nama tersebut di atas adalah warga {jenis_unit} {unit} yang bekerja sebagai {pekerjaan} dengan penghasilan lebih kurang {penghasilan} per bulan.\nSurat keterangan ini diberikan untuk keperluan: {keperluan}.'),
  'pengantar-kematian': tpl('SURAT KETERANGAN KEMATIAN', '470', 'Telah meninggal dunia {nama_almarhum} pada tanggal {tanggal_meninggal} di {tempat_meninggal}.\nSurat keterangan ini dibuat atas laporan pemohon di atas selaku {hubungan} almarhum/almarhumah, untuk pengurusan akta kematian.'),
  'pengantar-kelahiran': tpl('SURAT KETERANGAN KELAHIRAN', '470', 'Telah lahir seorang anak bernama {nama_bayi} pada tanggal {tanggal_lahir_bayi} di {tempat_lahir_bayi}, dari seorang ibu bernama {nama_ibu}.\nSurat keterangan ini dibuat atas laporan pemohon di atas untuk pengurusan akta kelahiran.'),
  pindah: tpl('SURAT PENGANTAR PINDAH', '470', 'Nama tersebut di atas bermaksud pindah dari {alamat}, {jenis_unit} {unit}, ke {alamat_tujuan}, sebanyak {jumlah_pindah}.', PEMBUKA, 'Demikian surat pengantar ini dibuat untuk pengurusan Surat Keterangan Pindah di Dinas Kependudukan dan Pencatatan Sipil.'),
  bepergian: tpl('SURAT KETERANGAN BEPERGIAN', '470', 'Nama tersebut di atas adalah warga {jenis_unit} {unit} yang akan bepergian ke {tujuan} selama {lama}.'),
  'ahli-waris': tpl('REGISTRASI SURAT KETERANGAN AHLI WARIS', '470', 'Surat pernyataan ahli waris dari almarhum/almarhumah {nama_pewaris} dengan ahli waris: {daftar_ahli_waris}, telah didaftarkan di {jenis_unit} {unit}.'),
  'izin-keramaian': tpl('SURAT PENGANTAR IZIN KERAMAIAN', '300', 'Nama tersebut di atas akan menyelenggarakan acara {nama_acara} pada tanggal {tanggal_acara} bertempat di {tempat_acara}.\nMohon kiranya dapat diberikan izin keramaian sebagaimana mestinya.', PEMBUKA, 'Demikian surat pengantar ini dibuat untuk dapat dipergunakan sebagaimana mestinya.'),
  'pengantar-kk-ktp': tpl('SURAT PENGANTAR', '470', 'Nama tersebut di atas adalah warga {jenis_unit} {unit} yang bermaksud mengurus {jenis_permohonan} di Dinas Kependudukan dan Pencatatan Sipil.', PEMBUKA, 'Demikian surat pengantar ini dibuat untuk dapat dipergunakan sebagaimana mestinya.'),
  'pengantar-nikah': tpl('SURAT PENGANTAR NIKAH', '470', 'Nama tersebut di atas adalah warga {jenis_unit} {unit} yang bermaksud melangsungkan pernikahan dengan {nama_pasangan}.', PEMBUKA, 'Demikian surat pengantar ini dibuat untuk pengurusan pernikahan di Kantor Urusan Agama atau Dinas Kependudukan dan Pencatatan Sipil.'),
};

/** A layanan the city added itself gets a plain letter until someone writes its template. */
export function defaultTemplateFor(code: string, produk: string): LetterTemplate {
  return DEFAULT_TEMPLATES[code] ?? tpl(produk.toUpperCase().slice(0, 120), '470', 'Nama tersebut di atas adalah warga {jenis_unit} {unit}.\nSurat ini diberikan untuk keperluan: {keperluan}.');
}

function parse(text: string | null | undefined): LetterTemplate | null {
  if (!text) return null;
  try {
    const r = letterTemplateSchema.safeParse(JSON.parse(text));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}

export interface ResolvedTemplate {
  template: LetterTemplate;
  /** Where it comes from: the unit's own, the city's, or the built-in default. */
  source: 'unit' | 'city' | 'default';
}

export async function resolveTemplate(db: Kysely<DB>, args: { unitId: string | null; cityUnitId: string; code: string; produk: string }): Promise<ResolvedTemplate> {
  const scopes = [args.unitId, args.cityUnitId].filter((x): x is string => !!x);
  const rows = await db.selectFrom('pelayanan_service_settings').select(['scope_unit_id', 'template']).where('service_code', '=', args.code).where('scope_unit_id', 'in', scopes).execute();
  const unit = args.unitId ? parse(rows.find((r) => r.scope_unit_id === args.unitId)?.template) : null;
  if (unit) return { template: unit, source: 'unit' };
  const city = parse(rows.find((r) => r.scope_unit_id === args.cityUnitId)?.template);
  if (city) return { template: city, source: 'city' };
  return { template: defaultTemplateFor(args.code, args.produk), source: 'default' };
}

/** Saves a template for a unit or the city (scope = the kota unit); null removes it (back to inherited). */
export async function saveTemplate(db: Kysely<DB>, args: { scopeUnitId: string; code: string; template: LetterTemplate | null; userId: string | null; now: Date }): Promise<void> {
  const template = args.template ? JSON.stringify(args.template) : null;
  const at = args.now.toISOString();
  await db
    .insertInto('pelayanan_service_settings')
    .values({ scope_unit_id: args.scopeUnitId, service_code: args.code, form: null, template, updated_by: args.userId, updated_at: at })
    .onConflict((oc) => oc.columns(['scope_unit_id', 'service_code']).doUpdateSet({ template, updated_by: args.userId, updated_at: at }))
    .execute();
}

/** Fills {placeholders}; unknown ones stay visible ("{x}") so a mistake in a template shows in the preview. */
export function fillPlaceholders(text: string, values: Record<string, string>): string {
  return text.replace(/\{([a-z_][a-z0-9_]*)\}/g, (m, k: string) => (values[k] !== undefined && values[k] !== '' ? values[k]! : m));
}
