import { isDistrictCode } from '../units/index.js';

// NIK (Nomor Induk Kependudukan) and KK numbers are 16 digits whose first six are the
// province, regency and kecamatan code of where they were issued (Permendagri 137/2017 codes,
// shipped in idn-area-data). A NIK's next six digits are the birth date, with 40 added to the
// day for women; the last four a serial that is never 0000. Checking the code against the real
// list catches most typing slips (a swapped or missing digit) before a request is sent.

export type IdNumberError = 'empty' | 'not_16_digits' | 'unknown_region' | 'bad_birth_date' | 'bad_serial';

/** Digits only: people type NIKs with spaces or dots copied from a photocopy. */
export const normaliseIdNumber = (raw: string): string => raw.replace(/[\s.-]/g, '');

export function checkNik(raw: string): IdNumberError | null {
  const nik = normaliseIdNumber(raw);
  if (!nik) return 'empty';
  if (!/^\d{16}$/.test(nik)) return 'not_16_digits';
  if (!isDistrictCode(nik.slice(0, 6))) return 'unknown_region';
  let day = Number(nik.slice(6, 8));
  if (day > 40) day -= 40;
  const month = Number(nik.slice(8, 10));
  if (day < 1 || day > 31 || month < 1 || month > 12) return 'bad_birth_date';
  if (nik.slice(12) === '0000') return 'bad_serial';
  return null;
}

export function checkKk(raw: string): IdNumberError | null {
  const kk = normaliseIdNumber(raw);
  if (!kk) return 'empty';
  if (!/^\d{16}$/.test(kk)) return 'not_16_digits';
  if (!isDistrictCode(kk.slice(0, 6))) return 'unknown_region';
  if (kk.slice(12) === '0000') return 'bad_serial';
  return null;
}

/** "1971010101900001" → "197101••••••0001": enough for staff to tell two applicants apart, no more. */
export function maskIdNumber(value: string | null | undefined): string {
  if (!value) return '—';
  const v = normaliseIdNumber(value);
  if (v.length < 10) return '•'.repeat(v.length);
  return `${v.slice(0, 6)}${'•'.repeat(v.length - 10)}${v.slice(-4)}`;
}

/** Phone numbers in lists: "0812••••5678". */
export function maskPhone(value: string | null | undefined): string {
  if (!value) return '—';
  const d = value.replace(/[^\d+]/g, '');
  if (d.length < 7) return '•'.repeat(d.length);
  return `${d.slice(0, 4)}${'•'.repeat(d.length - 8)}${d.slice(-4)}`;
}
