import { type Kysely, sql } from 'kysely';
import { dialectOf } from './dialect.js';
import type { DB } from './schema/index.js';

// Full-text search across every unit's public content, behind one function. Neither engine ships
// an Indonesian analyser we can rely on (SQLite has none; PostgreSQL's `indonesian` snowball
// config is absent from some builds), so words are stemmed here, in the application, with a
// light version of the Tala/Snowball Indonesian stemmer. The indexed column holds both the word
// and its stem; engines only do exact/prefix token matching ("simple" / unicode61), which makes
// results identical on SQLite (FTS5) and PostgreSQL (GIN over to_tsvector('simple', …)).

const VOWELS = /[aeiou]/g;
const vowelCount = (w: string) => (w.match(VOWELS) ?? []).length;

/** Strips Indonesian particles, possessives, prefixes and suffixes: "pembangunannya" → "bangun". */
export function indonesianStem(word: string): string {
  let w = word.toLowerCase();
  if (w.length <= 4 || /\d/.test(w)) return w;
  const cut = (suffix: string) => {
    if (w.endsWith(suffix) && vowelCount(w.slice(0, -suffix.length)) >= 2) {
      w = w.slice(0, -suffix.length);
      return true;
    }
    return false;
  };
  cut('kah') || cut('lah') || cut('pun');
  cut('nya') || cut('ku') || cut('mu');

  let prefixed = false;
  const pre = (re: RegExp, replace: string) => {
    const m = w.match(re);
    if (!m) return false;
    const next = replace + w.slice(m[0].length);
    if (vowelCount(next) < 2 || next.length < 4) return false;
    w = next;
    prefixed = true;
    return true;
  };
  // First-order prefixes with the nasal recoding of the Tala rules (menyapu → sapu, memukul → pukul).
  pre(/^meng(?=[aeiougkh])/, '') ||
    pre(/^meny(?=[aeiou])/, 's') ||
    pre(/^mem(?=[aeiou])/, 'p') ||
    pre(/^mem(?=[bpf])/, '') ||
    pre(/^men(?=[cdjtz])/, '') ||
    pre(/^me(?=[lrwy])/, '') ||
    pre(/^peng(?=[aeiougkh])/, '') ||
    pre(/^peny(?=[aeiou])/, 's') ||
    pre(/^pem(?=[aeiou])/, 'p') ||
    pre(/^pem(?=[bpf])/, '') ||
    pre(/^pen(?=[cdjtz])/, '') ||
    pre(/^di/, '') ||
    pre(/^ter/, '') ||
    pre(/^ke/, '');
  // Derivational suffixes.
  if (!cut('kan')) cut('an') || (!/[aeious]i$/.test(w) && cut('i'));
  // Second-order prefixes (ber-, per-, pe-), only once.
  if (!prefixed || /^(ber|per|pe)/.test(w)) {
    pre(/^ber/, '') || pre(/^bel(?=ajar)/, '') || pre(/^per/, '') || pre(/^pe(?=[lwy])/, '');
  }
  return w;
}

/** Lowercased word tokens (letters and digits), diacritics removed. */
export function tokenize(text: string): string[] {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .match(/[a-z0-9]+/g) ?? []
  ).filter((t) => t.length >= 2);
}

/** The value stored in `content_items.search_text`: every word plus its stem, once each. */
export function searchTextOf(...parts: string[]): string {
  const seen = new Set<string>();
  for (const token of tokenize(parts.join(' '))) {
    seen.add(token);
    seen.add(indonesianStem(token));
  }
  return [...seen].join(' ');
}

export interface SearchHit {
  id: string;
  unitId: string;
  kind: string;
  slug: string;
  title: string;
  summary: string;
  publishAt: string;
}

export interface SearchOptions {
  query: string;
  /** ISO time: only items public at this moment are returned. */
  now: string;
  /** Restrict to these units (a unit's own search); all units when absent (the portal). */
  unitIds?: string[];
  limit?: number;
}

/**
 * Public content matching every word of the query (each word as a stem prefix), best first.
 * Drafts, archived and future-scheduled items never match.
 */
export async function searchContent(db: Kysely<DB>, opts: SearchOptions): Promise<SearchHit[]> {
  const terms = [...new Set(tokenize(opts.query).map(indonesianStem))].slice(0, 8);
  if (terms.length === 0) return [];
  const limit = Math.min(Math.max(opts.limit ?? 20, 1), 50);
  const unitFilter = opts.unitIds
    ? opts.unitIds.length === 0
      ? sql`and 1 = 0`
      : sql`and ci.unit_id in (${sql.join(opts.unitIds)})`
    : sql``;
  const visible = sql`ci.status in ('published', 'scheduled') and ci.publish_at is not null and ci.publish_at <= ${opts.now} and ci.kind <> 'halaman'`;

  if (dialectOf(db) === 'sqlite') {
    // FTS5 query syntax: quoted tokens with a prefix star, implicitly ANDed.
    const match = terms.map((t) => `"${t}"*`).join(' ');
    const r = await sql<HitRow>`
      select ci.id, ci.unit_id, ci.kind, ci.slug, ci.title, ci.summary, ci.publish_at
      from content_search s join content_items ci on ci.id = s.item_id
      where content_search match ${match} and ${visible} ${unitFilter}
      order by bm25(content_search), ci.publish_at desc limit ${limit}`.execute(db);
    return r.rows.map(toHit);
  }
  const tsquery = terms.map((t) => `${t}:*`).join(' & ');
  const r = await sql<HitRow>`
    select ci.id, ci.unit_id, ci.kind, ci.slug, ci.title, ci.summary, ci.publish_at
    from content_items ci
    where to_tsvector('simple', ci.search_text) @@ to_tsquery('simple', ${tsquery}) and ${visible} ${unitFilter}
    order by ts_rank(to_tsvector('simple', ci.search_text), to_tsquery('simple', ${tsquery})) desc, ci.publish_at desc
    limit ${limit}`.execute(db);
  return r.rows.map(toHit);
}

/** The columns both queries select, as the engines return them. */
interface HitRow {
  id: string;
  unit_id: string;
  kind: string;
  slug: string;
  title: string;
  summary: string;
  publish_at: string;
}

const toHit = (r: HitRow): SearchHit => ({
  id: r.id,
  unitId: r.unit_id,
  kind: r.kind,
  slug: r.slug,
  title: r.title,
  summary: r.summary,
  publishAt: r.publish_at,
});
