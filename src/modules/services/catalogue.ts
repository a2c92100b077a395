import * as z from 'zod';

// The city-wide layanan catalogue follows the six public components of Standar Pelayanan
// (PermenPANRB 15/2014): dasar hukum, persyaratan, prosedur, jangka waktu, biaya, produk, plus
// how to complain and through which channels. Kelurahan adjust entries (an extra requirement,
// different time) instead of copying them, so a city-wide correction reaches every site.

export const CHANNELS = ['loket', 'whatsapp', 'online'] as const;
export type Channel = (typeof CHANNELS)[number];

export const serviceSchema = z.object({
  code: z.string().regex(/^[a-z0-9-]{2,60}$/),
  name: z.string().trim().min(3).max(160),
  summary: z.string().trim().max(300).default(''),
  dasarHukum: z.array(z.string().trim().min(1).max(300)).max(20).default([]),
  persyaratan: z.array(z.string().trim().min(1).max(300)).max(30).default([]),
  prosedur: z.array(z.string().trim().min(1).max(300)).max(30).default([]),
  waktu: z.string().trim().max(120).default(''),
  biaya: z.string().trim().max(120).default('Gratis'),
  produk: z.string().trim().max(200).default(''),
  pengaduan: z.string().trim().max(500).default(''),
  channels: z.array(z.enum(CHANNELS)).max(3).default(['loket']),
  butuhPengantarRt: z.boolean().default(true),
});
export type Service = z.infer<typeof serviceSchema>;

/**
 * What a kelurahan may change. No defaults here on purpose: an absent field means "as the city
 * says", so an empty adjustment changes nothing. Lists replace the city's list when given.
 */
const line = z.string().trim().min(1).max(300);
export const serviceAdjustmentSchema = z.object({
  name: z.string().trim().min(3).max(160).optional(),
  summary: z.string().trim().max(300).optional(),
  dasarHukum: z.array(line).max(20).optional(),
  persyaratan: z.array(line).max(30).optional(),
  prosedur: z.array(line).max(30).optional(),
  waktu: z.string().trim().min(1).max(120).optional(),
  biaya: z.string().trim().min(1).max(120).optional(),
  produk: z.string().trim().min(1).max(200).optional(),
  pengaduan: z.string().trim().min(1).max(500).optional(),
  channels: z.array(z.enum(CHANNELS)).min(1).max(3).optional(),
  butuhPengantarRt: z.boolean().optional(),
  tambahanPersyaratan: z.array(line).max(10).optional(),
  catatan: z.string().trim().max(500).optional(),
});
export type ServiceAdjustment = z.infer<typeof serviceAdjustmentSchema>;

export interface UnitService extends Service {
  catatan: string;
  adjusted: boolean;
}

export function applyAdjustment(base: Service, adj: ServiceAdjustment | null | undefined): UnitService {
  if (!adj || Object.keys(adj).length === 0) return { ...base, catatan: '', adjusted: false };
  const { tambahanPersyaratan, catatan, ...fields } = adj;
  const defined = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  const merged = { ...base, ...defined } as Service;
  const extra = (tambahanPersyaratan ?? []).filter((r) => !merged.persyaratan.includes(r));
  return {
    ...merged,
    code: base.code,
    persyaratan: [...merged.persyaratan, ...extra],
    catatan: catatan ?? '',
    adjusted: true,
  };
}

const DASAR_UMUM = [
  'Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik',
  'Peraturan Pemerintah Nomor 17 Tahun 2018 tentang Kecamatan',
  'Peraturan Menteri PANRB Nomor 15 Tahun 2014 tentang Pedoman Standar Pelayanan',
];
const DASAR_ADMINDUK = [
  'Undang-Undang Nomor 24 Tahun 2013 tentang Perubahan atas UU Nomor 23 Tahun 2006 tentang Administrasi Kependudukan',
  'Peraturan Presiden Nomor 96 Tahun 2018 tentang Persyaratan dan Tata Cara Pendaftaran Penduduk dan Pencatatan Sipil',
];
const DASAR_KIP = ['Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik'];
const BASE_REQ = ['Surat pengantar dari Ketua RT dan Ketua RW', 'Fotokopi KTP-el pemohon', 'Fotokopi Kartu Keluarga (KK)'];
// Texts say {kel}, {Lurah} … and are filled with the unit's own words when listed (issue 14.11):
// the catalogue is one for every region of an install, kota or kabupaten.
const PROSEDUR = [
  'Pemohon meminta surat pengantar ke Ketua RT dan Ketua RW',
  'Pemohon datang ke loket pelayanan kantor {kel} membawa persyaratan lengkap',
  'Petugas memeriksa kelengkapan berkas dan mencatat dalam buku register',
  'Surat dicetak dan diparaf oleh Kasi terkait',
  'Surat ditandatangani {Lurah} dan diserahkan kepada pemohon',
];
const PENGADUAN =
  'Sampaikan keluhan atau saran langsung ke Sekretaris {Kel}, melalui kotak saran di kantor {kel}, WhatsApp {kel}, atau SP4N-LAPOR! (lapor.go.id).';

