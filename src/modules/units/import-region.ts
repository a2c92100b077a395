import type { Insertable, Kysely } from 'kysely';
import type { DB, UnitKind } from '../../db/schema/index.js';
import type { Clock } from '../../shared/clock.js';
import { newId } from '../../shared/ids.js';
import { type Result, err, ok } from '../../shared/result.js';
import { uniqueSlug } from '../../shared/slug.js';
import {
  type DistrictRecord, type RegencyRecord, type VillageRecord,
  allAreasByRegency, allRegencies, districtsOf, findRegency, regenciesOf, regionDataEdition, titleCase, villagesOf,
} from './region-data.js';
import { getCitySetting, setCitySetting } from './city-settings.js';

// Where a city spells its own name differently from the Kemendagri data, the city's spelling
// (as used in its Perda and on its seal) is what citizens recognise.
const OWN_SPELLING: Record<string, string> = { '19.71': 'Kota Pangkalpinang' };
const preferredRegencyName = (code: string, name: string) => OWN_SPELLING[code] ?? titleCase(name);

/** Rows per INSERT: 11 columns × 500 stays far below SQLite's and PostgreSQL's parameter limits. */
const BATCH = 500;

export interface ImportSummary {
  region: string;
  regencyName: string;
  created: number;
  unchanged: number;
  kecamatan: number;
  kelurahan: number;
  desa: number;
}

/** What to import: regency codes, every regency of a province, or the whole country. */
export type RegionSelection = { regencies: string[] } | { province: string } | { national: true };

/** The regencies a selection names, or the first code the data does not know. */
export function resolveSelection(sel: RegionSelection): Result<RegencyRecord[], 'unknown_region'> {
  if ('national' in sel) return ok(allRegencies());
  if ('province' in sel) {
    const list = regenciesOf(sel.province);
    return list.length ? ok(list) : err('unknown_region', sel.province);
  }
  const out: RegencyRecord[] = [];
  for (const code of sel.regencies) {
    const r = findRegency(code);
    if (!r) return err('unknown_region', code);
    if (!out.includes(r)) out.push(r);
  }
  return ok(out);
}

/**
 * The city setting that says every unit of the data edition it names is in the database (written
 * in the import's transaction). Start-up asks regionImported() instead of reading the CSV files:
 * reading and splitting them was ~60% of a start's CPU and left megabytes of garbage behind.
 */
const IMPORTED_KEY = 'regionDataImported';

/** True when this regency was imported completely from the data this install ships (no file read). */
export async function regionImported(db: Kysely<DB>, regionCode: string): Promise<boolean> {
  return (await getCitySetting(db, regionCode, IMPORTED_KEY)) === regionDataEdition();
}

/**
 * Imports kota/kabupaten → kecamatan → kelurahan/desa for one regency code. Idempotent: units
 * are matched by official code, so a second run creates nothing and never renames a slug
 * (slugs are public URLs and host names; changing them would break links).
 */
export async function importRegion(db: Kysely<DB>, regionCode: string, clock: Clock): Promise<Result<ImportSummary, 'unknown_region'>> {
  const r = await importRegions(db, { regencies: [regionCode] }, clock);
  return r.ok ? ok(r.value[0]!) : r;
}

/**
 * Imports several regencies, a province or the country (83,762 villages). One transaction per
 * regency, so an interrupted national import keeps the regencies it finished and a rerun only
 * adds the rest; rows go in batches, and the slugs in use are read once, not per regency.
 */
