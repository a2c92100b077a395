import { describe, expect, it } from 'vitest';
import { fromWibLocal, wibDay, wibLocalInput } from '../../src/shared/wib-time.js';

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
});
