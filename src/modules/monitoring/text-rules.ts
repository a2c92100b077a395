// Word lists that turn page text into signals. They live in one place so Diskominfo can extend
// them (new gambling brands appear every month) without touching the checks. Text here is plain
// text already extracted by the HTML parser; these are phrase lists, not markup parsing.

/**
 * Terms that gambling-spam injections use and honest government pages practically never do
 * (Kominfo/Drone Emprit reports and titles seen on hijacked go.id pages; docs/reference).
 */
export const SPAM_TERMS = [
  'slot gacor', 'gacor hari ini', 'maxwin', 'rtp live', 'rtp slot', 'bocoran rtp', 'situs slot', 'slot online', 'judi slot',
  'slot88', 'slot777', 'gacor777', 'deposit pulsa', 'slot deposit', 'slot pulsa', 'slot dana', 'mahjong ways', 'mahjong wins',
  'gates of olympus', 'olympus1000', 'starlight princess', 'sweet bonanza', 'scatter hitam', 'togel online', 'togel hari ini',
  'togel sgp', 'togel hk', 'toto macau', 'toto togel', 'situs toto', 'bandar togel', 'bandar slot', 'bandar judi', 'agen slot',
  'agen togel', 'situs judi', 'judi bola online', 'casino online', 'live casino', 'poker online', 'sbobet', 'sv388',
  'pragmatic play', 'zeus slot', 'kakek zeus', 'slot demo', 'slot thailand', 'akun pro thailand', 'slot server', 'pola gacor',
  'jam gacor', 'link slot', 'daftar slot', 'slot terpercaya', 'situs gacor', 'link gacor', 'anti rungkad', 'bo slot',
  'slot mahjong', 'slot resmi', 'slot maxwin', 'spaceman slot',
];

/**
 * Words an honest page may use ("Waspada judi online!" is a real kelurahan announcement,
 * "lomba burung gacor" a real event), so they count only beside a spam term or each other.
 */
export const CONTEXT_TERMS = [
  'judi online', 'judi bola', 'judi', 'togel', 'casino', 'kasino', 'taruhan', 'zeus', 'pragmatic', 'scatter', 'gacor',
  'jackpot', 'link alternatif', 'akun pro', 'deposit', 'withdraw', 'freebet', 'bonus new member', 'rtp',
];

/**
 * Ordinary phrases that contain a gambling word (airports, places called Bandar, a person named
 * Toto): removed before the context words are counted, so they never raise a warning alone.
 */
const BENIGN_PHRASES = [
  /\bbandar\s+udara\b/g,
  /\bbandara\b/g,
  /\bbandar\s+(?!togel|slot|judi|bola|casino|kasino|online|terpercaya|resmi)[a-z]+/g,
  /\b(kecamatan|kelurahan|desa|kampung|nagari|kota|pelabuhan|dermaga)\s+bandar\b/g,
  /\btoto\s+(?!togel|macau|sgp|hk|4d|slot|online)[a-z]+/g,
  /\bdeposit(o)?\s+(bank|berjangka|tabungan|jaminan|sampah)\b/g,
  /\bbank\s+sampah\b/g,
];

/** Words that frame gambling as something to fight (anti-gambling notices, police news). */
const AGAINST_GAMBLING = /\b(waspada|bahaya|larangan|dilarang|berantas|pemberantasan|stop judi|tolak judi|jauhi|satgas|sosialisasi|himbauan|imbauan|dampak|memerangi|penindakan|ditangkap|diamankan|polres|polsek|polda|razia|pelaku|tersangka|ancaman pidana|kecanduan)\b/;

export interface LexiconHit {
  spam: string[];
  context: string[];
  /** The text frames gambling as something to fight (police news, anti-gambling notices). */
  against: boolean;
  /** 0 clean, 1–2 worth a look, ≥3 compromised (before the integrity check weighs the source). */
  score: number;
}

export function normaliseText(s: string): string {
  const lower = s.toLowerCase();
  // Spammers write "ｓｌｏｔ" in full-width letters; NFKC folds them, but it is costly, so only
  // text with non-ASCII characters pays for it.
  return (/[^\x00-\x7f]/.test(lower) ? lower.normalize('NFKC') : lower).replace(/[-_/+.]+/g, ' ').replace(/\s+/g, ' ');
}

// Compiled once: a sweep scans tens of thousands of texts. Word boundaries so "bandara" is not
// "bandar"; optional spaces so "slotgacor" is "slot gacor". Each term is tested on its own, so
// overlapping phrases ("slot gacor hari ini") count as the separate signals they are.
const compile = (terms: string[]) => terms.map((term) => [term, new RegExp(`(?<![a-z0-9])${term.replace(/ /g, '\\s*')}(?![a-z0-9])`)] as const);
const SPAM_RE = compile(SPAM_TERMS);
const CONTEXT_RE = compile(CONTEXT_TERMS);
/**
 * Cheap first look, built from the lists themselves (the longest word of every term, which any
 * match must contain): most texts have none of them and are done in one pass.
 */
const ANY = new RegExp(
  [...new Set([...SPAM_TERMS, ...CONTEXT_TERMS].map((t) => t.split(' ').sort((a, b) => b.length - a.length)[0]!))].join('|'),
);

