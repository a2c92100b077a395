import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema/index.js';

// Read model. Joins units (units) to web_presences: the regencies with at least one watched unit
// (an active presence), for the worker's jobs that evaluate every regency of an install holding
// several (decision 0017). One DISTINCT query, never one per regency.

export async function watchedRegions(db: Kysely<DB>): Promise<string[]> {
  const rows = await db
    .selectFrom('web_presences')
    .innerJoin('units', 'units.id', 'web_presences.unit_id')
    .select('units.region_code')
    .distinct()
    .where('web_presences.active', '=', 1)
    .execute();
  return rows.map((r) => r.region_code).sort();
}
