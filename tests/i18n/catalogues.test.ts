import { describe, expect, it } from 'vitest';
import { catalogues, formatDateTime, t } from '../../src/i18n/index.js';

describe('i18n', () => {
  for (const [name, c] of Object.entries(catalogues)) {
    it(`keeps the ${name} catalogue's Indonesian and English keys in step`, () => {
      expect(Object.keys(c.en).sort()).toEqual(Object.keys(c.id).sort());
      for (const [k, v] of Object.entries(c.id)) expect(v.trim(), k).not.toBe('');
    });
  }

  it('fills placeholders and shows unknown keys as themselves', () => {
    expect(t('admin.home.greeting', { name: 'Bu Sari' })).toBe('Selamat datang, Bu Sari');
    expect(t('admin.home.greeting', { name: 'Sari' }, 'en')).toBe('Welcome, Sari');
    // @ts-expect-error a key no catalogue has fails the typecheck; at run time it shows itself
    expect(t('tidak.ada')).toBe('tidak.ada');
  });

  it('shows times in WIB', () => {
    expect(formatDateTime('2026-11-28T16:59:00Z')).toMatch(/^28 November 2026 (pukul )?23[.:]59 WIB$/);
    expect(formatDateTime('2026-11-28T17:00:00Z')).toMatch(/^29 November 2026/);
  });
});
