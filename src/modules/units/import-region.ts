import type { Kysely } from 'kysely';
import type { DB, UnitKind } from '../../db/schema/index.js';
import type { Clock } from '../../shared/clock.js';
import { newId } from '../../shared/ids.js';
import { type Result, err, ok } from '../../shared/result.js';
import { uniqueSlug } from '../../shared/slug.js';
import { districtsOf, findRegency, titleCase, villagesOf } from './region-data.js';
import { unitRepository } from './unit-repository.js';

// Where a city spells its own name differently from the Kemendagri data, the city's spelling
// (as used in its Perda and on its seal) is what citizens recognise.
const OWN_SPELLING: Record<string, string> = { '19.71': 'Kota Pangkalpinang' };
const preferredRegencyName = (code: string, name: string) => OWN_SPELLING[code] ?? titleCase(name);

export interface ImportSummary {
  region: string;
  regencyName: string;
  created: number;
  unchanged: number;
  kecamatan: number;
  kelurahan: number;
  desa: number;
}

/**
 * Imports kota/kabupaten → kecamatan → kelurahan/desa for one regency code. Idempotent: units
 * are matched by official code, so a second run creates nothing and never renames a slug
 * (slugs are public URLs and host names; changing them would break links).
 */
export async function importRegion(
  db: Kysely<DB>,
  regionCode: string,
  clock: Clock,
): Promise<Result<ImportSummary, 'unknown_region'>> {
  const regency = findRegency(regionCode);
  if (!regency) return err('unknown_region', regionCode);

  const districts = districtsOf(regionCode);
  const villages = villagesOf(regionCode);
  const now = clock.now().toISOString();
  const summary: ImportSummary = {
    region: regionCode,
    regencyName: preferredRegencyName(regency.code, regency.name),
    created: 0,
    unchanged: 0,
    kecamatan: districts.length,
    kelurahan: villages.filter((v) => v.kind === 'kelurahan').length,
    desa: villages.filter((v) => v.kind === 'desa').length,
  };

  await db.transaction().execute(async (trx) => {
    const taken = await unitRepository.allSlugs(trx);
    const idByCode = new Map<string, string>();

    const upsert = async (code: string, kind: UnitKind, name: string, parentId: string | null, slugs: string[]) => {
      const existing = await unitRepository.byCode(trx, code);
      if (existing) {
        summary.unchanged++;
        idByCode.set(code, existing.id);
        return existing.id;
      }
      const slug = uniqueSlug(slugs, taken);
      taken.add(slug);
      const id = newId();
      await trx
        .insertInto('units')
        .values({ id, code, kind, name, slug, parent_id: parentId, region_code: regionCode, settings: '{}', is_demo: 0, created_at: now, updated_at: now })
        .execute();
      summary.created++;
      idByCode.set(code, id);
      return id;
    };

    const regencyName = preferredRegencyName(regency.code, regency.name);
    const shortName = regencyName.replace(/^(Kota|Kabupaten)\s+/, '');
    const rootKind: UnitKind = regency.name.startsWith('KOTA') ? 'kota' : 'kabupaten';
    const rootId = await upsert(regency.code, rootKind, regencyName, null, [regencyName, `${regencyName} ${regency.code}`]);

    const districtName = new Map<string, string>();
    for (const d of districts) {
      districtName.set(d.code, d.name);
      await upsert(d.code, 'kecamatan', d.name, rootId, [`kecamatan ${d.name}`, `kecamatan ${d.name} ${shortName}`]);
    }
    for (const v of villages) {
      const parentId = idByCode.get(v.districtCode) ?? null;
      const kec = districtName.get(v.districtCode) ?? '';
      // Most readable first: the plain name; then with the kecamatan; then with the regency.
      await upsert(v.code, v.kind, v.name, parentId, [v.name, `${v.name} ${kec}`, `${v.name} ${kec} ${shortName}`]);
    }
  });

  return ok(summary);
}
