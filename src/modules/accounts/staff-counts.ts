import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import { scopeFilter } from '../../shared/region-scope.js';

/** Active staff accounts per regency inside a scope, in one aggregate query (decision 0017). */
export async function activeStaffByRegion(db: Kysely<DB>, scope: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('users')
    .select(['region_code', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('status', '=', 'active')
    .where(scopeFilter(scope, 'region_code'))
    .groupBy('region_code')
    .execute();
  return new Map(rows.map((r) => [r.region_code, Number(r.n)]));
}
