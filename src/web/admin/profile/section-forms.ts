import type { Profile, ProfileSectionKey } from '../../../modules/profile/index.js';

// Plain forms for the profil sections. Lists are typed one item per line with "|" between the
// parts (e.g. "Nama | Jabatan"), which works on any phone keyboard and needs no JavaScript;
// these helpers turn form fields into a section document and back.

export type FormValues = Record<string, string>;

export const lines = (text: string | undefined): string[][] =>
  (text ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => l.split('|').map((p) => p.trim()));

const num = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : Number(v.replace(/\./g, '').replace(',', '.')));
const joinLines = (rows: (string | number | undefined)[][]) => rows.map((r) => r.map((x) => x ?? '').join(' | ').replace(/( \| )+$/, '')).join('\n');

const HARI = ['senin', 'selasa', 'rabu', 'kamis', 'jumat', 'sabtu', 'minggu'];

export function formToSection(section: ProfileSectionKey, f: FormValues): unknown {
  switch (section) {
    case 'identitas':
      return {
        kodeWilayah: f.kodeWilayah, kodePos: f.kodePos, alamatKantor: f.alamatKantor, telepon: f.telepon, whatsapp: f.whatsapp, email: f.email,
        lat: num(f.lat), lng: num(f.lng), tahunPembentukan: num(f.tahunPembentukan), dasarHukumPembentukan: f.dasarHukumPembentukan,
        logo: f.logo, fotoKantor: f.fotoKantor, warnaAksen: f.warnaAksen || undefined,
        // "Senin-Kamis | 07:30 | 16:00 | 12.00–13.00"
        jamPelayanan: lines(f.jamPelayanan).map(([hari = '', buka = '', tutup = '', istirahat = '']) => ({ hari: parseDays(hari), buka, tutup, istirahat })),
        media: lines(f.media).map(([platform = '', url = '']) => ({ platform: platform.toLowerCase(), url })),
      };
    case 'narasi':
      return { sejarah: f.sejarah, visi: f.visi, misi: lines(f.misi).map((l) => l.join(' | ')), sambutanLurah: f.sambutanLurah, motto: f.motto };
    case 'aparatur':
      return {
        items: lines(f.items).map(([nama = '', jabatan = '', foto = '', nip = ''], i) => ({
          id: `p${i}`, nama, jabatan, foto, nip, urutan: i, atasanId: i === 0 ? '' : 'p0',
        })),
      };
    case 'wilayah':
      return {
        luasHa: num(f.luasHa), ketinggianMdpl: num(f.ketinggianMdpl), batasUtara: f.batasUtara, batasTimur: f.batasTimur, batasSelatan: f.batasSelatan, batasBarat: f.batasBarat,
        jarakKeKecamatanKm: num(f.jarakKeKecamatanKm), jarakKeKotaKm: num(f.jarakKeKotaKm),
        // "01 | Pak Sahar | 01: Pak Amin, 02: Bu Yanti"
        rw: lines(f.rw).map(([nomor = '', ketua = '', rts = '']) => ({
          nomor, ketua,
          rt: rts.split(',').map((x) => x.trim()).filter(Boolean).map((x) => {
            const [n = '', k = ''] = x.split(':').map((y) => y.trim());
            return { nomor: n, ketua: k };
          }),
        })),
      };
    case 'lembaga':
    case 'sarana':
    case 'potensi':
      return { items: lines(f.items).map(([jenis = '', nama = '', keterangan = '']) => ({ jenis, nama, keterangan })) };
    case 'statistik': {
      const dist = (k: string) => lines(f[k]).map(([label = '', jumlah = '']) => ({ label, jumlah: num(jumlah) ?? Number.NaN }));
      return {
        tahun: num(f.tahun), sumber: f.sumber, lakiLaki: num(f.lakiLaki), perempuan: num(f.perempuan), jumlahKk: num(f.jumlahKk),
        umur: dist('umur'), pendidikan: dist('pendidikan'), pekerjaan: dist('pekerjaan'), agama: dist('agama'),
      };
    }
  }
}