export function scanLexicon(text: string): LexiconHit {
  let t = normaliseText(text);
  if (!ANY.test(t)) return { spam: [], context: [], against: false, score: 0 };
  const spam = SPAM_RE.filter(([, re]) => re.test(t)).map(([term]) => term);
  for (const re of BENIGN_PHRASES) t = t.replace(re, ' ');
  // A context word inside a spam term it already counted is not a second signal.
  const context = CONTEXT_RE.filter(([term, re]) => re.test(t) && !spam.some((s) => s.includes(term))).map(([term]) => term);
  return { spam, context, against: AGAINST_GAMBLING.test(t), score: spam.length * 3 + context.length };
}

/**
 * How strongly a text says "gambling spam": a spam term in a title or link is decisive; in body
 * text it takes two spam terms, or one with two context words, unless the text is an
 * anti-gambling notice that names a few terms to warn people.
 */
export function spamStrength(h: LexiconHit, where: 'title' | 'link' | 'text'): 'none' | 'mention' | 'strong' {
  if (h.spam.length === 0) return h.context.length >= 3 && !h.against ? 'strong' : h.context.length >= 2 ? 'mention' : 'none';
  if (where !== 'text') return 'strong';
  if (h.against && h.spam.length <= 2) return 'mention';
  return h.spam.length >= 2 || h.context.length >= 2 ? 'strong' : 'mention';
}

const PARKED_PHRASES = [
  'domain for sale', 'buy this domain', 'this domain is for sale', 'is for sale', 'domain ini dijual', 'dijual domain',
  'related searches', 'related links', 'parked free', 'parkingcrew', 'sedoparking', 'sedo domain parking', 'bodis',
  'domain has expired', 'this domain has expired', 'domain ini telah kedaluwarsa', 'hugedomains', 'afternic', 'dan com',
  'domain parked', 'parked domain', 'make an offer', 'register this domain', 'inquire about this domain', 'get this domain',
  'this web page is parked', 'the owner of this domain', 'renew now',
];

export function parkedPhrases(text: string): string[] {
  const t = normaliseText(text);
  return PARKED_PHRASES.filter((p) => t.includes(p));
}

// A go.id domain that Kominfo deactivated, a hosting account suspended, or an ISP block page.
const SUSPENDED_PHRASES = [
  'telah dinonaktifkan', 'dinonaktifkan sementara', 'situs ini dinonaktifkan', 'internet positif', 'internetpositif',
  'situs ini diblokir', 'domain suspended', 'account suspended', 'account has been suspended', 'this account has been suspended',
  'website suspended', 'site suspended', 'hosting suspended', 'akun hosting ditangguhkan', 'layanan hosting dihentikan',
  'this site has been suspended', 'suspendedpage', 'trustpositif', 'aduankonten',
];

export function suspendedPhrases(text: string): string[] {
  const t = normaliseText(text);
  return SUSPENDED_PHRASES.filter((p) => t.includes(normaliseText(p)));
}

/** Bot challenges (Cloudflare-style, DDoS guards): the site works in a browser, not for us. */
const CHALLENGE_PHRASES = [
  'checking your browser', 'just a moment', 'verify you are human', 'verifying you are human', 'attention required',
  'enable javascript and cookies to continue', 'ddos protection by', 'please wait while we are checking your browser',
  'one more step', 'please complete the security check', 'sedang memeriksa browser anda', 'cf-browser-verification',
  'are you a robot', 'captcha',
];

export function challengePhrases(text: string): string[] {
  const t = normaliseText(text);
  return CHALLENGE_PHRASES.filter((p) => t.includes(normaliseText(p)));
}

const NOT_FOUND = /(\b404\b|not found|tidak ditemukan|halaman tidak ada|tidak dapat ditemukan|page not found|halaman yang anda cari)/i;

export const looksNotFound = (s: string): boolean => NOT_FOUND.test(s);

/** "This site needs JavaScript": the words script-only shells show in <noscript>. */
const NEEDS_SCRIPT = /(enable javascript|javascript (is )?(required|disabled)|you need to enable javascript|aktifkan javascript|javascript (harus|perlu) (diaktifkan|dihidupkan)|this app works best with javascript)/i;

export const asksForJavaScript = (s: string): boolean => NEEDS_SCRIPT.test(s);

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

/**
 * What a site shows when its server side is broken but the web server still answers 200:
 * WordPress's database and critical-error screens (English and Indonesian), PHP errors, SQL errors.
 */
const ERROR_PAGE = /(error establishing a database connection|galat (saat|ketika|dalam) membuat koneksi (ke )?basis data|there has been a critical error on (this|your) website|(terjadi|ada) galat kritis|(fatal|parse) error:|warning: mysqli?_|uncaught (exception|error)|sqlstate\[|database error|koneksi (ke )?database gagal)/i;

/** The error message a broken site shows instead of its pages, if any: the most specific one. */
export function errorPagePhrase(text: string): string | null {
  const found = [...text.matchAll(new RegExp(ERROR_PAGE.source, 'gi'))].map((m) => m[0]);
  return found.sort((a, b) => b.length - a.length)[0] ?? null;
}
