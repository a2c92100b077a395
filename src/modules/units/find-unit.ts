import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import { type UnitRow, unitRepository } from './unit-repository.js';

/** A unit of the served region by its slug; units of other imported regions are not served. */
export async function findUnitBySlug(db: Kysely<DB>, region: string, slug: string): Promise<UnitRow | undefined> {
  const unit = await unitRepository.bySlug(db, slug.toLowerCase());
  return unit && unit.region_code === region ? unit : undefined;
}

export const findUnitById = (db: Kysely<DB>, id: string) => unitRepository.byId(db, id);

/** The unit and its ancestors (kelurahan → kecamatan → kota), nearest first. */
export async function unitLineage(db: Kysely<DB>, unit: UnitRow): Promise<UnitRow[]> {
  const out = [unit];
  let current = unit;
  while (current.parent_id && out.length < 5) {
    const parent = await unitRepository.byId(db, current.parent_id);
    if (!parent) break;
    out.push(parent);
    current = parent;
  }
  return out;
}
