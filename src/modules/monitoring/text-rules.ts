// Word lists that turn page text into signals. They live in one place so Diskominfo can extend
// them (new gambling brands appear every month) without touching the checks.

/**
 * Terms that spam injections use and honest government pages practically never do. One of them
 * is enough. Sources: Kominfo/Drone Emprit reports and titles seen on hijacked go.id pages
 * (reference/freshness.md §3.2).
 */
export const SPAM_TERMS = [
  'slot gacor', 'gacor hari ini', 'maxwin', 'rtp live', 'rtp slot', 'situs slot', 'slot online',
  'slot88', 'slot777', 'deposit pulsa', 'slot deposit', 'mahjong ways', 'gates of olympus',
  'scatter hitam', 'togel online', 'bandar togel', 'bandar slot', 'agen slot', 'link alternatif',
  'sbobet', 'sv388', 'pragmatic play', 'zeus slot', 'akun pro', 'slot demo', 'toto togel',
];

/**
 * Words an honest page may use ("Waspada judi online!" is a real kelurahan announcement), so
 * they only count together: three distinct ones, or alongside a spam term.
 */
export const CONTEXT_TERMS = [
  'judi online', 'judi bola', 'togel', 'casino', 'kasino', 'taruhan', 'bandar', 'zeus', 'pragmatic',
  'scatter', 'toto', 'gacor', 'jackpot',
];

export interface LexiconHit {
  spam: string[];
  context: string[];
  /** 0 clean, 1–2 worth a look, ≥3 compromised. */
  score: number;
}

export function normaliseText(s: string): string {
  return s
    .toLowerCase()
    .replace(/[-_/+.]+/g, ' ')
    .replace(/\s+/g, ' ');
}

// Compiled once: a sweep scans tens of thousands of texts. Word boundaries so "bandara"
// (airport) is not "bandar"; optional spaces so "slotgacor" is "slot gacor".
const compile = (terms: string[]) => terms.map((term) => [term, new RegExp(`(^|[^a-z0-9])${term.replace(/ /g, '\\s*')}([^a-z0-9]|$)`)] as const);
const SPAM_RE = compile(SPAM_TERMS);
const CONTEXT_RE = compile(CONTEXT_TERMS);

export function scanLexicon(text: string): LexiconHit {
  const t = ` ${normaliseText(text)} `;
  const spam = SPAM_RE.filter(([, re]) => re.test(t)).map(([term]) => term);
  const context = CONTEXT_RE.filter(([, re]) => re.test(t)).map(([term]) => term);
  return { spam, context, score: spam.length * 3 + context.length };
}

export const COMPROMISED_SCORE = 3;

const PARKED_PHRASES = [
  'domain for sale', 'buy this domain', 'this domain is for sale', 'is for sale', 'domain ini dijual',
  'related searches', 'parked free', 'parkingcrew', 'sedoparking', 'sedo domain parking', 'bodis',
  'domain has expired', 'this domain has expired', 'hugedomains', 'afternic',
  'domain parked', 'the domain name', 'make an offer', 'register this domain',
];

export function parkedPhrases(text: string): string[] {
  const t = normaliseText(text);
  return PARKED_PHRASES.filter((p) => t.includes(p));
}

// A go.id domain that Kominfo deactivated, or a blocking page from the ISP.
const SUSPENDED_PHRASES = ['telah dinonaktifkan', 'dinonaktifkan sementara', 'internet positif', 'internetpositif', 'situs ini diblokir', 'domain suspended', 'account suspended'];

export function suspendedPhrases(text: string): string[] {
  const t = text.toLowerCase();
  return SUSPENDED_PHRASES.filter((p) => t.includes(p));
}

const NOT_FOUND = /(\b404\b|not found|tidak ditemukan|halaman tidak ada|tidak dapat ditemukan|page not found|halaman yang anda cari)/i;

export const looksNotFound = (s: string): boolean => NOT_FOUND.test(s);

/** Posts every fresh CMS install comes with; they prove nothing about the unit's activity. */
const DEFAULT_TITLES = /^(hello world!?|halo dunia!?|sample page|halaman contoh|contoh halaman|hello world|uncategorized)$/i;

export function isDefaultTitle(title: string): boolean {
  return DEFAULT_TITLES.test(title.trim()) || /lorem ipsum/i.test(title);
}

export function wordCount(text: string): number {
  const m = text.match(/[\p{L}\p{N}]+/gu);
  return m ? m.length : 0;
}

/** Rough similarity of two texts (Jaccard of word sets), for soft-404 detection. */
export function similarity(a: string, b: string): number {
  const wa = new Set(normaliseText(a).split(' ').filter(Boolean));
  const wb = new Set(normaliseText(b).split(' ').filter(Boolean));
  if (wa.size === 0 && wb.size === 0) return 1;
  let inter = 0;
  for (const w of wa) if (wb.has(w)) inter++;
  return inter / (wa.size + wb.size - inter);
}
