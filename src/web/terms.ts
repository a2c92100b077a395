import type { MiddlewareHandler } from 'hono';
import { type TermContext, currentTerms, unitTermKind, withTerms } from '../i18n/index.js';
import { type RegionKinds, regionKinds } from '../modules/units/index.js';
import type { AppEnv } from './context.js';
import type { AppDeps } from './deps.js';

// The words of the served region (kota/kabupaten, kelurahan/desa) for every text of a request:
// set once per request here, narrowed to a unit's own kind by unitGuard (unitTerms).

// The region's kinds never change while the process runs (units are imported once), so they are
// read once per database handle and region.
const known = new WeakMap<object, Map<string, Promise<RegionKinds>>>();

export function regionKindsCached(deps: { db: AppDeps['db']; config: { region: string } }, region = deps.config.region): Promise<RegionKinds> {
  let perDb = known.get(deps.db);
  if (!perDb) known.set(deps.db, (perDb = new Map()));
  let found = perDb.get(region);
  if (!found) {
    found = regionKinds(deps.db, region);
    perDb.set(region, found);
    // A failed read (e.g. during start-up) is not remembered.
    found.catch(() => perDb!.delete(region));
  }
  return found;
}

/**
 * Staff serving another regency of the install than BERANDA_REGION (decision 0017) read that
 * regency's words: a kabupaten's admin sees "desa" in a kota's install. After servedRegion.
 */
export function servedRegionTerms(deps: Pick<AppDeps, 'db' | 'config'>): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.get('region') === deps.config.region) return next();
    const k = await regionKindsCached(deps, c.get('region'));
    return withTerms({ unit: k.villages, region: k.region }, next);
  };
}

/** The region-level words for the whole request: "desa" and "kabupaten" in a regency. */
export function regionTerms(deps: Pick<AppDeps, 'db' | 'config'>): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const k = await regionKindsCached(deps);
    return withTerms({ unit: k.villages, region: k.region }, next);
  };
}

/**
 * Runs fn with the words of one regency of the install: the public site of a desa of another
 * imported kabupaten speaks of desa and kabupaten even in a kota's install (decision 0017).
 */
export async function inRegionTerms<T>(deps: { db: AppDeps['db']; config: { region: string } }, region: string, fn: () => Promise<T>): Promise<T> {
  const k = await regionKindsCached(deps, region);
  return withTerms({ unit: k.villages, region: k.region }, fn);
}

/**
 * Runs the rest of a request with the words of one unit (a desa in a kota stays a desa, a
 * kecamatan says camat). The kota/kabupaten unit itself keeps the region's village words.
 */
export const unitTerms = <T>(kind: string, fn: () => T): T =>
  kind === 'kota' || kind === 'kabupaten' ? fn() : withTerms({ ...currentTerms(), unit: unitTermKind(kind) } satisfies TermContext, fn);
