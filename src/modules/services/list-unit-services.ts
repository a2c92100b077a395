import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import { termParams } from '../../i18n/index.js';
import { type Result, err, ok } from '../../shared/result.js';
import { type Service, type UnitService, applyAdjustment, serviceAdjustmentSchema, serviceSchema } from './catalogue.js';
import { servicesRepository } from './services-repository.js';

export interface UnitServiceView extends UnitService {
  enabled: boolean;
  featured: boolean;
}

/** The city catalogue as one unit publishes it: its adjustments applied, hidden ones flagged. */
export async function listUnitServices(db: Kysely<DB>, unitId: string): Promise<UnitServiceView[]> {
  const [catalogue, rows] = await Promise.all([servicesRepository.catalogue(db), servicesRepository.unitRows(db, unitId)]);
  const byCode = new Map(rows.map((r) => [r.service_code, r]));
  const out: UnitServiceView[] = [];
  for (const c of catalogue) {
    const base = serviceSchema.safeParse(parse(c.data));
    if (!base.success) continue;
    const row = byCode.get(c.code);
    const adj = row ? serviceAdjustmentSchema.safeParse(parse(row.adjustment)) : null;
    out.push({
      ...fillTerms(applyAdjustment(base.data as Service, adj?.success ? adj.data : null)),
      enabled: row ? row.enabled === 1 : true,
      featured: row ? row.featured === 1 : false,
    });
  }
  return out;
}

export async function getUnitService(db: Kysely<DB>, unitId: string, code: string): Promise<Result<UnitServiceView, 'not_found'>> {
  const found = (await listUnitServices(db, unitId)).find((s) => s.code === code && s.enabled);
  return found ? ok(found) : err('not_found');
}

/** Every text of the service with the request's words for {kel}, {Lurah} … (a desa's, a kelurahan's). */
function fillTerms<T>(value: T): T {
  const words = termParams();
  const walk = (v: unknown): unknown =>
    typeof v === 'string'
      ? v.replace(/\{(\w+)\}/g, (m, name: string) => words[name] ?? m)
      : Array.isArray(v)
        ? v.map(walk)
        : v && typeof v === 'object'
          ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]))
          : v;
  return walk(value) as T;
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return {};
  }
}