function parseDays(text: string): string[] {
  const t = text.toLowerCase().replace(/\s+/g, '').replace(/'/g, '').replace('jum’at', 'jumat');
  const range = t.split(/[-–]/);
  if (range.length === 2 && HARI.includes(range[0]!) && HARI.includes(range[1]!)) {
    return HARI.slice(HARI.indexOf(range[0]!), HARI.indexOf(range[1]!) + 1);
  }
  return t.split(/[,;]/).filter(Boolean);
}

export function sectionToForm(section: ProfileSectionKey, p: Profile): FormValues {
  const s = (v: unknown) => (v === undefined || v === null ? '' : String(v));
  switch (section) {
    case 'identitas': {
      const i = p.identitas;
      return {
        kodeWilayah: i.kodeWilayah, kodePos: i.kodePos, alamatKantor: i.alamatKantor, telepon: i.telepon, whatsapp: i.whatsapp, email: i.email,
        lat: s(i.lat), lng: s(i.lng), tahunPembentukan: s(i.tahunPembentukan), dasarHukumPembentukan: i.dasarHukumPembentukan, logo: i.logo, fotoKantor: i.fotoKantor,
        warnaAksen: s(i.warnaAksen),
        jamPelayanan: joinLines(i.jamPelayanan.map((j) => [j.hari.length > 2 ? `${j.hari[0]}-${j.hari[j.hari.length - 1]}` : j.hari.join(','), j.buka, j.tutup, j.istirahat])),
        media: joinLines(i.media.map((m) => [m.platform, m.url])),
      };
    }
    case 'narasi':
      return { sejarah: p.narasi.sejarah, visi: p.narasi.visi, misi: p.narasi.misi.join('\n'), sambutanLurah: p.narasi.sambutanLurah, motto: p.narasi.motto };
    case 'aparatur':
      return { items: joinLines([...p.aparatur.items].sort((a, b) => a.urutan - b.urutan).map((a) => [a.nama, a.jabatan, a.foto, a.nip])) };
    case 'wilayah': {
      const w = p.wilayah;
      return {
        luasHa: s(w.luasHa), ketinggianMdpl: s(w.ketinggianMdpl), batasUtara: w.batasUtara, batasTimur: w.batasTimur, batasSelatan: w.batasSelatan, batasBarat: w.batasBarat,
        jarakKeKecamatanKm: s(w.jarakKeKecamatanKm), jarakKeKotaKm: s(w.jarakKeKotaKm),
        rw: joinLines(w.rw.map((r) => [r.nomor, r.ketua, r.rt.map((t) => `${t.nomor}: ${t.ketua}`).join(', ')])),
      };
    }
    case 'lembaga':
    case 'sarana':
    case 'potensi':
      return { items: joinLines(p[section].items.map((i) => [i.jenis, i.nama, i.keterangan])) };
    case 'statistik': {
      const st = p.statistik;
      const d = (rows: { label: string; jumlah: number }[]) => joinLines(rows.map((r) => [r.label, r.jumlah]));
      return {
        tahun: s(st.tahun), sumber: st.sumber, lakiLaki: s(st.lakiLaki), perempuan: s(st.perempuan), jumlahKk: s(st.jumlahKk),
        umur: d(st.umur), pendidikan: d(st.pendidikan), pekerjaan: d(st.pekerjaan), agama: d(st.agama),
      };
    }
  }
}

/** Which form fields each section has: [name, multi-line?]. */
export const SECTION_FIELDS: Record<ProfileSectionKey, [string, boolean][]> = {
  identitas: [['alamatKantor', false], ['kodePos', false], ['kodeWilayah', false], ['telepon', false], ['whatsapp', false], ['email', false], ['jamPelayanan', true], ['lat', false], ['lng', false], ['tahunPembentukan', false], ['dasarHukumPembentukan', false], ['logo', false], ['fotoKantor', false], ['warnaAksen', false], ['media', true]],
  narasi: [['sambutanLurah', true], ['visi', true], ['misi', true], ['sejarah', true], ['motto', false]],
  aparatur: [['items', true]],
  wilayah: [['luasHa', false], ['batasUtara', false], ['batasTimur', false], ['batasSelatan', false], ['batasBarat', false], ['jarakKeKecamatanKm', false], ['jarakKeKotaKm', false], ['ketinggianMdpl', false], ['rw', true]],
  lembaga: [['items', true]],
  sarana: [['items', true]],
  potensi: [['items', true]],
  statistik: [['tahun', false], ['sumber', false], ['lakiLaki', false], ['perempuan', false], ['jumlahKk', false], ['umur', true], ['pendidikan', true], ['pekerjaan', true], ['agama', true]],
};
