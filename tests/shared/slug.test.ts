import { describe, expect, it } from 'vitest';
import { MAX_SLUG, slugify, uniqueSlug } from '../../src/shared/slug.js';

describe('slugify cuts long titles at a word boundary', () => {
  it('keeps whole words: the issue’s title ends on "hujan", not "huj"', () => {
    const title = 'Kerja bakti warga RT 03 membersihkan saluran air dan selokan jelang musim hujan tahun ini';
    const s = slugify(title);
    expect(s.length).toBeLessThanOrEqual(MAX_SLUG);
    // Every part of the slug is a whole word of the title.
    const words = new Set(slugify(title).split('-'));
    for (const w of words) expect(title.toLowerCase().split(/\s+/)).toContain(w);
    expect(s).toBe('kerja-bakti-warga-rt-03-membersihkan-saluran-air-dan-selokan');
  });

  it('a word ending exactly at the limit is kept whole', () => {
    const title = `${'a'.repeat(29)} ${'b'.repeat(30)} ccc`;
    expect(slugify(title)).toBe(`${'a'.repeat(29)}-${'b'.repeat(30)}`);
  });

  it('one word longer than the limit is cut (there is no boundary to cut at)', () => {
    expect(slugify('x'.repeat(80))).toBe('x'.repeat(MAX_SLUG));
  });

  it('short titles, accents and punctuation are unchanged by the cut', () => {
    expect(slugify('Pengumuman: Posyandu Desember!')).toBe('pengumuman-posyandu-desember');
    expect(slugify('Café Kelurahan’s')).toBe('cafe-kelurahans');
  });

  it('the numbered fallback of uniqueSlug still builds on the cut slug', () => {
    const long = 'Kerja bakti warga RT 03 membersihkan saluran air dan selokan jelang musim hujan';
    const first = slugify(long);
    expect(uniqueSlug([long], new Set([first]))).toBe(`${first}-2`);
  });
});
