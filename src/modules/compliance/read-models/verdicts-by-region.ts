import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema/index.js';
import { scopeFilter } from '../../../shared/region-scope.js';

// Read model. Joins units (units) to compliance_verdicts: a period's verdicts counted per regency
// of a scope, for the province/national overview (decision 0017) — one aggregate query, never
// one per regency or per unit.

export interface RegionVerdicts {
  pass: number;
  fail: number;
  /** UNKNOWN, COMPROMISED and EXEMPT: not counted as either. */
  other: number;
}

export async function verdictsByRegion(db: Kysely<DB>, scope: string, periodKey: string): Promise<Map<string, RegionVerdicts>> {
  const rows = await db
    .selectFrom('compliance_verdicts as v')
    .innerJoin('units as u', 'u.id', 'v.unit_id')
    .select(['u.region_code', 'v.status', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('v.period_key', '=', periodKey)
    .where(scopeFilter(scope, 'u.region_code'))
    .groupBy(['u.region_code', 'v.status'])
    .execute();
  const out = new Map<string, RegionVerdicts>();
  for (const r of rows) {
    const f = out.get(r.region_code) ?? { pass: 0, fail: 0, other: 0 };
    const n = Number(r.n);
    if (r.status === 'PASS') f.pass += n;
    else if (r.status === 'FAIL') f.fail += n;
    else f.other += n;
    out.set(r.region_code, f);
  }
  return out;
}
