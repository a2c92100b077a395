import * as z from 'zod';
import type { UnitServiceView } from '../services/index.js';
import type { AreaRw } from './unit-area.js';

// The online form of one layanan, built from what the catalogue says it needs: every
// persyaratan becomes a document the citizen photographs, and the layanan's own fields are the
// ones its letter prints (collect only what the service needs — UU 27/2022 Pasal 16). A unit
// adjusts the form the way it adjusts the catalogue: a different time limit, a requirement made
// optional or brought to the office instead, a field of its own.

export const FIELD_TYPES = ['text', 'textarea', 'date'] as const;
export interface FieldDef {
  key: string;
  label: string;
  type: (typeof FIELD_TYPES)[number];
  required: boolean;
  hint?: string;
}

export type DocMode = 'wajib' | 'opsional' | 'dibawa';
export interface DocSlot {
  key: string;
  label: string;
  mode: DocMode;
}

export interface ServiceForm {
  code: string;
  name: string;
  /** What the citizen receives (the letter's subject when `letter`). */
  produk: string;
  online: boolean;
  /** The layanan ends in a letter the unit signs (numbered, with a QR code). */
  letter: boolean;
  /** Whether the KK number is asked (NIK always is). */
  needsKk: boolean;
  fields: FieldDef[];
  documents: DocSlot[];
  deadlineDays: number;
  /** The unit's RW and RT from its profile, when the public form is asked for (unit-area.ts). */
  area?: AreaRw[];
}

const KEPERLUAN: FieldDef = { key: 'keperluan', label: 'Keperluan surat', type: 'text', required: true, hint: 'Contoh: melamar pekerjaan, mendaftar sekolah' };
const TTL: FieldDef = { key: 'ttl', label: 'Tempat dan tanggal lahir', type: 'text', required: true, hint: 'Contoh: Pangkalpinang, 17 Agustus 1985' };
const PEKERJAAN: FieldDef = { key: 'pekerjaan', label: 'Pekerjaan', type: 'text', required: true };
const f = (key: string, label: string, type: FieldDef['type'] = 'text', required = true, hint?: string): FieldDef => ({ key, label, type, required, ...(hint ? { hint } : {}) });

interface Defaults {
  fields: FieldDef[];
  letter: boolean;
  needsKk: boolean;
}
const LETTER: Defaults = { fields: [TTL, PEKERJAAN, KEPERLUAN], letter: true, needsKk: true };

/** What each seed layanan asks beyond identity; a city's own layanan get the letter default. */
export const FORM_DEFAULTS: Record<string, Defaults> = {
  domisili: { ...LETTER, fields: [TTL, PEKERJAAN, f('tinggal_sejak', 'Tinggal di alamat ini sejak tahun', 'text', true, 'Contoh: 2015'), KEPERLUAN] },
  'domisili-usaha': { ...LETTER, fields: [TTL, PEKERJAAN, f('nama_usaha', 'Nama usaha'), f('jenis_usaha', 'Jenis usaha', 'text', true, 'Contoh: warung makan, bengkel'), f('alamat_usaha', 'Alamat tempat usaha'), KEPERLUAN] },
  sktm: LETTER,
  'pengantar-umum': LETTER,
  'pengantar-skck': { ...LETTER, fields: [TTL, PEKERJAAN] },
  'pengantar-nikah': { ...LETTER, fields: [TTL, PEKERJAAN, f('nama_pasangan', 'Nama calon pasangan')] },
  'pengantar-kematian': { ...LETTER, fields: [f('nama_almarhum', 'Nama almarhum/almarhumah'), f('tanggal_meninggal', 'Tanggal meninggal', 'date'), f('tempat_meninggal', 'Tempat meninggal'), f('hubungan', 'Hubungan pelapor dengan almarhum/almarhumah')] },
  'pengantar-kelahiran': { ...LETTER, fields: [f('nama_bayi', 'Nama bayi'), f('tanggal_lahir_bayi', 'Tanggal lahir bayi', 'date'), f('tempat_lahir_bayi', 'Tempat lahir bayi'), f('nama_ibu', 'Nama ibu')] },
  pindah: { ...LETTER, fields: [TTL, PEKERJAAN, f('alamat_tujuan', 'Alamat lengkap tujuan pindah', 'textarea'), f('jumlah_pindah', 'Jumlah anggota keluarga yang pindah', 'text', true, 'Contoh: 3 orang')] },
  bepergian: { ...LETTER, fields: [TTL, PEKERJAAN, f('tujuan', 'Tujuan bepergian'), f('lama', 'Lama bepergian', 'text', true, 'Contoh: 2 tahun')] },
  'ahli-waris': { ...LETTER, fields: [f('nama_pewaris', 'Nama pewaris (almarhum/almarhumah)'), f('daftar_ahli_waris', 'Nama seluruh ahli waris', 'textarea')] },
  penghasilan: { ...LETTER, fields: [TTL, PEKERJAAN, f('penghasilan', 'Penghasilan per bulan', 'text', true, 'Contoh: Rp2.500.000'), KEPERLUAN] },
  'belum-menikah': LETTER,
  'izin-keramaian': { ...LETTER, fields: [f('nama_acara', 'Nama acara'), f('tanggal_acara', 'Tanggal acara', 'date'), f('tempat_acara', 'Tempat acara'), f('jumlah_tamu', 'Perkiraan jumlah tamu', 'text', false)] },
  'pengantar-kk-ktp': { ...LETTER, fields: [f('jenis_permohonan', 'Yang diurus', 'text', true, 'Contoh: KK baru, perubahan KK, KTP-el hilang')] },
  // A request for public information (UU 14/2008) needs no KK and ends in information, not a letter.
  'informasi-publik': { fields: [f('informasi', 'Informasi yang diminta', 'textarea'), f('tujuan_penggunaan', 'Tujuan penggunaan informasi')], letter: false, needsKk: false },
};

