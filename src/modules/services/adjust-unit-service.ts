import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import type { Clock } from '../../shared/clock.js';
import { type Result, err, ok } from '../../shared/result.js';
import { type Actor, type UnitRef, auditedChange } from '../accounts/index.js';
import { type ServiceAdjustment, serviceAdjustmentSchema } from './catalogue.js';
import { servicesRepository } from './services-repository.js';

/** A kelurahan shows/hides a service, features it on its beranda, or adjusts its details. */
export async function adjustUnitService(
  deps: { db: Kysely<DB>; clock: Clock; onPublicChange?: (unitId: string) => void },
  args: { unitId: string; code: string; enabled: boolean; featured: boolean; adjustment: unknown },
): Promise<Result<ServiceAdjustment, 'not_found' | 'invalid_input'>> {
  const catalogue = await servicesRepository.catalogue(deps.db);
  if (!catalogue.some((c) => c.code === args.code)) return err('not_found');
  const parsed = serviceAdjustmentSchema.safeParse(args.adjustment ?? {});
  if (!parsed.success) return err('invalid_input');
  await servicesRepository.saveUnitRow(deps.db, {
    unit_id: args.unitId,
    service_code: args.code,
    enabled: args.enabled ? 1 : 0,
    featured: args.featured ? 1 : 0,
    adjustment: JSON.stringify(parsed.data),
    updated_at: deps.clock.now().toISOString(),
  });
  deps.onPublicChange?.(args.unitId);
  return ok(parsed.data);
}

/**
 * The same, done by a person on the staff screen: refused unless they may write for the unit,
 * and written with its audit entry in one transaction; the public pages hear of it after commit.
 */
export async function adjustUnitServiceAsStaff(
  deps: { db: Kysely<DB>; clock: Clock; onPublicChange?: (unitId: string) => void },
  args: { actor: Actor; unit: UnitRef; code: string; enabled: boolean; featured: boolean; adjustment: unknown },
): Promise<Result<ServiceAdjustment, 'not_found' | 'invalid_input' | 'forbidden'>> {
  const { actor, unit, ...change } = args;
  const r = await auditedChange(
    deps,
    { actor, unit },
    (trx) => adjustUnitService({ db: trx, clock: deps.clock }, { ...change, unitId: unit.id }),
    () => ({ action: 'service.adjust', target: args.code, detail: { enabled: args.enabled, featured: args.featured } }),
  );
  if (r.ok) deps.onPublicChange?.(unit.id);
  return r;
}
