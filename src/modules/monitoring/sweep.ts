import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import type { MonitoringDeps } from './deps.js';
import { monitoringRepository } from './monitoring-repository.js';
import { runChecksForUnit } from './run-checks-for-unit.js';

// Checks every unit that has a registered presence, a bounded number at a time. Meant to run in
// the worker as a scheduled job (every 6–24 h; reference §3.3), never in the web process. The
// fetcher's own limits still apply underneath: per-host spacing and a global request cap.

export interface SweepSummary {
  units: number;
  observations: number;
  compromised: number;
  down: number;
  /** Units whose check threw (a bug); the sweep carries on and reports them. */
  failed: { unitId: string; error: string }[];
  startedAt: string;
  finishedAt: string;
}

export async function sweep(
  db: Kysely<DB>,
  deps: MonitoringDeps,
  options: { concurrency?: number; unitIds?: string[] } = {},
): Promise<SweepSummary> {
  const startedAt = deps.clock.now().toISOString();
  deps = { ...deps, rdapCache: deps.rdapCache ?? new Map() };
  const units = options.unitIds ?? (await monitoringRepository.unitsWithPresences(db));
  const summary: SweepSummary = { units: units.length, observations: 0, compromised: 0, down: 0, failed: [], startedAt, finishedAt: startedAt };
  let next = 0;
  const worker = async () => {
    for (;;) {
      const i = next++;
      if (i >= units.length) return;
      const unitId = units[i]!;
      try {
        const r = await runChecksForUnit(db, deps, unitId);
        summary.observations += r.observations;
        summary.compromised += r.compromised.length;
        summary.down += r.down.length;
      } catch (e) {
        summary.failed.push({ unitId, error: (e as Error).message });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency ?? 16, units.length)) }, worker));
  summary.finishedAt = deps.clock.now().toISOString();
  return summary;
}
