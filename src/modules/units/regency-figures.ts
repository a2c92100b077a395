import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import { scopeFilter } from '../../shared/region-scope.js';

export interface RegencyFigures {
  code: string;
  name: string;
  kecamatan: number;
  villages: number;
  opd: number;
}

/**
 * Every imported regency inside a scope with its counts, for the province/national overview:
 * one aggregate query over the (region_code, kind) index, whatever the number of units
 * (91,554 for the whole country) — never a query per regency or per unit.
 */
export async function regencyFigures(db: Kysely<DB>, scope: string): Promise<RegencyFigures[]> {
  const kinds = await db
    .selectFrom('units')
    .select(['region_code', 'kind', (eb) => eb.fn.countAll<number | string>().as('n'), (eb) => eb.fn.max('name').as('name')])
    .where(scopeFilter(scope, 'region_code'))
    .groupBy(['region_code', 'kind'])
    .execute();
  const out = new Map<string, RegencyFigures>();
  for (const k of kinds) {
    const f = out.get(k.region_code) ?? { code: k.region_code, name: k.region_code, kecamatan: 0, villages: 0, opd: 0 };
    const n = Number(k.n);
    // The regency's own unit is the only one of its kind: its name is the regency's.
    if (k.kind === 'kota' || k.kind === 'kabupaten') f.name = String(k.name);
    else if (k.kind === 'kecamatan') f.kecamatan += n;
    else if (k.kind === 'kelurahan' || k.kind === 'desa') f.villages += n;
    else if (k.kind === 'opd') f.opd += n;
    out.set(k.region_code, f);
  }
  return [...out.values()].sort((a, b) => a.code.localeCompare(b.code));
}
