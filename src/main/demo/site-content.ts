import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import { createDocument, saveContent } from '../../modules/content/index.js';
import { type Profile, updateProfileSection } from '../../modules/profile/index.js';
import { adjustUnitService, ensureServiceCatalogue } from '../../modules/services/index.js';
import type { Clock } from '../../shared/clock.js';

// Demo content so `npm start` shows lived-in kelurahan sites. Names of people are invented; the
// figures are plausible, not official. Every content row carries is_demo = 1 (the site shows a
// "contoh isi" banner) and nothing is written over a section staff have already filled in.
// Safe to run at every start: a unit that already has demo content is skipped.

interface DemoUnit {
  slug: string;
  lurah: string;
  sekretaris: string;
  alamat: string;
  kodePos: string;
  telepon: string;
  wa: string;
  lat: number;
  lng: number;
  luasHa: number;
  batas: [string, string, string, string];
  rw: number;
  laki: number;
  perempuan: number;
  kk: number;
  tahun: number;
  ciri: string;
  potensi: [string, string][];
  accent?: string;
}

const UNITS: DemoUnit[] = [
  { slug: 'bacang', lurah: 'Hendra Saputra, S.STP', sekretaris: 'Rina Marlina, S.Sos', alamat: 'Jl. Soekarno Hatta No. 12, Bacang, Kecamatan Bukit Intan, Kota Pangkalpinang', kodePos: '33684', telepon: '0717 4251 10', wa: '0812 7890 1101', lat: -2.1342, lng: 106.1021, luasHa: 312, batas: ['Kelurahan Semabung Lama', 'Kelurahan Air Itam', 'Kelurahan Pasir Putih', 'Kelurahan Temberan'], rw: 5, laki: 5412, perempuan: 5288, kk: 3106, tahun: 1990, ciri: 'kawasan perdagangan dan permukiman di jalur utama Soekarno Hatta', potensi: [['UMKM', 'Kerupuk dan kemplang ikan Bacang'], ['UMKM', 'Kedai kopi dan jajanan tradisional'], ['Jasa', 'Bengkel dan servis kendaraan']], accent: '#0b5d3b' },
  { slug: 'air-itam', lurah: 'Syamsul Bahri, S.E.', sekretaris: 'Dewi Anggraini, A.Md', alamat: 'Jl. Depati Amir No. 45, Air Itam, Kecamatan Bukit Intan, Kota Pangkalpinang', kodePos: '33684', telepon: '0717 4251 22', wa: '0812 7890 2202', lat: -2.1418, lng: 106.1175, luasHa: 458, batas: ['Kelurahan Bacang', 'Kelurahan Air Mawar', 'Kelurahan Sinar Bulan', 'Kelurahan Pasir Putih'], rw: 6, laki: 6120, perempuan: 6015, kk: 3650, tahun: 1990, ciri: 'permukiman yang berkembang dengan banyak sekolah dan kebun warga', potensi: [['UMKM', 'Lempah kuning siap saji'], ['Pertanian', 'Kebun sayur dan cabai warga'], ['UMKM', 'Kerajinan anyaman pandan']], accent: '#1d4f91' },
  { slug: 'gabek-satu', lurah: 'Rudi Hartono, S.IP', sekretaris: 'Yusnaini, S.Pd', alamat: 'Jl. Raya Koba Km. 5, Gabek Satu, Kecamatan Gabek, Kota Pangkalpinang', kodePos: '33111', telepon: '0717 4381 30', wa: '0813 6677 3303', lat: -2.1157, lng: 106.1482, luasHa: 610, batas: ['Kabupaten Bangka', 'Kelurahan Gabek Dua', 'Kelurahan Selindung', 'Kelurahan Air Salemba'], rw: 4, laki: 3890, perempuan: 3755, kk: 2210, tahun: 2012, ciri: 'kelurahan di pinggir kota dengan lahan kebun lada dan perikanan kolam', potensi: [['Pertanian', 'Kebun lada putih (Muntok white pepper)'], ['Perikanan', 'Budidaya ikan lele dan nila'], ['UMKM', 'Madu pelawan']], accent: '#7a3e00' },
  { slug: 'opas-indah', lurah: 'Muhammad Rizal, S.H.', sekretaris: 'Fitri Handayani, S.E.', alamat: 'Jl. Jenderal Sudirman No. 88, Opas Indah, Kecamatan Taman Sari, Kota Pangkalpinang', kodePos: '33121', telepon: '0717 4228 40', wa: '0812 7890 4404', lat: -2.1289, lng: 106.1135, luasHa: 128, batas: ['Kelurahan Gedung Nasional', 'Kelurahan Batin Tikal', 'Kelurahan Rawa Bangun', 'Kelurahan Kejaksaan'], rw: 4, laki: 3210, perempuan: 3302, kk: 1988, tahun: 1985, ciri: 'kawasan pusat kota dengan perkantoran, sekolah dan taman', potensi: [['Jasa', 'Usaha jasa fotokopi dan percetakan'], ['UMKM', 'Otak-otak dan kuliner khas Bangka'], ['Wisata', 'Taman kota dan ruang terbuka hijau']], accent: '#6b2c6e' },
  { slug: 'pasar-padi', lurah: 'Agus Salim, S.Sos', sekretaris: 'Nurhayati, S.AP', alamat: 'Jl. Pasar Padi No. 3, Pasar Padi, Kecamatan Girimaya, Kota Pangkalpinang', kodePos: '33141', telepon: '0717 4312 50', wa: '0812 7890 5505', lat: -2.1235, lng: 106.1255, luasHa: 205, batas: ['Kelurahan Bukit Besar', 'Kelurahan Batu Intan', 'Kelurahan Sriwijaya', 'Kelurahan Semabung Baru'], rw: 5, laki: 4520, perempuan: 4611, kk: 2730, tahun: 1985, ciri: 'kawasan pasar tradisional dan perdagangan yang ramai', potensi: [['Perdagangan', 'Pasar tradisional dan pedagang kaki lima'], ['UMKM', 'Kue rintak dan kue bangka'], ['UMKM', 'Tenun cual Bangka']], accent: '#8a1c1c' },
];

