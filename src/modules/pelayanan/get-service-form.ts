import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import { type Result, err, ok } from '../../shared/result.js';
import { getUnitService, listUnitServices } from '../services/index.js';
import { unitArea } from './unit-area.js';
import { type FormAdjustment, type ServiceForm, buildServiceForm, parseFormAdjustment } from './service-form.js';

async function adjustmentsOf(db: Kysely<DB>, unitId: string): Promise<Map<string, FormAdjustment | null>> {
  const rows = await db.selectFrom('pelayanan_service_settings').select(['service_code', 'form']).where('scope_unit_id', '=', unitId).execute();
  return new Map(rows.map((r) => [r.service_code, parseFormAdjustment(r.form)]));
}

/** The online form of one enabled layanan of a unit; `not_online` when the unit takes it at the counter only. */
export async function getServiceForm(db: Kysely<DB>, unitId: string, code: string): Promise<Result<ServiceForm, 'not_found' | 'not_online'>> {
  const service = await getUnitService(db, unitId, code);
  if (!service.ok) return err('not_found');
  const form = buildServiceForm(service.value, (await adjustmentsOf(db, unitId)).get(code) ?? null);
  return form.online ? ok({ ...form, area: await unitArea(db, unitId) }) : err('not_online');
}

/** Every layanan of the unit with its online form (staff settings list; the public list marks the online ones). */
export async function listServiceForms(db: Kysely<DB>, unitId: string): Promise<(ServiceForm & { enabled: boolean })[]> {
  const [services, adj] = await Promise.all([listUnitServices(db, unitId), adjustmentsOf(db, unitId)]);
  return services.map((s) => ({ ...buildServiceForm(s, adj.get(s.code) ?? null), enabled: s.enabled }));
}

export async function saveFormAdjustment(db: Kysely<DB>, args: { unitId: string; code: string; adjustment: FormAdjustment; userId: string | null; now: Date }): Promise<void> {
  const form = JSON.stringify(args.adjustment);
  const at = args.now.toISOString();
  await db
    .insertInto('pelayanan_service_settings')
    .values({ scope_unit_id: args.unitId, service_code: args.code, form, template: null, updated_by: args.userId, updated_at: at })
    .onConflict((oc) => oc.columns(['scope_unit_id', 'service_code']).doUpdateSet({ form, updated_by: args.userId, updated_at: at }))
    .execute();
}

/** Layanan the unit takes at the counter only (online switched off): the public pages hide "Ajukan". */
export async function offlineServiceCodes(db: Kysely<DB>, unitId: string): Promise<Set<string>> {
  const adj = await adjustmentsOf(db, unitId);
  return new Set([...adj].filter(([, a]) => a?.online === false).map(([code]) => code));
}
