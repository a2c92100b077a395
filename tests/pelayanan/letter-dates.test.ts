import { describe, expect, it } from 'vitest';
import { formatDate } from '../../src/i18n/index.js';
import { type LetterTemplate, buildLetterContent } from '../../src/modules/pelayanan/index.js';

// A date typed on a letter form (YYYY-MM-DD) is printed the way people write it, read in WIB;
// anything that is not a real date is printed as typed, never moved to another day.
const template: LetterTemplate = { judul: 'SURAT KETERANGAN', kodeKlasifikasi: '470', pembuka: '', isi: 'Tanggal: {tanggal_acara}.', penutup: '' };

function isiFor(typed: string): string {
  return buildLetterContent(template, {
    applicant: { nama: 'CONTOH', nik: null, kk: null, alamat: 'Jl. Contoh' },
    fields: { tanggal_acara: typed },
    unit: { name: 'Bacang', kindLabel: 'Kelurahan', kecamatan: 'Bukit Intan', kota: 'Kota Pangkalpinang', city: 'Pangkalpinang' },
    signer: { jabatan: 'Lurah', nama: 'Contoh', nip: '-' },
    nomor: '470/1/2026',
    issuedAt: new Date('2026-11-25T03:00:00Z'),
    verifyUrl: 'https://example.invalid/v',
    verifyCode: 'X',
    kop: { upper: [], name: 'KELURAHAN BACANG', address: '' },
  }, formatDate).isi;
}

describe('dates typed on a letter form', () => {
  it('prints a real date as words, the same day in WIB', () => {
    expect(isiFor('2026-08-17')).toBe('Tanggal: 17 Agustus 2026.');
    expect(isiFor('2026-12-31')).toBe('Tanggal: 31 Desember 2026.');
  });

  it('prints an impossible date as typed instead of rolling it into March (or failing the letter)', () => {
    expect(isiFor('2026-02-30')).toBe('Tanggal: 2026-02-30.');
    expect(isiFor('2026-02-32')).toBe('Tanggal: 2026-02-32.');
    expect(isiFor('besok pagi')).toBe('Tanggal: besok pagi.');
  });
});