const KASI = ['Kasi Pemerintahan', 'Kasi Kesejahteraan Sosial', 'Kasi Ekonomi dan Pembangunan', 'Kasi Ketenteraman dan Ketertiban'];
const KASI_NAMES = [
  ['Ahmad Fauzi', 'Siti Rahmah', 'Bambang Irawan', 'Jumadi'],
  ['Rahmat Hidayat', 'Lina Marlinda', 'Eko Prasetyo', 'Sukardi'],
  ['Ismail', 'Rosmiati', 'Darmawan', 'Hasanudin'],
  ['Firmansyah', 'Nur Aisyah', 'Yogi Pratama', 'Zulkifli'],
  ['Sulaiman', 'Herlina', 'Taufik Hidayat', 'Anwar'],
];
const RT_KETUA = ['Pak Sahar', 'Pak Amin', 'Bu Yanti', 'Pak Darus', 'Pak Johan', 'Bu Murni', 'Pak Rusli', 'Pak Sapri', 'Bu Ani', 'Pak Harun'];

function profileOf(u: DemoUnit, i: number, name: string): Partial<Profile> {
  const total = u.laki + u.perempuan;
  const share = (fractions: [string, number][]) => fractions.map(([label, f]) => ({ label, jumlah: Math.round(total * f) }));
  return {
    identitas: {
      kodeWilayah: '', kodePos: u.kodePos, alamatKantor: u.alamat, telepon: u.telepon, whatsapp: u.wa,
      email: `kel.${u.slug.replace(/-/g, '')}@pangkalpinangkota.go.id`, lat: u.lat, lng: u.lng,
      jamPelayanan: [
        { hari: ['senin', 'selasa', 'rabu', 'kamis'], buka: '07:30', tutup: '16:00', istirahat: '12.00–13.00' },
        { hari: ['jumat'], buka: '07:30', tutup: '16:30', istirahat: '11.30–13.30' },
      ],
      tahunPembentukan: u.tahun, dasarHukumPembentukan: 'Peraturan Daerah Kota Pangkalpinang tentang Pembentukan Kelurahan', logo: '', fotoKantor: '',
      warnaAksen: u.accent,
      media: [
        { platform: 'facebook', url: `https://www.facebook.com/kelurahan${u.slug.replace(/-/g, '')}` },
        { platform: 'instagram', url: `https://www.instagram.com/kel.${u.slug.replace(/-/g, '')}` },
        ...(i % 2 === 0 ? [{ platform: 'tiktok' as const, url: `https://www.tiktok.com/@kel${u.slug.replace(/-/g, '')}` }] : []),
      ],
    },
    narasi: {
      sejarah: `Kelurahan ${name} merupakan ${u.ciri}. Nama ${name} sudah dikenal warga sejak masa penambangan timah, ketika kawasan ini menjadi tempat singgah para pekerja tambang dan pedagang dari berbagai daerah di Pulau Bangka.\n\nSeiring pemekaran wilayah Kota Pangkalpinang, ${name} ditetapkan sebagai kelurahan pada tahun ${u.tahun}. Sejak itu kelurahan terus berbenah: jalan lingkungan diperbaiki bersama warga, posyandu aktif di setiap RW, dan pelayanan administrasi kini dapat ditanyakan lewat WhatsApp.`,
      visi: `Terwujudnya Kelurahan ${name} yang bersih, aman, dan sejahtera dengan pelayanan yang ramah dan cepat.`,
      misi: [
        'Memberikan pelayanan administrasi yang cepat, mudah, dan tanpa biaya.',
        'Menggerakkan gotong royong warga untuk lingkungan yang bersih dan sehat.',
        'Mendorong tumbuhnya UMKM dan ekonomi warga.',
        'Menjaga ketenteraman dan ketertiban bersama RT, RW, dan lembaga kemasyarakatan.',
      ],
      sambutanLurah: `Assalamualaikum warahmatullahi wabarakatuh, salam sejahtera bagi kita semua.\n\nSelamat datang di situs resmi Kelurahan ${name}. Melalui situs ini kami menyampaikan berita kegiatan, pengumuman, agenda, dan informasi layanan agar warga lebih mudah mengurus keperluan administrasi. Silakan hubungi kami lewat WhatsApp atau datang langsung ke kantor kelurahan pada jam pelayanan.`,
      motto: 'Melayani dengan hati',
    },
    aparatur: {
      items: [
        { id: 'lurah', nama: u.lurah, jabatan: 'Lurah', nip: '', foto: '', urutan: 0, atasanId: '' },
        { id: 'sekre', nama: u.sekretaris, jabatan: 'Sekretaris Lurah', nip: '', foto: '', urutan: 1, atasanId: 'lurah' },
        ...KASI.map((j, k) => ({ id: `kasi${k}`, nama: KASI_NAMES[i % KASI_NAMES.length]![k]!, jabatan: j, nip: '', foto: '', urutan: 2 + k, atasanId: 'lurah' })),
      ],
    },
    wilayah: {
      luasHa: u.luasHa, batasUtara: u.batas[0], batasTimur: u.batas[1], batasSelatan: u.batas[2], batasBarat: u.batas[3],
      jarakKeKecamatanKm: 1 + (i % 3), jarakKeKotaKm: 2 + i,
      rw: Array.from({ length: u.rw }, (_, r) => ({
        nomor: String(r + 1).padStart(2, '0'),
        ketua: RT_KETUA[(r + i) % RT_KETUA.length]!,
        rt: Array.from({ length: 3 + ((r + i) % 3) }, (_, k) => ({ nomor: String(r * 5 + k + 1).padStart(2, '0'), ketua: RT_KETUA[(r + k + 3) % RT_KETUA.length]! })),
      })),
    },
    lembaga: {
      items: [
        { jenis: 'LPM', nama: `Lembaga Pemberdayaan Masyarakat ${name}`, keterangan: 'Menampung usulan warga untuk musrenbang kelurahan.', foto: '', ketua: '' },
        { jenis: 'PKK', nama: `Tim Penggerak PKK Kelurahan ${name}`, keterangan: 'Kegiatan dasawisma, posyandu, dan pelatihan keterampilan ibu-ibu.', foto: '', ketua: '' },
        { jenis: 'Karang Taruna', nama: `Karang Taruna ${name} Bersatu`, keterangan: 'Kegiatan olahraga, kebersihan, dan pelatihan pemuda.', foto: '', ketua: '' },
        { jenis: 'Posyandu', nama: `Posyandu Melati (${u.rw} pos)`, keterangan: 'Penimbangan balita dan pemeriksaan ibu hamil setiap bulan.', foto: '', ketua: '' },
        { jenis: 'Majelis Taklim', nama: 'Majelis Taklim Nurul Iman', keterangan: 'Pengajian rutin setiap Jumat sore.', foto: '', ketua: '' },
      ],
    },
    sarana: {
      items: [
        { jenis: 'Ibadah', nama: 'Masjid Al-Ikhlas', keterangan: 'Masjid utama kelurahan.', foto: '', alamat: '', kondisi: 'baik' },
        { jenis: 'Pendidikan', nama: `SD Negeri ${10 + i} Pangkalpinang`, keterangan: '', foto: '', alamat: '', kondisi: 'baik' },
        { jenis: 'Kesehatan', nama: 'Posyandu dan Poskesdes', keterangan: '', foto: '', alamat: '', kondisi: 'baik' },
        { jenis: 'Olahraga', nama: 'Lapangan voli warga', keterangan: '', foto: '', alamat: '', kondisi: 'sedang' },
      ],
    },
    potensi: { items: u.potensi.map(([jenis, nama]) => ({ jenis, nama, keterangan: '', foto: '', kontak: '' })) },
    statistik: {
      tahun: 2025, sumber: 'Disdukcapil Kota Pangkalpinang (semester I)', lakiLaki: u.laki, perempuan: u.perempuan, jumlahKk: u.kk,
      umur: share([['0–4 tahun', 0.08], ['5–14 tahun', 0.16], ['15–24 tahun', 0.17], ['25–39 tahun', 0.24], ['40–54 tahun', 0.19], ['55–64 tahun', 0.09], ['65 tahun ke atas', 0.07]]),
      pendidikan: share([['Tidak/belum sekolah', 0.17], ['Tamat SD/sederajat', 0.21], ['SMP/sederajat', 0.18], ['SMA/sederajat', 0.31], ['Diploma', 0.04], ['Sarjana (S1–S3)', 0.09]]),
      pekerjaan: share([['Pelajar/mahasiswa', 0.22], ['Mengurus rumah tangga', 0.18], ['Wiraswasta/pedagang', 0.17], ['Karyawan swasta', 0.14], ['PNS/TNI/Polri', 0.05], ['Nelayan/petani', 0.04], ['Belum/tidak bekerja', 0.2]]),
      agama: share([['Islam', 0.86], ['Kristen', 0.04], ['Katolik', 0.03], ['Buddha', 0.05], ['Konghucu', 0.02]]),
    },
  };
}

