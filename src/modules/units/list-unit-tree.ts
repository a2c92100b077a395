import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import { type UnitRow, unitRepository } from './unit-repository.js';

export interface UnitTree {
  root: UnitRow | undefined;
  kecamatan: { unit: UnitRow; children: UnitRow[] }[];
  opd: UnitRow[];
}

/** The region as the portal shows it: kecamatan with their kelurahan/desa, and OPD apart. */
export async function listUnitTree(db: Kysely<DB>, region: string): Promise<UnitTree> {
  const units = await unitRepository.inRegion(db, region);
  const root = units.find((u) => u.kind === 'kota' || u.kind === 'kabupaten');
  const byParent = new Map<string, UnitRow[]>();
  for (const u of units) {
    if (!u.parent_id) continue;
    const list = byParent.get(u.parent_id) ?? [];
    list.push(u);
    byParent.set(u.parent_id, list);
  }
  const kecamatan = units
    .filter((u) => u.kind === 'kecamatan')
    .sort((a, b) => (a.code ?? '').localeCompare(b.code ?? ''))
    .map((unit) => ({ unit, children: (byParent.get(unit.id) ?? []).sort((a, b) => a.name.localeCompare(b.name, 'id')) }));
  const opd = units.filter((u) => u.kind === 'opd').sort((a, b) => a.name.localeCompare(b.name, 'id'));
  return { root, kecamatan, opd };
}
