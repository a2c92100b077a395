import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
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

describe('the English catalogue keeps the glossary', () => {
  // docs/glossary.md's table: | **term** | meaning | words to avoid |. The pendamping row bans
  // "mentor, trainer, coach"; an English text with one of them fails here.
  const glossary = readFileSync(path.resolve(import.meta.dirname, '../../docs/glossary.md'), 'utf8');
  const row = glossary.split('\n').find((l) => l.startsWith('| **pendamping**'))!;
  const banned = row.split('|')[3]!.split(',').map((w) => w.trim()).filter((w) => /^[a-z]+$/.test(w));

  it('never calls a pendamping by a banned word', () => {
    expect(banned).toEqual(['mentor', 'trainer', 'coach']);
    const english = Object.values(catalogues).flatMap((c) => Object.entries(c.en));
    const hits = english.filter(([, text]) => banned.some((w) => new RegExp(`\\b${w}`, 'i').test(text)));
    expect(hits).toEqual([]);
  });
});
