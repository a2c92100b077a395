import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import type { Clock } from '../../shared/clock.js';
import { SERVICE_CATALOGUE } from './catalogue.js';
import { servicesRepository } from './services-repository.js';

/**
 * Adds catalogue entries that are missing; never overwrites one the city has edited. Safe to
 * run at every start.
 */
export async function ensureServiceCatalogue(db: Kysely<DB>, clock: Clock): Promise<number> {
  const existing = new Set((await servicesRepository.catalogue(db)).map((r) => r.code));
  let added = 0;
  for (const [position, service] of SERVICE_CATALOGUE.entries()) {
    if (existing.has(service.code)) continue;
    await servicesRepository.insertCatalogue(db, {
      code: service.code,
      data: JSON.stringify(service),
      position,
      updated_at: clock.now().toISOString(),
    });
    added++;
  }
  return added;
}
