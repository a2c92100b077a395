import { describe, expect, it } from 'vitest';
import { CONTEXT_TERMS, SPAM_TERMS, scanLexicon, spamStrength } from '../../src/modules/monitoring/text-rules.js';

describe('the gambling lexicon', () => {
  it('finds every listed term, also written without spaces, in full-width letters or between punctuation', () => {
    for (const term of SPAM_TERMS) {
      expect(scanLexicon(`Info: ${term}!`).spam, term).toContain(term);
      expect(scanLexicon(term.replace(/ /g, '')).spam, term).toContain(term);
    }
    for (const term of CONTEXT_TERMS) expect(scanLexicon(`(${term})`).context.length + scanLexicon(`(${term})`).spam.length, term).toBeGreaterThan(0);
    expect(scanLexicon('ＳＬＯＴ ＧＡＣＯＲ').spam).toContain('slot gacor');
  });

  it('counts overlapping phrases as separate signals: a spam title of two phrases is strong in body text', () => {
    const h = scanLexicon('Daftar situs slot gacor hari ini maxwin');
    expect(h.spam).toEqual(expect.arrayContaining(['slot gacor', 'gacor hari ini', 'maxwin']));
    expect(spamStrength(h, 'text')).toBe('strong');
  });

  it('leaves ordinary words alone: airports, places called Bandar, bank deposits, words that merely contain a term', () => {
    for (const clean of ['Jadwal penerbangan Bandar Udara Depati Amir', 'Warga Kelurahan Bandar Jaya kerja bakti', 'Deposito berjangka di bank daerah', 'Bandara baru diresmikan', 'Pelatihan pemrograman slotted', 'Kegiatan bank sampah RW 05'])
      expect(spamStrength(scanLexicon(clean), 'text'), clean).toBe('none');
  });

  it('an anti-gambling notice naming the problem is at most a mention', () => {
    expect(spamStrength(scanLexicon('Waspada judi online! Polsek mengimbau warga menjauhi judi slot dan togel'), 'text')).not.toBe('strong');
  });
});
