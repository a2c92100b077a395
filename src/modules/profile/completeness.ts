import type { Profile, ProfileSectionKey } from './sections.js';
import { SECTION_KEYS } from './sections.js';
import { headOf } from './head-of.js';

// Completeness is one of the city's compliance signals ("profil lengkap"), and staff see it as a
// to-do list. Each section has a short list of checks a citizen would notice when missing; the
// `missing` codes are i18n keys (`site.completeness.<section>.<check>`) so the form can say,
// in plain words, what to fill in next.

type Check = [code: string, passed: (p: Profile) => boolean];

const filled = (s: string | undefined) => typeof s === 'string' && s.trim().length > 0;
const has = (n: number | undefined) => typeof n === 'number' && Number.isFinite(n);

const CHECKS: Record<ProfileSectionKey, Check[]> = {
  identitas: [
    ['alamat', (p) => filled(p.identitas.alamatKantor)],
    ['kodePos', (p) => filled(p.identitas.kodePos)],
    ['kontak', (p) => filled(p.identitas.telepon) || filled(p.identitas.whatsapp)],
    ['email', (p) => filled(p.identitas.email)],
    ['jamPelayanan', (p) => p.identitas.jamPelayanan.length > 0],
    ['lokasi', (p) => has(p.identitas.lat) && has(p.identitas.lng)],
    ['fotoKantor', (p) => filled(p.identitas.fotoKantor)],
  ],
  narasi: [
    ['sejarah', (p) => filled(p.narasi.sejarah)],
    ['visi', (p) => filled(p.narasi.visi)],
    ['misi', (p) => p.narasi.misi.length > 0],
    ['sambutan', (p) => filled(p.narasi.sambutanLurah)],
  ],
  aparatur: [
    ['lurah', (p) => headOf(p) !== undefined],
    ['sekretaris', (p) => p.aparatur.items.some((a) => /sekretaris/i.test(a.jabatan))],
    ['kasi', (p) => p.aparatur.items.some((a) => /^kasi\b|kepala seksi/i.test(a.jabatan))],
    ['foto', (p) => p.aparatur.items.length > 0 && p.aparatur.items.every((a) => filled(a.foto))],
  ],
  wilayah: [
    ['luas', (p) => has(p.wilayah.luasHa)],
    [
      'batas',
      (p) => [p.wilayah.batasUtara, p.wilayah.batasTimur, p.wilayah.batasSelatan, p.wilayah.batasBarat].every(filled),
    ],
    ['rw', (p) => p.wilayah.rw.length > 0],
    ['ketuaRw', (p) => p.wilayah.rw.length > 0 && p.wilayah.rw.every((r) => filled(r.ketua))],
    ['rt', (p) => p.wilayah.rw.length > 0 && p.wilayah.rw.every((r) => r.rt.length > 0)],
  ],
  lembaga: [['ada', (p) => p.lembaga.items.length > 0]],
  sarana: [['ada', (p) => p.sarana.items.length > 0]],
  potensi: [['ada', (p) => p.potensi.items.length > 0]],
  statistik: [
    ['penduduk', (p) => has(p.statistik.lakiLaki) && has(p.statistik.perempuan)],
    ['kk', (p) => has(p.statistik.jumlahKk)],
    ['umur', (p) => p.statistik.umur.length > 0],
    ['pendidikan', (p) => p.statistik.pendidikan.length > 0],
    ['pekerjaan', (p) => p.statistik.pekerjaan.length > 0],
    ['tahun', (p) => has(p.statistik.tahun)],
  ],
};

export interface SectionCompleteness {
  /** 0–100, whole number. */
  percent: number;
  missing: string[];
}

export interface Completeness {
  /** 0–100: every section weighs the same, so a long checklist does not dominate. */
  overall: number;
  sections: Record<ProfileSectionKey, SectionCompleteness>;
}

export function profileCompleteness(profile: Profile): Completeness {
  const sections = {} as Record<ProfileSectionKey, SectionCompleteness>;
  let sum = 0;
  for (const key of SECTION_KEYS) {
    const checks = CHECKS[key];
    const missing = checks.filter(([, pass]) => !pass(profile)).map(([code]) => `${key}.${code}`);
    const fraction = (checks.length - missing.length) / checks.length;
    sections[key] = { percent: Math.round(fraction * 100), missing };
    sum += fraction;
  }
  return { overall: Math.round((sum / SECTION_KEYS.length) * 100), sections };
}
