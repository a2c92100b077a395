import { AsyncLocalStorage } from 'node:async_hooks';
import { messages } from './messages/terms.js';

// Which words a text uses for "kelurahan", "lurah", "kota", "wali kota" … depends on the unit it
// is about and on the region (issue 14, point 11). Texts carry the placeholders named in
// TERM_NAMES; `t()` fills them from the request's terms (set once per request by the web edge,
// from the unit and the region) unless the caller passes them itself.

export type UnitTermKind = 'kelurahan' | 'desa' | 'kecamatan' | 'opd';
export type RegionKind = 'kota' | 'kabupaten';
export interface TermContext {
  unit: UnitTermKind;
  region: RegionKind;
}

/** Placeholders by what decides them: the unit's kind, or the region's. */
const UNIT_TERMS = ['kel', 'Kel', 'lurah', 'Lurah'] as const;
const REGION_TERMS = ['kota', 'Kota', 'walikota', 'Walikota', 'pemkot'] as const;
export const TERM_NAMES: readonly string[] = [...UNIT_TERMS, ...REGION_TERMS];

export const DEFAULT_TERMS: TermContext = { unit: 'kelurahan', region: 'kota' };

/** A unit kind as stored (kota/kabupaten included) → the kind whose words apply. */
export function unitTermKind(kind: string): UnitTermKind {
  return kind === 'desa' || kind === 'kecamatan' || kind === 'opd' ? kind : 'kelurahan';
}

type Locale = 'id' | 'en';
const cache = new Map<string, Record<string, string>>();

/** The words for one context, as placeholder values: { kel: 'desa', Lurah: 'Kepala Desa', … }. */
export function termParams(ctx: TermContext = currentTerms(), locale: Locale = 'id'): Record<string, string> {
  const key = `${locale}:${ctx.unit}:${ctx.region}`;
  let out = cache.get(key);
  if (!out) {
    const cat = messages[locale] as Record<string, string>;
    out = {};
    for (const n of UNIT_TERMS) out[n] = cat[`term.${n}.${ctx.unit}`]!;
    for (const n of REGION_TERMS) out[n] = cat[`term.${n}.${ctx.region}`]!;
    cache.set(key, out);
  }
  return out;
}

const store = new AsyncLocalStorage<TermContext>();

/** Runs `fn` (a request) with these words for every text it renders. */
export const withTerms = <T>(ctx: TermContext, fn: () => T): T => store.run(ctx, fn);
export const currentTerms = (): TermContext => store.getStore() ?? DEFAULT_TERMS;
