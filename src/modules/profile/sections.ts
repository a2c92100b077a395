import * as z from 'zod';

// The profil kelurahan follows the sections of Permendagri 12/2007 (Prodeskel) that are meant to
// be public. Each section is stored as one JSON document per unit, validated here, so adding a
// field is a schema change in code, not a migration. Per-household data (DDK) and NIK never
// enter this model: statistics are aggregates by construction (counts per category, no rows).

const text = (max: number) => z.string().trim().max(max);
const optText = (max: number) => text(max).optional().default('');
const count = z.coerce.number().int().min(0).max(10_000_000);
const optNumber = z.coerce.number().min(0).max(1_000_000).optional();

/** A media URL we serve ourselves (`/media/...`) or empty; never an external hot-link. */
export const mediaRef = z
  .string()
  .trim()
  .max(500)
  .refine((v) => v === '' || /^\/media\/[\w./-]+$/.test(v), { message: 'media_only' })
  .optional()
  .default('');

const phone = z
  .string()
  .trim()
  .max(30)
  .refine((v) => v === '' || /^[+0-9 ()-]{6,30}$/.test(v), { message: 'phone' })
  .optional()
  .default('');

const HARI = ['senin', 'selasa', 'rabu', 'kamis', 'jumat', 'sabtu', 'minggu'] as const;
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

export const jamPelayananSchema = z.object({
  hari: z.array(z.enum(HARI)).min(1),
  buka: time,
  tutup: time,
  istirahat: optText(40),
});