const day = 86_400_000;

function posts(name: string, u: DemoUnit) {
  return [
    { kind: 'berita', ago: 1, title: `Kerja Bakti Bersihkan Parit di RW 02 ${name} Jelang Musim Hujan`, body: `<p>Warga RW 02 Kelurahan ${name} bersama aparatur kelurahan menggelar kerja bakti membersihkan parit dan saluran air, Minggu pagi. Kegiatan ini dilakukan untuk mencegah genangan saat musim hujan.</p><p>Lurah ${name}, ${u.lurah}, mengapresiasi semangat gotong royong warga. “Parit yang bersih membuat air cepat mengalir. Terima kasih kepada Ketua RT dan RW yang sudah menggerakkan warga,” ujarnya.</p><h2>Sampah dipilah</h2><p>Sampah yang terkumpul dipilah menjadi sampah organik dan anorganik, lalu diangkut oleh petugas DLH Kota Pangkalpinang.</p>` },
    { kind: 'berita', ago: 4, title: `Posyandu Melati ${name} Timbang 120 Balita, Kader Ingatkan Imunisasi Lengkap`, body: `<p>Sebanyak 120 balita ditimbang dalam kegiatan Posyandu Melati di Kelurahan ${name}. Kader posyandu bersama petugas puskesmas juga memberikan vitamin A dan memeriksa ibu hamil.</p><ul><li>Penimbangan dan pengukuran tinggi badan</li><li>Pemberian makanan tambahan</li><li>Penyuluhan gizi seimbang</li></ul><p>Orang tua diimbau membawa buku KIA setiap datang ke posyandu.</p>` },
    { kind: 'berita', ago: 9, title: `Pelatihan Pemasaran Daring untuk Pelaku UMKM ${name}`, body: `<p>Pemerintah Kelurahan ${name} bekerja sama dengan Dinas Koperasi dan UKM menggelar pelatihan pemasaran daring bagi 30 pelaku UMKM. Peserta belajar memotret produk dengan ponsel dan menulis keterangan yang menarik untuk media sosial.</p><blockquote>“Sekarang saya bisa jualan kemplang lewat Instagram,” kata salah satu peserta.</blockquote>` },
    { kind: 'berita', ago: 16, title: `Musrenbang Kelurahan ${name} Sepakati 12 Usulan Prioritas`, body: `<p>Musyawarah perencanaan pembangunan (musrenbang) tingkat kelurahan menyepakati 12 usulan prioritas untuk tahun depan, antara lain perbaikan jalan lingkungan, lampu penerangan jalan, dan pelatihan keterampilan pemuda.</p><p>Usulan akan dibawa ke musrenbang tingkat kecamatan.</p>` },
    { kind: 'pengumuman', ago: 2, title: `Jadwal Pelayanan Kantor Kelurahan ${name} Selama Libur Nasional`, body: `<p>Diberitahukan kepada seluruh warga bahwa pelayanan administrasi di Kantor Kelurahan ${name} tutup pada hari libur nasional dan cuti bersama. Pelayanan kembali normal pada hari kerja berikutnya pukul 07.30 WIB.</p><p>Untuk keperluan mendesak, silakan hubungi WhatsApp kelurahan di ${u.wa}.</p>` },
    { kind: 'pengumuman', ago: 6, title: 'Pendaftaran Bantuan Pelatihan Kerja bagi Pemuda', body: `<p>Dinas Tenaga Kerja membuka pendaftaran pelatihan kerja gratis (menjahit, las, dan barista) bagi warga berusia 18–35 tahun. Persyaratan: fotokopi KTP-el dan KK, serta surat pengantar dari kelurahan.</p><p>Pendaftaran dibuka di kantor kelurahan pada jam pelayanan.</p>` },
    { kind: 'agenda', ahead: 3, hour: 8, title: `Posyandu Balita RW 01 ${name}`, place: 'Balai Pertemuan RW 01', body: '<p>Penimbangan balita, imunisasi, dan pemberian makanan tambahan. Bawa buku KIA.</p>' },
    { kind: 'agenda', ahead: 8, hour: 9, title: 'Sosialisasi Pengelolaan Sampah Rumah Tangga', place: `Aula Kantor Kelurahan ${name}`, body: '<p>Bersama DLH Kota Pangkalpinang: cara memilah sampah dan bank sampah.</p>' },
  ] as const;
}

