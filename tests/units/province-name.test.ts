import { describe, expect, it } from 'vitest';
import { provinceNameOf } from '../../src/modules/units/index.js';

// The beranda's JSON-LD address names the province; it must follow the configured region, not
// Pangkalpinang's, when Beranda serves another regency.
describe('provinceNameOf', () => {
  it('names the province of a regency code from the official data', () => {
    expect(provinceNameOf('19.71')).toBe('Kepulauan Bangka Belitung');
    expect(provinceNameOf('11.01')).toBe('Aceh');
    expect(provinceNameOf('31.71')).toBe('DKI Jakarta');
  });

  it('answers undefined for a code that names no province', () => {
    expect(provinceNameOf('99.99')).toBeUndefined();
  });
});