const s = (v: Partial<Service> & Pick<Service, 'code' | 'name'>): Service =>
  serviceSchema.parse({
    dasarHukum: DASAR_UMUM,
    persyaratan: BASE_REQ,
    prosedur: PROSEDUR,
    waktu: '15 menit setelah berkas lengkap',
    biaya: 'Gratis',
    pengaduan: PENGADUAN,
    channels: ['loket', 'whatsapp'],
    ...v,
  });

/** Seed catalogue from docs/reference/profil-dan-layanan.md §4; cities edit it after import. */
export const SERVICE_CATALOGUE: Service[] = [
  s({ code: 'domisili', name: 'Surat Keterangan Domisili', summary: 'Keterangan tempat tinggal untuk warga yang berdomisili di {kel}.', persyaratan: [...BASE_REQ, 'Surat keterangan pindah dari daerah asal (bagi pendatang)', 'Pas foto 3×4 sebanyak 2 lembar'], produk: 'Surat Keterangan Domisili' }),
  s({ code: 'domisili-usaha', name: 'Surat Keterangan Usaha / Domisili Usaha', summary: 'Keterangan bahwa warga memiliki usaha di wilayah {kel}, misalnya untuk pinjaman KUR.', persyaratan: [...BASE_REQ, 'Foto tempat usaha', 'Bukti lunas PBB tahun berjalan atau surat sewa tempat usaha'], produk: 'Surat Keterangan Usaha (SKU)', waktu: '30 menit setelah berkas lengkap' }),
  s({ code: 'sktm', name: 'Surat Keterangan Tidak Mampu (SKTM)', summary: 'Untuk keringanan biaya sekolah, rumah sakit atau bantuan sosial.', persyaratan: [...BASE_REQ, 'Foto rumah tampak depan', 'Surat pernyataan tidak mampu bermeterai', 'Surat keterangan tujuan dari sekolah atau rumah sakit (jika ada)'], produk: 'Surat Keterangan Tidak Mampu', waktu: '30 menit setelah berkas lengkap' }),
  s({ code: 'pengantar-umum', name: 'Surat Pengantar Umum', summary: 'Pengantar dari {kel} untuk keperluan ke instansi lain.', produk: 'Surat Pengantar', waktu: '10 menit setelah berkas lengkap' }),
  s({ code: 'pengantar-skck', name: 'Surat Pengantar SKCK', summary: 'Pengantar untuk membuat Surat Keterangan Catatan Kepolisian di Polsek/Polres.', produk: 'Surat Pengantar SKCK', waktu: '10 menit setelah berkas lengkap' }),
  s({ code: 'pengantar-nikah', name: 'Surat Pengantar Nikah (N1–N4)', summary: 'Berkas pengantar nikah untuk KUA atau Dukcapil.', dasarHukum: [...DASAR_UMUM, 'Peraturan Menteri Agama Nomor 20 Tahun 2019 tentang Pencatatan Pernikahan'], persyaratan: [...BASE_REQ, 'Fotokopi akta kelahiran', 'Fotokopi ijazah terakhir', 'Pas foto 2×3 dan 3×4 masing-masing 4 lembar', 'Surat izin orang tua (bagi yang berusia di bawah 21 tahun)', 'Akta cerai atau surat keterangan kematian pasangan (bagi duda/janda)'], produk: 'Formulir N1, N2, N3 dan N4', waktu: '30 menit setelah berkas lengkap' }),
  s({ code: 'pengantar-kematian', name: 'Surat Keterangan Kematian', summary: 'Keterangan untuk pengurusan akta kematian di Dukcapil.', dasarHukum: [...DASAR_UMUM, ...DASAR_ADMINDUK], persyaratan: ['Surat pengantar dari Ketua RT dan Ketua RW', 'Fotokopi KTP-el dan KK pelapor', 'Fotokopi KTP-el dan KK almarhum/almarhumah', 'Surat keterangan kematian dari dokter atau rumah sakit', 'Fotokopi KTP-el 2 orang saksi'], produk: 'Surat Keterangan Kematian' }),
  s({ code: 'pengantar-kelahiran', name: 'Surat Keterangan Kelahiran', summary: 'Keterangan untuk pengurusan akta kelahiran.', dasarHukum: [...DASAR_UMUM, ...DASAR_ADMINDUK], persyaratan: ['Surat pengantar dari Ketua RT dan Ketua RW', 'Fotokopi Kartu Keluarga', 'Fotokopi KTP-el kedua orang tua', 'Surat keterangan lahir dari rumah sakit, puskesmas atau bidan', 'Fotokopi buku nikah atau akta perkawinan orang tua'], produk: 'Surat Keterangan Kelahiran' }),
  s({ code: 'pindah', name: 'Surat Pengantar Pindah', summary: 'Pengantar untuk pindah domisili ke luar {kel}.', dasarHukum: [...DASAR_UMUM, ...DASAR_ADMINDUK], persyaratan: [...BASE_REQ, 'Alamat lengkap tujuan pindah'], produk: 'Surat Pengantar Pindah (untuk SKPWNI di Dukcapil)' }),
  s({ code: 'bepergian', name: 'Surat Keterangan Bepergian', summary: 'Keterangan untuk warga yang bepergian lama atau bekerja ke luar negeri.', persyaratan: [...BASE_REQ, 'Surat izin orang tua atau suami/istri (bagi calon pekerja migran)'], produk: 'Surat Keterangan Bepergian' }),
  s({ code: 'ahli-waris', name: 'Registrasi Surat Keterangan Ahli Waris', summary: 'Pencatatan dan pengesahan surat keterangan ahli waris.', persyaratan: ['Surat pengantar dari Ketua RT dan Ketua RW', 'Fotokopi akta kematian pewaris', 'Fotokopi KTP-el dan KK seluruh ahli waris', 'Surat pernyataan ahli waris bermeterai ditandatangani 2 orang saksi', 'Fotokopi KTP-el saksi'], produk: 'Surat Keterangan Ahli Waris yang telah diregistrasi', waktu: '1 hari kerja setelah berkas lengkap' }),
  s({ code: 'penghasilan', name: 'Surat Keterangan Penghasilan Orang Tua', summary: 'Untuk pendaftaran beasiswa atau keringanan uang kuliah.', persyaratan: [...BASE_REQ, 'Slip gaji atau surat pernyataan penghasilan bermeterai'], produk: 'Surat Keterangan Penghasilan' }),
  s({ code: 'belum-menikah', name: 'Surat Keterangan Belum Menikah', summary: 'Keterangan status belum pernah menikah.', persyaratan: [...BASE_REQ, 'Surat pernyataan belum menikah bermeterai'], produk: 'Surat Keterangan Belum Menikah' }),
  s({ code: 'izin-keramaian', name: 'Surat Pengantar Izin Keramaian', summary: 'Pengantar untuk izin acara (pernikahan, hiburan) ke Polsek.', persyaratan: ['Surat pengantar dari Ketua RT dan Ketua RW', 'Fotokopi KTP-el penyelenggara', 'Keterangan acara: tanggal, waktu, tempat dan perkiraan jumlah tamu'], produk: 'Surat Pengantar Izin Keramaian' }),
  s({ code: 'pengantar-kk-ktp', name: 'Pengantar Pembuatan KK / KTP-el', summary: 'Pengantar untuk pembuatan atau perubahan KK dan KTP-el di Dukcapil.', dasarHukum: [...DASAR_UMUM, ...DASAR_ADMINDUK], persyaratan: ['Surat pengantar dari Ketua RT dan Ketua RW', 'Formulir F-1.01 (biodata keluarga) yang sudah diisi', 'Kartu Keluarga lama', 'Fotokopi buku nikah atau akta perkawinan (untuk KK baru)'], produk: 'Surat Pengantar ke Dinas Kependudukan dan Pencatatan Sipil' }),
  s({ code: 'informasi-publik', name: 'Permohonan Informasi Publik (PPID)', summary: 'Warga berhak meminta informasi publik yang dikuasai {kel}.', dasarHukum: [...DASAR_KIP, 'Peraturan Komisi Informasi Nomor 1 Tahun 2021 tentang Standar Layanan Informasi Publik'], persyaratan: ['Fotokopi KTP-el pemohon', 'Formulir permohonan informasi yang sudah diisi'], prosedur: ['Pemohon mengisi formulir permohonan informasi di loket atau melalui WhatsApp', 'Petugas mencatat permohonan dan memberikan tanda terima', 'Informasi diberikan paling lambat 10 hari kerja (dapat diperpanjang 7 hari kerja)'], waktu: 'Paling lambat 10 hari kerja', produk: 'Salinan informasi publik yang diminta', channels: ['loket', 'whatsapp', 'online'], butuhPengantarRt: false }),
];

export const findCatalogueService = (code: string): Service | undefined =>
  SERVICE_CATALOGUE.find((x) => x.code === code);