export interface SeedSiteSummary {
  units: number;
  skipped: number;
}

export async function seedSiteDemo(db: Kysely<DB>, clock: Clock): Promise<SeedSiteSummary> {
  await ensureServiceCatalogue(db, clock);
  const summary = { units: 0, skipped: 0 };
  const deps = { db, clock };
  for (const [i, u] of UNITS.entries()) {
    const unit = await db.selectFrom('units').select(['id', 'name']).where('slug', '=', u.slug).executeTakeFirst();
    if (!unit) continue;
    const already = await db.selectFrom('content_items').select('id').where('unit_id', '=', unit.id).where('is_demo', '=', 1).limit(1).executeTakeFirst();
    if (already) {
      summary.skipped++;
      continue;
    }
    const existing = new Set((await db.selectFrom('profile_sections').select('section').where('unit_id', '=', unit.id).execute()).map((r) => r.section));
    for (const [section, data] of Object.entries(profileOf(u, i, unit.name))) {
      if (existing.has(section)) continue;
      const r = await updateProfileSection(db, clock, { unitId: unit.id, section, data, actorId: null });
      if (!r.ok) throw new Error(`demo profile ${u.slug}.${section} invalid: ${JSON.stringify(r.problems)}`);
    }
    const now = clock.now().getTime();
    for (const p of posts(unit.name, u)) {
      const isAgenda = p.kind === 'agenda';
      const publishAt = new Date(now - (isAgenda ? 2 : p.ago) * day - (i * 37 + 60) * 60_000).toISOString();
      const start = isAgenda ? new Date(Math.floor((now + p.ahead * day) / day) * day + (p.hour - 7) * 3600_000) : null;
      const r = await saveContent(deps, {
        unitId: unit.id,
        actorId: null,
        isDemo: true,
        input: {
          kind: p.kind,
          title: p.title,
          body: p.body,
          status: 'published',
          publishAt,
          authorName: 'Admin Kelurahan',
          eventStart: start ? start.toISOString() : '',
          eventEnd: start ? new Date(start.getTime() + 3 * 3600_000).toISOString() : '',
          eventPlace: isAgenda ? p.place : '',
        },
      });
      if (!r.ok) throw new Error(`demo post ${u.slug} invalid: ${JSON.stringify(r.problems)}`);
    }
    for (const d of [
      { category: 'berkala', title: `Laporan Kinerja Kelurahan ${unit.name} Tahun 2025`, year: 2025 },
      { category: 'berkala', title: 'Rencana Kerja Kelurahan Tahun 2026', year: 2026 },
      { category: 'setiap_saat', title: 'Standar Pelayanan Kelurahan', year: 2025 },
      { category: 'serta_merta', title: 'Peta Rawan Banjir dan Jalur Evakuasi', year: 2025 },
      { category: 'dikecualikan', title: 'Berkas permohonan layanan yang memuat data pribadi warga', year: undefined },
    ] as const) {
      await createDocument(deps, { unitId: unit.id, actorId: null, isDemo: true, input: { ...d, status: 'published' } });
    }
    for (const code of ['domisili', 'sktm', 'domisili-usaha', 'pengantar-skck']) {
      await adjustUnitService(deps, { unitId: unit.id, code, enabled: true, featured: true, adjustment: {} });
    }
    summary.units++;
  }
  return summary;
}
