import type { Kysely } from 'kysely';
import { unitRepository } from '../units/index.js';
import * as z from 'zod';
import type { DB } from '../../db/schema/index.js';
import type { Clock } from '../../shared/clock.js';
import { type Result, err, ok } from '../../shared/result.js';

// Per-unit settings of pelayanan (letter numbering, signer, letterhead) and the city-wide ones
// (how long documents are kept after a request closes), in one table keyed by unit id; the
// city's row is keyed by the kota/kabupaten unit.

export const DEFAULT_NUMBER_FORMAT = '{kode}/{nomor}/{singkatan}/{bulan}/{tahun}';

export const unitSettingsSchema = z.object({
  /** "KEL-BCG": the unit's short name in letter numbers. */
  singkatan: z.string().trim().max(30).default(''),
  formatNomor: z
    .string()
    .trim()
    .min(7)
    .max(80)
    .refine((s) => s.includes('{nomor}'), 'no_number')
    .default(DEFAULT_NUMBER_FORMAT),
  /** Empty: the approving lurah signs with their own name. */
  penandatanganNama: z.string().trim().max(120).default(''),
  penandatanganJabatan: z.string().trim().max(120).default(''),
  penandatanganNip: z.string().trim().max(30).default(''),
  /** Lines under the unit name on the letterhead (address, telephone, e-mail). */
  kopAlamat: z.string().trim().max(300).default(''),
});
export type UnitPelayananSettings = z.infer<typeof unitSettingsSchema>;

export const citySettingsSchema = z.object({
  /** Days after a request or complaint closes before its documents are deleted. */
  retensiHari: z.number().int().min(7).max(3650).default(90),
});
export type CityPelayananSettings = z.infer<typeof citySettingsSchema>;

/** The city's settings form: the days arrive as text ('' or letters are a problem of the field). */
export const citySettingsFormSchema = z.object({ retensiHari: z.coerce.number().pipe(citySettingsSchema.shape.retensiHari.unwrap()) });

async function readRow(db: Kysely<DB>, unitId: string): Promise<unknown> {
  const row = await db.selectFrom('pelayanan_unit_settings').select('data').where('unit_id', '=', unitId).executeTakeFirst();
  if (!row) return {};
  try {
    return JSON.parse(row.data);
  } catch {
    return {};
  }
}

async function writeRow(db: Kysely<DB>, unitId: string, data: unknown, now: Date): Promise<void> {
  const text = JSON.stringify(data);
  await db
    .insertInto('pelayanan_unit_settings')
    .values({ unit_id: unitId, data: text, updated_at: now.toISOString() })
    .onConflict((oc) => oc.column('unit_id').doUpdateSet({ data: text, updated_at: now.toISOString() }))
    .execute();
}

export async function getUnitSettings(db: Kysely<DB>, unitId: string): Promise<UnitPelayananSettings> {
  const r = unitSettingsSchema.safeParse(await readRow(db, unitId));
  return r.success ? r.data : unitSettingsSchema.parse({});
}

export type SettingsError = 'invalid_input' | 'no_number';

export async function saveUnitSettings(db: Kysely<DB>, clock: Clock, unitId: string, input: unknown): Promise<Result<UnitPelayananSettings, SettingsError>> {
  const r = unitSettingsSchema.safeParse(input);
  if (!r.success) return err(r.error.issues.some((i) => i.message === 'no_number') ? 'no_number' : 'invalid_input');
  await writeRow(db, unitId, r.data, clock.now());
  return ok(r.data);
}

export async function getCitySettings(db: Kysely<DB>, cityUnitId: string): Promise<CityPelayananSettings> {
  const r = citySettingsSchema.safeParse(await readRow(db, cityUnitId));
  return r.success ? r.data : citySettingsSchema.parse({});
}

export async function saveCitySettings(db: Kysely<DB>, clock: Clock, cityUnitId: string, input: unknown): Promise<Result<CityPelayananSettings, 'invalid_input'>> {
  const r = citySettingsSchema.safeParse(input);
  if (!r.success) return err('invalid_input');
  await writeRow(db, cityUnitId, r.data, clock.now());
  return ok(r.data);
}

/** The kota/kabupaten unit of a region: owner of city-wide templates, holidays and settings. */
export async function cityUnitOf(db: Kysely<DB>, region: string): Promise<{ id: string; name: string; kind: string } | undefined> {
  const city = await unitRepository.cityOfRegion(db, region);
  return city ? { id: city.id, name: city.name, kind: city.kind } : undefined;
}
