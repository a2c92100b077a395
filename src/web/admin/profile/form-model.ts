import type { ProfileSectionKey } from '../../../modules/profile/index.js';

// What each profile screen asks, field by field (issue 14, point 4): plain fields, pictures sent
// from the phone, the site colour as swatches, and lists as rows of labelled fields with empty
// rows and "Tambah baris" (works without JavaScript). Labels and hints are catalogue keys
// prof.field.<section>.<name> and prof.hint.<section>.<name>.

export type FieldKind =
  | 'text' | 'textarea' | 'lines' | 'email' | 'tel' | 'url' | 'postcode' | 'nip' | 'year' | 'decimal' | 'count'
  | 'lat' | 'lng' | 'photo' | 'colour' | 'time' | 'days' | 'platform' | 'kondisi' | 'jabatan';

export interface FieldDef {
  name: string;
  kind: FieldKind;
}

export interface ListDef {
  list: string;
  columns: FieldDef[];
}

export type FormItem = FieldDef | ListDef;
export const isList = (i: FormItem): i is ListDef => 'list' in i;

const f = (name: string, kind: FieldKind = 'text'): FieldDef => ({ name, kind });
const rows = (list: string, ...columns: FieldDef[]): ListDef => ({ list, columns });

export const SECTION_FORMS: Record<ProfileSectionKey, FormItem[]> = {
  identitas: [
    f('alamatKantor', 'textarea'), f('kodePos', 'postcode'), f('telepon', 'tel'), f('whatsapp', 'tel'), f('email', 'email'),
    rows('jamPelayanan', f('hari', 'days'), f('buka', 'time'), f('tutup', 'time'), f('istirahat')),
    f('logo', 'photo'), f('fotoKantor', 'photo'), f('warnaAksen', 'colour'),
    f('lat', 'lat'), f('lng', 'lng'),
    rows('media', f('platform', 'platform'), f('url', 'url')),
    f('kodeWilayah'), f('tahunPembentukan', 'year'), f('dasarHukumPembentukan'),
  ],
  narasi: [f('sambutanLurah', 'textarea'), f('visi', 'textarea'), f('misi', 'lines'), f('sejarah', 'textarea'), f('motto')],
  aparatur: [rows('items', f('nama'), f('jabatan', 'jabatan'), f('nip', 'nip'), f('foto', 'photo'))],
  wilayah: [
    f('luasHa', 'decimal'), f('batasUtara'), f('batasTimur'), f('batasSelatan'), f('batasBarat'),
    f('jarakKeKecamatanKm', 'decimal'), f('jarakKeKotaKm', 'decimal'), f('ketinggianMdpl', 'decimal'),
    rows('rw', f('nomor'), f('ketua')),
    rows('rt', f('rw'), f('nomor'), f('ketua')),
  ],
  lembaga: [rows('items', f('jenis'), f('nama'), f('ketua'), f('keterangan', 'textarea'))],
  sarana: [rows('items', f('jenis'), f('nama'), f('alamat'), f('kondisi', 'kondisi'), f('keterangan', 'textarea'))],
  potensi: [rows('items', f('jenis'), f('nama'), f('kontak', 'tel'), f('keterangan', 'textarea'))],
  statistik: [
    f('tahun', 'year'), f('sumber'), f('lakiLaki', 'count'), f('perempuan', 'count'), f('jumlahKk', 'count'),
    rows('umur', f('label'), f('jumlah', 'count')),
    rows('pendidikan', f('label'), f('jumlah', 'count')),
    rows('pekerjaan', f('label'), f('jumlah', 'count')),
    rows('agama', f('label'), f('jumlah', 'count')),
  ],
};

/** The site colour: a few colours that carry white text at WCAG AA contrast or better. */
export const SWATCHES: { key: string; hex: string }[] = [
  { key: 'biru', hex: '#0b5394' },
  { key: 'biru_laut', hex: '#0f5f73' },
  { key: 'hijau', hex: '#1e6b33' },
  { key: 'merah', hex: '#8c1c13' },
  { key: 'ungu', hex: '#5b2a86' },
  { key: 'cokelat', hex: '#7a4a12' },
  { key: 'abu', hex: '#374151' },
];

export const HARI = ['senin', 'selasa', 'rabu', 'kamis', 'jumat', 'sabtu', 'minggu'] as const;
/** Day groups offered for opening hours: the usual ranges, then each day. */
export const DAY_CHOICES = ['senin-jumat', 'senin-kamis', 'senin-sabtu', 'sabtu-minggu', ...HARI];
export const PLATFORMS = ['facebook', 'instagram', 'tiktok', 'youtube', 'x', 'whatsapp'] as const;
export const KONDISI = ['baik', 'sedang', 'rusak'] as const;

/**
 * Picture fields: which variant of the uploaded photo the profile points at. The logo keeps its
 * transparency (WebP); the office photo is a JPEG wide enough to be a link's share picture.
 */
export const PHOTO_VARIANT: Record<string, { format: 'webp' | 'jpeg'; minWidth: number }> = {
  logo: { format: 'webp', minWidth: 320 },
  fotoKantor: { format: 'jpeg', minWidth: 960 },
  foto: { format: 'jpeg', minWidth: 320 },
};

/** Rows "Tambah baris" adds. */
export const ADD_ROWS = 3;
export const MAX_ROWS = 200;
