import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import type { MonitoringDeps } from './deps.js';
import { monitoringRepository } from './monitoring-repository.js';
import { runChecksForUnit } from './run-checks-for-unit.js';

// Checks every unit that has a registered presence, a bounded number at a time. Meant to run in
// the worker as a scheduled job (every 6–24 h; reference §3.3), never in the web process. The
// fetcher's own limits still apply underneath: per-host spacing and a global request cap. A
// site that answers 429/503 with a Retry-After longer than a check waits in place is checked
// again when it asked, if that is within the sweep's time budget; otherwise its "come back
// later" stands and the verdict says we could not tell.

export interface SweepSummary {
  units: number;
  observations: number;
  compromised: number;
  down: number;
  /** Units checked a second time because their site asked us to come back later. */
  rescheduled: number;
  /** Units whose check threw (a bug); the sweep carries on and reports them. */
  failed: { unitId: string; error: string }[];
  startedAt: string;
  finishedAt: string;
}

export async function sweep(
  db: Kysely<DB>,
  deps: MonitoringDeps,
  options: { concurrency?: number; unitIds?: string[]; budgetMs?: number } = {},
): Promise<SweepSummary> {
  const started = deps.clock.now();
  const startedAt = started.toISOString();
  // Servers say "retry after" in real seconds, so the budget is kept on the real clock too.
  const deadline = Date.now() + (options.budgetMs ?? 30 * 60_000);
  deps = { ...deps, rdapCache: deps.rdapCache ?? new Map() };
  const units = options.unitIds ?? (await monitoringRepository.unitsWithPresences(db));
  const summary: SweepSummary = { units: units.length, observations: 0, compromised: 0, down: 0, rescheduled: 0, failed: [], startedAt, finishedAt: startedAt };
  const queue = units.map((unitId) => ({ unitId, at: 0, again: false }));
  let active = 0;
  const pick = () => {
    // The first unit whose time has come; a rescheduled one waits for its Retry-After.
    const now = Date.now();
    const i = queue.findIndex((q) => q.at <= now);
    return i >= 0 ? queue.splice(i, 1)[0]! : null;
  };
  const worker = async () => {
    for (;;) {
      const job = pick();
      if (!job) {
        if (queue.length === 0 || (active === 0 && queue.every((q) => q.at > deadline))) return;
        const next = Math.min(...queue.map((q) => q.at));
        await new Promise((r) => setTimeout(r, Math.max(10, Math.min(1000, next - Date.now()))));
        continue;
      }
      active++;
      try {
        const r = await runChecksForUnit(db, deps, job.unitId);
        summary.observations += r.observations;
        if (!job.again) summary.compromised += r.compromised.length;
        if (r.retryAt && !job.again && Date.parse(r.retryAt) <= deadline) {
          queue.push({ unitId: job.unitId, at: Date.parse(r.retryAt), again: true });
          summary.rescheduled++;
        } else summary.down += r.down.length;
      } catch (e) {
        summary.failed.push({ unitId: job.unitId, error: (e as Error).message });
      } finally {
        active--;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency ?? 16, units.length)) }, worker));
  summary.finishedAt = deps.clock.now().toISOString();
  return summary;
}
