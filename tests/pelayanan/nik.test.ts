import { describe, expect, it } from 'vitest';
import { checkKk, checkNik, maskIdNumber, maskPhone } from '../../src/modules/pelayanan/index.js';

// 19.71.01 is Kecamatan Bukit Intan in Kota Pangkalpinang (idn-area-data); 19.71.99 does not exist.
describe('NIK and KK validation', () => {
  it('accepts a NIK whose first six digits are a real kecamatan and whose date is possible', () => {
    expect(checkNik('1971010101900001')).toBeNull();
    // Women: 40 is added to the day of birth.
    expect(checkNik('1971014512880003')).toBeNull();
    // Typed with spaces and dots as copied from a photocopy.
    expect(checkNik('1971 0101 0190 0001')).toBeNull();
    expect(checkNik('19.71.01.010190.0001')).toBeNull();
    // Any regency of Indonesia, not only the served city: 31.71.01 is Gambir, Jakarta Pusat.
    expect(checkNik('3171012208850002')).toBeNull();
  });

  it('names what is wrong', () => {
    expect(checkNik('')).toBe('empty');
    expect(checkNik('197101010190000')).toBe('not_16_digits');
    expect(checkNik('19710101019000012')).toBe('not_16_digits');
    expect(checkNik('19710101019O0001')).toBe('not_16_digits');
    expect(checkNik('1971990101900001')).toBe('unknown_region');
    expect(checkNik('9999990101900001')).toBe('unknown_region');
    // A regency code that exists but a kecamatan that does not.
    expect(checkNik('1971000101900001')).toBe('unknown_region');
    expect(checkNik('1971013201900001')).toBe('bad_birth_date'); // day 32
    expect(checkNik('1971017201900001')).toBe('bad_birth_date'); // day 72 (women: 32)
    expect(checkNik('1971010113900001')).toBe('bad_birth_date'); // month 13
    expect(checkNik('1971010100900001')).toBe('bad_birth_date'); // month 00
    expect(checkNik('1971010101900000')).toBe('bad_serial');
  });

  it('checks a KK number by its region code too', () => {
    expect(checkKk('1971012301150007')).toBeNull();
    expect(checkKk('1971992301150007')).toBe('unknown_region');
    expect(checkKk('19710123011500')).toBe('not_16_digits');
    expect(checkKk('1971012301150000')).toBe('bad_serial');
  });

  it('masks NIK, KK and phone numbers for lists and logs', () => {
    expect(maskIdNumber('1971010101900001')).toBe('197101••••••0001');
    expect(maskIdNumber(null)).toBe('—');
    expect(maskPhone('081234567890')).toBe('0812••••7890');
  });
});