export const identitasSchema = z.object({
  kodeWilayah: optText(20),
  kodePos: z.string().trim().regex(/^(\d{5})?$/).optional().default(''),
  alamatKantor: optText(300),
  telepon: phone,
  whatsapp: phone,
  email: z.union([z.literal(''), z.string().trim().email().max(120)]).optional().default(''),
  lat: z.coerce.number().min(-11).max(6.5).optional(),
  lng: z.coerce.number().min(94).max(141.5).optional(),
  jamPelayanan: z.array(jamPelayananSchema).max(7).default([]),
  tahunPembentukan: z.coerce.number().int().min(1800).max(2100).optional(),
  dasarHukumPembentukan: optText(300),
  logo: mediaRef,
  fotoKantor: mediaRef,
  warnaAksen: z.string().regex(/^#[0-9a-fA-F]{6}$/).optional(),
  media: z
    .array(
      z.object({
        platform: z.enum(['facebook', 'instagram', 'tiktok', 'youtube', 'x', 'whatsapp']),
        url: z.string().trim().url().max(300).refine((u) => u.startsWith('https://'), { message: 'https_only' }),
      }),
    )
    .max(10)
    .default([]),
});

export const narasiSchema = z.object({
  sejarah: optText(20_000),
  visi: optText(1000),
  misi: z.array(text(500).min(1)).max(20).default([]),
  sambutanLurah: optText(5000),
  motto: optText(200),
});

export const JABATAN = [
  'Lurah',
  'Sekretaris Lurah',
  'Kasi Pemerintahan',
  'Kasi Kesejahteraan Sosial',
  'Kasi Ekonomi dan Pembangunan',
  'Kasi Ketenteraman dan Ketertiban',
  'Staf',
] as const;

export const aparaturSchema = z.object({
  items: z
    .array(
      z.object({
        id: text(40).min(1),
        nama: text(120).min(1),
        jabatan: text(120).min(1),
        nip: z.string().trim().regex(/^(\d{18})?$/).optional().default(''),
        foto: mediaRef,
        urutan: z.coerce.number().int().min(0).max(999).default(0),
        // Org chart edge: whom this person reports to (another item's id) or empty for the top.
        atasanId: optText(40),
      }),
    )
    .max(100)
    .default([]),
});

export const wilayahSchema = z.object({
  luasHa: optNumber,
  ketinggianMdpl: optNumber,
  batasUtara: optText(200),
  batasTimur: optText(200),
  batasSelatan: optText(200),
  batasBarat: optText(200),
  jarakKeKecamatanKm: optNumber,
  jarakKeKotaKm: optNumber,
  rw: z
    .array(
      z.object({
        nomor: text(5).min(1),
        ketua: optText(120),
        rt: z
          .array(z.object({ nomor: text(5).min(1), ketua: optText(120), jumlahKk: count.optional() }))
          .max(60)
          .default([]),
      }),
    )
    .max(60)
    .default([]),
});

// Generic in its extra fields, so each section's items keep their own type (ketua, alamat …).
const namedItems = <Extra extends z.ZodRawShape>(extra: Extra) =>
  z.object({
    items: z
      .array(
        z.object({
          jenis: text(80).min(1),
          nama: text(160).min(1),
          keterangan: optText(1000),
          foto: mediaRef,
          ...extra,
        }),
      )
      .max(200)
      .default([]),
  });

export const lembagaSchema = namedItems({ ketua: optText(120) });
export const saranaSchema = namedItems({ alamat: optText(200), kondisi: z.enum(['baik', 'sedang', 'rusak', '']).optional().default('') });
export const potensiSchema = namedItems({ kontak: phone });

const distribution = z.array(z.object({ label: text(80).min(1), jumlah: count })).max(40).default([]);

export const statistikSchema = z.object({
  tahun: z.coerce.number().int().min(2000).max(2100).optional(),
  sumber: optText(120),
  lakiLaki: count.optional(),
  perempuan: count.optional(),
  jumlahKk: count.optional(),
  umur: distribution,
  pendidikan: distribution,
  pekerjaan: distribution,
  agama: distribution,
});

export const PROFILE_SECTIONS = {
  identitas: identitasSchema,
  narasi: narasiSchema,
  aparatur: aparaturSchema,
  wilayah: wilayahSchema,
  lembaga: lembagaSchema,
  sarana: saranaSchema,
  potensi: potensiSchema,
  statistik: statistikSchema,
} as const;

export type ProfileSectionKey = keyof typeof PROFILE_SECTIONS;
export const SECTION_KEYS = Object.keys(PROFILE_SECTIONS) as ProfileSectionKey[];

export type Identitas = z.infer<typeof identitasSchema>;
export type Narasi = z.infer<typeof narasiSchema>;
export type Aparatur = z.infer<typeof aparaturSchema>;
export type Wilayah = z.infer<typeof wilayahSchema>;
export type Lembaga = z.infer<typeof lembagaSchema>;
export type Sarana = z.infer<typeof saranaSchema>;
export type Potensi = z.infer<typeof potensiSchema>;
export type Statistik = z.infer<typeof statistikSchema>;

export interface Profile {
  identitas: Identitas;
  narasi: Narasi;
  aparatur: Aparatur;
  wilayah: Wilayah;
  lembaga: Lembaga;
  sarana: Sarana;
  potensi: Potensi;
  statistik: Statistik;
}

export const isSectionKey = (k: string): k is ProfileSectionKey => k in PROFILE_SECTIONS;

/** An empty profile: every section parsed from `{}` so defaults are filled in. */
let emptyTemplate: Profile | null = null;
/**
 * A fresh profile with every section at its schema's defaults. The defaults are parsed once and
 * copied after: a regency's dashboard asks for one per unit (83,762 in a national install), and
 * eight schema parses each cost more than the rest of the unit's row.
 */
export function emptyProfile(): Profile {
  if (!emptyTemplate) {
    const out: Record<string, unknown> = {};
    for (const k of SECTION_KEYS) out[k] = PROFILE_SECTIONS[k].parse({});
    emptyTemplate = out as unknown as Profile;
  }
  return structuredClone(emptyTemplate);
}

/**
 * Reads a stored section leniently: a document written by an older schema still renders (bad
 * fields fall back to empty) instead of taking a public page down.
 */
export function readSection<K extends ProfileSectionKey>(key: K, raw: unknown): Profile[K] {
  const parsed = PROFILE_SECTIONS[key].safeParse(raw ?? {});
  return (parsed.success ? parsed.data : PROFILE_SECTIONS[key].parse({})) as Profile[K];
}
