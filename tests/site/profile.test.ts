import { describe, expect, it } from 'vitest';
import { emptyProfile, profileCompleteness, readSection, statistikSchema, identitasSchema } from '../../src/modules/profile/index.js';

describe('profil kelurahan completeness', () => {
  it('is 0 for an empty profile and lists what is missing per section', () => {
    const c = profileCompleteness(emptyProfile());
    expect(c.overall).toBe(0);
    expect(c.sections.narasi.missing).toEqual(['narasi.sejarah', 'narasi.visi', 'narasi.misi', 'narasi.sambutan']);
  });

  it('counts each section equally and reaches 100 when everything is filled', () => {
    const p = emptyProfile();
    p.narasi = { sejarah: 'Sejarah', visi: 'Visi', misi: ['Misi'], sambutanLurah: 'Sambutan', motto: '' };
    let c = profileCompleteness(p);
    expect(c.sections.narasi.percent).toBe(100);
    expect(c.overall).toBe(Math.round(100 / 8));

    p.identitas = identitasSchema.parse({
      alamatKantor: 'Jl. Melati No. 1', kodePos: '33684', telepon: '0717 123456', email: 'kel@example.go.id',
      jamPelayanan: [{ hari: ['senin'], buka: '08:00', tutup: '16:00' }], lat: -2.1, lng: 106.1, fotoKantor: '/media/k.webp',
    });
    p.aparatur.items = [
      { id: 'a', nama: 'A', jabatan: 'Lurah', nip: '', foto: '/media/a.webp', urutan: 0, atasanId: '' },
      { id: 'b', nama: 'B', jabatan: 'Sekretaris Lurah', nip: '', foto: '/media/b.webp', urutan: 1, atasanId: 'a' },
      { id: 'c', nama: 'C', jabatan: 'Kasi Pemerintahan', nip: '', foto: '/media/c.webp', urutan: 2, atasanId: 'a' },
    ];
    p.wilayah = { ...p.wilayah, luasHa: 120, batasUtara: 'a', batasTimur: 'b', batasSelatan: 'c', batasBarat: 'd', rw: [{ nomor: '01', ketua: 'X', rt: [{ nomor: '01', ketua: 'Y' }] }] };
    p.lembaga.items = [{ jenis: 'PKK', nama: 'TP PKK', keterangan: '', foto: '', ketua: '' } as any];
    p.sarana.items = [{ jenis: 'Ibadah', nama: 'Masjid', keterangan: '', foto: '' } as any];
    p.potensi.items = [{ jenis: 'UMKM', nama: 'Kerupuk', keterangan: '', foto: '' } as any];
    p.statistik = statistikSchema.parse({ tahun: 2025, lakiLaki: 10, perempuan: 11, jumlahKk: 7, umur: [{ label: '0-4', jumlah: 3 }], pendidikan: [{ label: 'SD', jumlah: 3 }], pekerjaan: [{ label: 'Nelayan', jumlah: 2 }] });
    c = profileCompleteness(p);
    expect(c.overall).toBe(100);
    expect(Object.values(c.sections).every((s) => s.missing.length === 0)).toBe(true);
  });

  it('counts a missing aparatur photo against the section', () => {
    const p = emptyProfile();
    p.aparatur.items = [{ id: 'a', nama: 'A', jabatan: 'Lurah', nip: '', foto: '', urutan: 0, atasanId: '' }];
    const c = profileCompleteness(p);
    expect(c.sections.aparatur.missing).toContain('aparatur.foto');
    expect(c.sections.aparatur.percent).toBe(25);
  });
});

describe('profil section schemas', () => {
  it('refuses external images, non-https social links and a malformed NIP', () => {
    expect(identitasSchema.safeParse({ logo: 'https://evil.example/x.png' }).success).toBe(false);
    expect(identitasSchema.safeParse({ media: [{ platform: 'facebook', url: 'javascript:alert(1)' }] }).success).toBe(false);
    expect(identitasSchema.safeParse({ media: [{ platform: 'facebook', url: 'http://facebook.com/x' }] }).success).toBe(false);
    expect(identitasSchema.safeParse({ media: [{ platform: 'facebook', url: 'https://facebook.com/x' }] }).success).toBe(true);
  });

  it('has no place for per-person data in statistics: unknown fields are dropped', () => {
    const s = statistikSchema.parse({ lakiLaki: 5, nik: '1971010101010001', warga: [{ nama: 'X', nik: '1' }] });
    expect(JSON.stringify(s)).not.toContain('1971010101010001');
    expect(Object.keys(s)).not.toContain('warga');
  });

  it('reads a corrupt stored section as empty instead of failing the page', () => {
    expect(readSection('narasi', { misi: 'not a list' }).misi).toEqual([]);
    expect(readSection('statistik', null).umur).toEqual([]);
  });
});