/** The unit's changes to the form; absent means "as the city default". */
const fieldAdj = z.object({ key: z.string().regex(/^[a-z][a-z0-9_]{1,30}$/), label: z.string().trim().min(2).max(80), type: z.enum(FIELD_TYPES), required: z.boolean() });
export const formAdjustmentSchema = z.object({
  online: z.boolean().optional(),
  deadlineDays: z.number().int().min(1).max(60).optional(),
  docModes: z.record(z.string().max(60), z.enum(['wajib', 'opsional', 'dibawa'])).optional(),
  extraFields: z.array(fieldAdj).max(5).optional(),
});
export type FormAdjustment = z.infer<typeof formAdjustmentSchema>;

/** A stable key for a requirement line, so a unit's choice follows the line, not its position. */
export function docKey(label: string): string {
  const base = label.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').slice(0, 40).replace(/^-+|-+$/g, '');
  return base || 'dokumen';
}

// "(bagi pendatang)", "(jika ada)": the catalogue already says when a document is conditional.
const CONDITIONAL = /\((bagi|jika|apabila|untuk)\b|\bjika ada\b/i;
// Printed pas foto are glued to the letter: brought to the office, not photographed.
const BROUGHT = /^pas foto\b/i;

/**
 * Days the Standar Pelayanan gives, from the catalogue's free text: "10 hari kerja" → 10;
 * minutes or hours ("15 menit setelah berkas lengkap") → 1 working day for an online request,
 * which staff see the next working day; anything else → 3.
 */
export function deadlineDaysFrom(waktu: string): number {
  const m = /(\d+)\s*hari/i.exec(waktu);
  if (m) return Math.min(60, Math.max(1, Number(m[1])));
  if (/menit|jam/i.test(waktu)) return 1;
  return 3;
}

export function buildServiceForm(service: UnitServiceView, adj: FormAdjustment | null): ServiceForm {
  const d = FORM_DEFAULTS[service.code] ?? LETTER;
  const seen = new Set<string>();
  const documents: DocSlot[] = [];
  for (const label of service.persyaratan) {
    let key = docKey(label);
    while (seen.has(key)) key = `${key}-2`;
    seen.add(key);
    const mode = adj?.docModes?.[key] ?? (BROUGHT.test(label) ? 'dibawa' : CONDITIONAL.test(label) ? 'opsional' : 'wajib');
    documents.push({ key, label, mode });
  }
  const reserved = new Set(['nama', 'nik', 'kk', 'telepon', 'email', 'alamat', 'rt', 'rw', ...d.fields.map((x) => x.key)]);
  const extra = (adj?.extraFields ?? []).filter((x) => !reserved.has(x.key));
  return {
    code: service.code,
    name: service.name,
    produk: service.produk || service.name,
    online: adj?.online ?? service.enabled,
    letter: d.letter,
    needsKk: d.needsKk,
    fields: [...d.fields, ...extra],
    documents,
    deadlineDays: adj?.deadlineDays ?? deadlineDaysFrom(service.waktu),
  };
}

export function parseFormAdjustment(text: string | null | undefined): FormAdjustment | null {
  if (!text) return null;
  try {
    const r = formAdjustmentSchema.safeParse(JSON.parse(text));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}
