import { describe, expect, it } from 'vitest';
import { catalogues } from '../../src/i18n/index.js';
import { reasonText, reasonsText } from '../../src/i18n/monitoring-reasons.js';

// Verdicts and the report data carry reason codes (issue 19 points 2 and 3); every place that
// shows one — dashboard, unit page, rapor PDF/XLSX, reminders — says it with reasonText.

const reasonKeys = (lang: 'id' | 'en') => Object.values(catalogues).flatMap((c) => Object.keys(c[lang])).filter((k) => k.startsWith('monitoring.reason.'));

describe('monitoring reason words', () => {
  it('has Indonesian and English for every reason code, and says each without leftover placeholders', () => {
    const id = reasonKeys('id');
    expect(id.length).toBeGreaterThan(50);
    expect(new Set(reasonKeys('en'))).toEqual(new Set(id));
    for (const key of id) {
      const text = reasonText({ code: key.slice('monitoring.reason.'.length) });
      expect(text).not.toMatch(/^monitoring\.reason\./);
      expect(text).not.toMatch(/\{\w+\}/);
    }
  });

  it('says a code with its values, instants as WIB days', () => {
    expect(reasonText({ code: 'site_down', params: { url: 'https://bacang.example' } })).toBe('Situs https://bacang.example tidak dapat dibuka.');
    // 17:30 UTC on 4 January is already 5 January in WIB.
    expect(reasonText({ code: 'stale', params: { latest: '2027-01-04T17:30:00.000Z' } })).toBe('Konten terakhir terbit 5 Januari 2027.');
    expect(reasonsText([{ code: 'no_website' }, { code: 'profile_unknown' }])).toBe('Belum ada situs web yang terdaftar.; Kelengkapan profil belum diukur.');
  });

  it('shows a reason kept as a sentence as written, and does not crash on an unknown code', () => {
    expect(reasonText('Tidak ada konten pada periode ini')).toBe('Tidak ada konten pada periode ini');
    expect(() => reasonText({ code: 'no_such_reason_yet' })).not.toThrow();
  });
});
