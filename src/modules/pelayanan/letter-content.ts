import { isDay, wibMidday } from '../../shared/wib-time.js';
import { type LetterTemplate, fillPlaceholders } from './letter-template.js';

// A letter as it was issued: every text already filled in, so the PDF can be drawn again the
// same way years later whatever happens to the template. Stored as JSON on the letter's row
// (and removed by retention, when only the register row stays).

export interface Letterhead {
  /** "PEMERINTAH KOTA PANGKALPINANG", "KECAMATAN BUKIT INTAN" */
  upper: string[];
  /** "KELURAHAN BACANG" */
  name: string;
  /** Address, telephone, e-mail. */
  address: string;
}

export interface LetterContent {
  kop: Letterhead;
  judul: string;
  nomor: string;
  pembuka: string;
  identitas: [string, string][];
  isi: string;
  penutup: string;
  /** "Pangkalpinang, 25 November 2026" */
  tempatTanggal: string;
  penandatangan: { jabatan: string; nama: string; nip: string };
  verifyUrl: string;
  /** Shown under the QR code. */
  verifyCode: string;
}

export interface LetterFacts {
  applicant: { nama: string; nik: string | null; kk: string | null; alamat: string };
  fields: Record<string, string>;
  unit: { name: string; kindLabel: string; kecamatan: string; kota: string; city: string };
  signer: { jabatan: string; nama: string; nip: string };
  nomor: string;
  issuedAt: Date;
  verifyUrl: string;
  verifyCode: string;
  kop: Letterhead;
}

/**
 * The letter's text from its template and facts. Days are written by the caller's `formatDate`
 * ("17 Agustus 2026": the words are the catalogue's, not the module's). Dates typed as
 * YYYY-MM-DD in the form read that way on paper; anything else, an impossible date like
 * 2026-02-30 included, is printed as typed (never rolled into 2 March).
 */
export function buildLetterContent(template: LetterTemplate, f: LetterFacts, formatDate: (d: Date) => string): LetterContent {
  const human = (v: string) => (isDay(v) ? formatDate(wibMidday(v)) : v);
  const fields = Object.fromEntries(Object.entries(f.fields).map(([k, v]) => [k, human(v)]));
  const values: Record<string, string> = {
    ...fields,
    nama: f.applicant.nama,
    nik: f.applicant.nik ?? '',
    kk: f.applicant.kk ?? '',
    alamat: f.applicant.alamat,
    unit: f.unit.name,
    jenis_unit: f.unit.kindLabel,
    kecamatan: f.unit.kecamatan,
    kota: f.unit.kota,
    tanggal: formatDate(f.issuedAt),
    jabatan_penandatangan: f.signer.jabatan,
  };
  const identitas: [string, string][] = [['Nama', f.applicant.nama]];
  if (f.applicant.nik) identitas.push(['NIK', f.applicant.nik]);
  if (fields.ttl) identitas.push(['Tempat, tanggal lahir', fields.ttl]);
  if (fields.pekerjaan) identitas.push(['Pekerjaan', fields.pekerjaan]);
  identitas.push(['Alamat', `${f.applicant.alamat}, ${f.unit.kindLabel} ${f.unit.name}, Kecamatan ${f.unit.kecamatan}, ${f.unit.kota}`]);
  return {
    kop: f.kop,
    judul: template.judul,
    nomor: f.nomor,
    pembuka: fillPlaceholders(template.pembuka, values),
    identitas,
    isi: fillPlaceholders(template.isi, values),
    penutup: fillPlaceholders(template.penutup, values),
    tempatTanggal: `${f.unit.city}, ${formatDate(f.issuedAt)}`,
    penandatangan: f.signer,
    verifyUrl: f.verifyUrl,
    verifyCode: f.verifyCode,
  };
}

/** Example data for the template preview: never a real citizen. */
export const SAMPLE_FACTS: Pick<LetterFacts, 'applicant' | 'fields'> = {
  applicant: { nama: 'CONTOH NAMA PEMOHON', nik: '1971010101900001', kk: '1971012301150007', alamat: 'Jl. Contoh No. 1, RT 001 / RW 001' },
  fields: {
    ttl: 'Pangkalpinang, 1 Januari 1990',
    pekerjaan: 'Wiraswasta',
    keperluan: 'contoh keperluan',
    tinggal_sejak: '2015',
    nama_usaha: 'Warung Contoh',
    jenis_usaha: 'warung makan',
    alamat_usaha: 'Jl. Contoh No. 2',
    penghasilan: 'Rp2.500.000',
  },
};