export async function importRegions(
  db: Kysely<DB>,
  sel: RegionSelection,
  clock: Clock,
  onRegency?: (s: ImportSummary) => void,
): Promise<Result<ImportSummary[], 'unknown_region'>> {
  const resolved = resolveSelection(sel);
  if (!resolved.ok) return resolved;
  const list = resolved.value;
  // A start-up imports one regency: scanning its lines is cheaper than parsing every file.
  const all = list.length > 3 ? allAreasByRegency() : undefined;
  let taken: Set<string> | undefined;
  const edition = regionDataEdition();
  const out: ImportSummary[] = [];
  for (const regency of list) {
    const districts = all ? all.districts.get(regency.code) ?? [] : districtsOf(regency.code);
    const villages = all ? all.villages.get(regency.code) ?? [] : villagesOf(regency.code);
    const summary = await db.transaction().execute(async (trx) => {
      const existing = new Map<string, string>();
      for (const u of await trx.selectFrom('units').select(['id', 'code']).where('region_code', '=', regency.code).execute()) {
        if (u.code) existing.set(u.code, u.id);
      }
      // Every unit present (the usual start-up): no need to read every slug in use.
      const missing = !existing.has(regency.code) || districts.some((d) => !existing.has(d.code)) || villages.some((v) => !existing.has(v.code));
      if (missing) taken ??= await allSlugs(trx);
      const plan = planRegency(regency, districts, villages, existing, taken ?? new Set(), clock.now().toISOString());
      for (let i = 0; i < plan.rows.length; i += BATCH) await trx.insertInto('units').values(plan.rows.slice(i, i + BATCH)).execute();
      if ((await getCitySetting(trx, regency.code, IMPORTED_KEY)) !== edition) await setCitySetting(trx, regency.code, IMPORTED_KEY, edition, clock);
      return plan.summary;
    });
    out.push(summary);
    onRegency?.(summary);
  }
  return ok(out);
}

async function allSlugs(db: Kysely<DB>): Promise<Set<string>> {
  return new Set((await db.selectFrom('units').select('slug').execute()).map((r) => r.slug));
}

/** The rows one regency still lacks, parents before children, with free slugs (added to `taken`). */
function planRegency(
  regency: RegencyRecord,
  districts: DistrictRecord[],
  villages: VillageRecord[],
  existing: Map<string, string>,
  taken: Set<string>,
  now: string,
): { rows: Insertable<DB['units']>[]; summary: ImportSummary } {
  const regencyName = preferredRegencyName(regency.code, regency.name);
  const summary: ImportSummary = {
    region: regency.code,
    regencyName,
    created: 0,
    unchanged: 0,
    kecamatan: districts.length,
    kelurahan: villages.filter((v) => v.kind === 'kelurahan').length,
    desa: villages.filter((v) => v.kind === 'desa').length,
  };
  const rows: Insertable<DB['units']>[] = [];
  const idByCode = new Map<string, string>();
  const add = (code: string, kind: UnitKind, name: string, parentId: string | null, slugs: string[]): string => {
    const found = existing.get(code);
    if (found) {
      summary.unchanged++;
      idByCode.set(code, found);
      return found;
    }
    const slug = uniqueSlug(slugs, taken);
    taken.add(slug);
    const id = newId();
    rows.push({ id, code, kind, name, slug, parent_id: parentId, region_code: regency.code, settings: '{}', is_demo: 0, created_at: now, updated_at: now });
    summary.created++;
    idByCode.set(code, id);
    return id;
  };

  const shortName = regencyName.replace(/^(Kota|Kabupaten)\s+/, '');
  const rootKind: UnitKind = regency.name.startsWith('KOTA') ? 'kota' : 'kabupaten';
  const rootId = add(regency.code, rootKind, regencyName, null, [regencyName, `${regencyName} ${regency.code}`]);
  const districtName = new Map<string, string>();
  for (const d of districts) {
    districtName.set(d.code, d.name);
    add(d.code, 'kecamatan', d.name, rootId, [`kecamatan ${d.name}`, `kecamatan ${d.name} ${shortName}`]);
  }
  for (const v of villages) {
    const kec = districtName.get(v.districtCode) ?? '';
    // Most readable first: the plain name; then with the kecamatan; then with the regency.
    add(v.code, v.kind, v.name, idByCode.get(v.districtCode) ?? null, [v.name, `${v.name} ${kec}`, `${v.name} ${kec} ${shortName}`]);
  }
  return { rows, summary };
}
