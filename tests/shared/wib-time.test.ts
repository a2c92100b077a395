import { describe, expect, it } from 'vitest';
import { wibToIso } from '../../src/modules/composer/index.js';
import { fromWibLocal, wibDay, wibIsoWithOffset, wibLocalInput, wibMidday } from '../../src/shared/wib-time.js';

describe('WIB in forms (src/shared/wib-time.ts)', () => {
  it('reads a datetime-local value typed in WIB as the instant, and shows an instant back in WIB', () => {
    expect(fromWibLocal('2026-12-24T08:00')?.toISOString()).toBe('2026-12-24T01:00:00.000Z');
    expect(fromWibLocal('2026-01-01T03:30:15')?.toISOString()).toBe('2025-12-31T20:30:15.000Z');
    expect(wibLocalInput('2026-12-24T01:00:00.000Z')).toBe('2026-12-24T08:00');
    expect(wibLocalInput(new Date('2026-12-31T17:00:00Z'))).toBe('2027-01-01T00:00');
    expect(wibDay('2026-12-31T17:00:00Z')).toBe('2027-01-01');
  });

  it('refuses what is not a real time instead of rolling it over', () => {
    for (const bad of ['2026-02-30T08:00', '2026-12-24T24:30', '2026-12-24', '24/12/2026 08:00', '']) expect(fromWibLocal(bad), bad).toBeNull();
  });

  it('gives midday WIB of a day and writes an instant with the +07:00 offset', () => {
    expect(wibMidday('2026-12-31').toISOString()).toBe('2026-12-31T05:00:00.000Z');
    expect(wibDay(wibMidday('2026-01-01'))).toBe('2026-01-01');
    expect(wibIsoWithOffset(new Date('2026-12-31T20:00:00Z'))).toBe('2027-01-01T03:00:00+07:00');
  });

  it("reads the composer's schedule field through the same parser (trimmed; impossible dates refused)", () => {
    expect(wibToIso(' 2026-11-28T08:00 ')).toBe('2026-11-28T01:00:00.000Z');
    expect(wibToIso('2026-02-30T08:00')).toBeNull();
    expect(wibToIso('2026-11-28T08:60')).toBeNull();
  });
});
