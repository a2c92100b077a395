import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import { checkSite } from './check-site.js';
import { transientlyDown } from './checks/availability.js';
import type { CheckRun } from './checks/check.js';
import { CHECKS } from './checks/index.js';
import { wibDate } from './dates.js';
import type { MonitoringDeps } from './deps.js';
import { BufferedCrawlMemory, monitoringRepository } from './monitoring-repository.js';
import { OPENS_FOR_PEOPLE, type Observation } from './observation.js';
import type { FirstLook } from './site-context.js';

// One unit's checks: every registered website, its Beranda site, its social activity — the
// checks of checks/index.ts by scope. Run as a job (see sweep.ts); safe to run twice:
// observations are append-only facts and first-seen records keep their first value, so a
// repeated run only adds another sample.

export interface UnitCheckOutcome {
  unitId: string;
  observations: number;
  compromised: string[];
  down: string[];
  /** A site asked to be checked again later (429/503 with Retry-After): when. */
  retryAt: string | null;
  /** The guard refused the commit (another run owns this unit now), or the run was let go (`signal`): nothing was stored. */
  skipped?: boolean;
  /**
   * A first look found a site transiently down (no answer in time, refused, 5xx): nothing was
   * stored, and the caller looks again with the full limits before judging the unit.
   */
  deferred?: boolean;
}

/**
 * Run inside the unit's write transaction before anything is stored; false rolls it back. A
 * sweep batch uses it to commit a unit's check only while its claim is still its own.
 */
export type CommitGuard = (trx: Kysely<DB>) => Promise<boolean>;

class NotMine extends Error {}

const EIGHT_DAYS = 8 * 24 * 3600_000;

export async function runChecksForUnit(
  db: Kysely<DB>,
  deps: MonitoringDeps,
  unitId: string,
  guard?: CommitGuard,
  o: { firstLook?: FirstLook; signal?: AbortSignal } = {},
): Promise<UnitCheckOutcome> {
  const nothingStored = (): UnitCheckOutcome => ({ unitId, observations: 0, compromised: [], down: [], retryAt: null, skipped: true });
  const now = deps.clock.now();
  const presences = await monitoringRepository.presencesOf(db, [unitId]);
  const memory = new BufferedCrawlMemory(db);
  const from = new Date(now.getTime() - (deps.lookbackMs ?? EIGHT_DAYS)).toISOString();
  const to = new Date(now.getTime() + 1).toISOString();
  const obs: Observation[] = [];
  const base = { unitId, now, deps, from, to, presences };

  for (const p of presences) {
    // Let go by a sweep's bound (sweep-batches.ts): no further site is asked, nothing is stored.
    if (o.signal?.aborted) return nothingStored();
    if (p.kind === 'website' && p.url && deps.fetcher.canReach(p.url)) {
      obs.push(
        ...(await checkSite(deps.fetcher, memory, {
          unitId,
          url: p.url,
          now,
          rdapBaseFor: deps.rdapBaseFor,
          rdapCache: deps.rdapCache,
          retries: deps.retries,
          retryDelayMs: deps.retryDelayMs,
          maxRetryAfterMs: deps.maxRetryAfterMs,
          articlePages: deps.articlePages,
          deps,
          firstLook: o.firstLook,
          signal: o.signal,
        })),
      );
      if (o.firstLook && obs.some(transientlyDown)) return { unitId, observations: 0, compromised: [], down: [], retryAt: null, deferred: true };
    } else if (p.kind === 'beranda_site') {
      const run: CheckRun = { ...base, presence: p, earlier: [] };
      for (const check of CHECKS) if (check.scope === 'beranda_site' && check.shouldRun(run)) obs.push(...(await check.run(run)));
    }
  }
  const unitRun: CheckRun = { ...base, earlier: obs };
  for (const check of CHECKS) if (check.scope === 'unit' && check.shouldRun(unitRun)) obs.push(...(await check.run(unitRun)));

  if (o.signal?.aborted) return nothingStored();
  const nowIso = now.toISOString();
  // One transaction per unit: observations, first-seen and the daily roll-up agree or none is kept.
  const committed = await db
    .transaction()
    .execute(async (trx) => {
      if (guard && !(await guard(trx))) throw new NotMine();
      await monitoringRepository.appendObservations(trx, obs, nowIso);
      await memory.flush(trx);
      for (const a of obs) {
        if (a.kind !== 'availability') continue;
        const compromised = obs.some((o) => o.kind === 'integrity' && o.url === a.url && o.value.state === 'compromised');
        const up = OPENS_FOR_PEOPLE.includes(a.value.state);
        await monitoringRepository.bumpDaily(trx, { unitId, day: wibDate(now), up, latencyMs: a.value.latencyMs, compromised, state: compromised ? 'compromised' : a.value.state }, nowIso);
      }
      return true;
    })
    .catch((e: unknown) => {
      if (e instanceof NotMine) return false;
      throw e;
    });
  if (!committed) return nothingStored();
  const compromised = obs.filter((o) => o.kind === 'integrity' && o.value.state === 'compromised');
  // Hijacking is escalated at once, within the sweep that finds it, not at the end of the period.
  for (const c of compromised) await deps.alerts?.compromised({ unitId, url: c.url, fetchedAt: c.fetchedAt, evidence: c.evidence });
  const retryAt = obs.map((o) => (o.kind === 'availability' && o.value.state === 'rate_limited' ? (o.value.retryAt ?? null) : null)).find((x) => x) ?? null;
  return {
    unitId,
    observations: obs.length,
    compromised: compromised.map((c) => c.url),
    down: obs.filter((o) => o.kind === 'availability' && !OPENS_FOR_PEOPLE.includes(o.value.state)).map((o) => o.url),
    retryAt,
  };
}
