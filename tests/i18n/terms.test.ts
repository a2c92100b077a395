import { describe, expect, it } from 'vitest';
import { t, termParams, withTerms } from '../../src/i18n/index.js';

describe("the region's own words", () => {
  it('fills {kel}, {Lurah}, {Kota} … from the request’s terms', () => {
    expect(t('staff.menu.profile')).toBe('Profil kelurahan');
    expect(withTerms({ unit: 'desa', region: 'kabupaten' }, () => t('staff.menu.profile'))).toBe('Profil desa');
    expect(withTerms({ unit: 'kecamatan', region: 'kota' }, () => t('staff.menu.profile'))).toBe('Profil kecamatan');
  });

  it('keeps the words through awaits of the same request, and not beyond it', async () => {
    const inside = withTerms({ unit: 'desa', region: 'kabupaten' }, async () => {
      await new Promise((r) => setTimeout(r, 1));
      return t('staff.units.search');
    });
    expect(await inside).toBe('Cari nama desa, kecamatan atau OPD');
    expect(t('staff.units.search')).toBe('Cari nama kelurahan, kecamatan atau OPD');
  });

  it('lets a caller name the words itself, and has every word for every kind', () => {
    expect(t('staff.menu.profile', { kel: 'nagari' })).toBe('Profil nagari');
    for (const unit of ['kelurahan', 'desa', 'kecamatan', 'opd'] as const) {
      for (const region of ['kota', 'kabupaten'] as const) {
        for (const locale of ['id', 'en'] as const) {
          const words = termParams({ unit, region }, locale);
          for (const [name, word] of Object.entries(words)) expect(word, `${locale} ${unit} ${region} ${name}`).toBeTruthy();
        }
      }
    }
    expect(termParams({ unit: 'desa', region: 'kabupaten' })).toMatchObject({ Lurah: 'Kepala Desa', Walikota: 'Bupati', Kota: 'Kabupaten', pemkot: 'Pemkab' });
  });
});
