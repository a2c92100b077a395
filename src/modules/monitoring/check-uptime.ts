import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import { newToken } from '../../shared/ids.js';
import { checkAvailability } from './checks/availability.js';
import { wibDate } from './dates.js';
import type { MonitoringDeps } from './deps.js';
import { monitoringRepository } from './monitoring-repository.js';
import { OPENS_FOR_PEOPLE, type Observation } from './observation.js';
import { InMemoryCrawlMemory } from './scratch-crawl-memory.js';
import { createSiteContext } from './site-context.js';

// The light, frequent check (every 5 minutes, Uptime Kuma style): is each external website up?
// One home-page request per site (two when the page looks like "not found"), with retries, into
// the same append-only observations and daily roll-up as the full sweep, so the dashboard's
// 30-day uptime is measured, not guessed from a few sweeps a day.

export async function checkUptime(
  db: Kysely<DB>,
  deps: MonitoringDeps,
  options: { concurrency?: number } = {},
): Promise<{ sites: number; down: string[] }> {
  const units = await monitoringRepository.unitsWithPresences(db);
  const presences = (await monitoringRepository.presencesOf(db, units)).filter((p) => p.kind === 'website' && p.url && deps.fetcher.canReach(p.url));
  const down: string[] = [];
  let next = 0;
  const worker = async () => {
    for (;;) {
      const p = presences[next++];
      if (!p) return;
      const now = deps.clock.now();
      const ctx = createSiteContext(deps.fetcher, {
        unitId: p.unitId,
        siteUrl: p.url!,
        now,
        maxRequests: 6,
        memory: new InMemoryCrawlMemory(),
        settings: { rdapBaseFor: deps.rdapBaseFor, retries: deps.retries ?? 2, retryDelayMs: deps.retryDelayMs ?? 2_000, probeToken: `beranda-${newToken(6)}`, maxRetryAfterMs: 5_000, articlePages: 0 },
      });
      let obs: Observation;
      try {
        obs = await checkAvailability(ctx);
      } finally {
        ctx.close();
      }
      if (obs.kind !== 'availability') continue;
      const up = OPENS_FOR_PEOPLE.includes(obs.value.state);
      if (!up) down.push(p.url!);
      const nowIso = now.toISOString();
      await db.transaction().execute(async (trx) => {
        await monitoringRepository.appendObservations(trx, [obs], nowIso);
        await monitoringRepository.bumpDaily(trx, { unitId: p.unitId, day: wibDate(now), up, latencyMs: obs.value.latencyMs, compromised: false, state: obs.value.state }, nowIso);
      });
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency ?? 32, presences.length)) }, worker));
  return { sites: presences.length, down };
}
