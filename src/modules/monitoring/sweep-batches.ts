import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import type { Clock } from '../../shared/clock.js';
import { newId } from '../../shared/ids.js';
import type { MonitoringDeps } from './deps.js';
import { monitoringRepository } from './monitoring-repository.js';
import { runChecksForUnit } from './run-checks-for-unit.js';
import type { FirstLook } from './site-context.js';
import { sweepRepository as repo } from './sweep-repository.js';

// A sweep of a whole fleet split into batches (issue 18 point 4). The scheduled sweep records
// the sweep and its units in batches of SWEEP_BATCH_SIZE, then queues one job per batch; any
// worker takes them. A batch job claims its batch's units for itself (a claim token and a lease
// it renews while alive) and checks them a few at a time. Each unit's check is committed in the
// same transaction as its "done" mark, and only while the claim is still the job's own: so a
// unit is checked exactly once per sweep even when a worker dies mid-batch. The units of a dead
// worker's batch (its lease lapsed) are taken by the minutely rescue, or by the queue's own retry
// of the batch job, whichever comes first; the other finds them done and skips them. The last
// batch to finish marks the sweep finished, so "the last sweep" is a recorded fact.

/** Units per batch job: small enough that a lost batch is little work, large enough that 83,762 units make ~3,400 jobs, not 83,762. */
export const SWEEP_BATCH_SIZE = 25;

/**
 * How often a sweep asks a site (decision 0015). The first look at each unit's sites is one
 * request to the home page within short limits, no retries: nearly every site answers it, and a
 * silent one then holds a slot for seconds, not the 3 × 15 s + 2 × 2 s of the production retries.
 * A unit whose site did not answer (timeout, refused, 5xx) is not judged on that: it is handed,
 * unchecked, to a follow-up batch queued at least `gapMs` later, which looks once more with the
 * fetcher's full limits, and only that look is recorded. A briefly down or slow site is judged
 * up; a dead one costs two requests and holds no first-pass slot while it is waited for. `null`
 * keeps the production retries (MonitoringDeps.retries) for every unit.
 */
export interface SweepAttempts {
  firstLook: FirstLook;
  gapMs: number;
}
export const SWEEP_ATTEMPTS: SweepAttempts = { firstLook: { connectTimeoutMs: 3_000, totalTimeoutMs: 6_000 }, gapMs: 2_000 };

export interface SweepBatchOutcome {
  sweepId: string;
  batch: number;
  /** Units this run held. */
  units: number;
  checked: number;
  /** The units this run checked (their verdicts are due for a refresh). */
  checkedUnits: string[];
  /** Units this run held but another run committed first (its lease had lapsed meanwhile). */
  skipped: number;
  observations: number;
  compromised: number;
  down: number;
  rescheduled: number;
  /** Units whose first look found a site silent, or whose check overran or failed, handed on unchecked to `followUpBatch`. */
  deferred: number;
  /** Units whose check overran UNIT_CHECK_LIMIT_MS and were let go (handed on in a first pass, failed in a follow-up). */
  overran: number;
  /** Units whose first look failed with an error (e.g. the database pool busy), handed on to `followUpBatch` once. */
  erred: number;
  /** The batch (queue it, at least SweepAttempts.gapMs later) that looks at them once more. */
  followUpBatch?: number;
  failed: { unitId: string; error: string }[];
  /** This run completed the sweep (exactly one run does). */
  finishedSweep: boolean;
}

export interface SweepProgress {
  id: string;
  startedAt: string;
  finishedAt: string | null;
  expected: number;
  batches: number;
  queued: number;
  running: number;
  done: number;
  failed: number;
}

/**
 * Records a sweep of these units (default: every unit with a registered presence), once per id:
 * a retried start adds nothing and answers the batches recorded the first time.
 */
export async function startSweep(
  db: Kysely<DB>,
  clock: Clock,
  o: { sweepId?: string; unitIds?: readonly string[]; batchSize?: number; region?: string; requestedBy?: string | null } = {},
) {
  const sweepId = o.sweepId ?? newId();
  const batchSize = o.batchSize ?? SWEEP_BATCH_SIZE;
  const unitIds = [...new Set(o.unitIds ?? (await monitoringRepository.unitsWithPresences(db)))].sort();
  const created = await repo.create(db, { id: sweepId, startedAt: clock.now().toISOString(), unitIds, batchSize, region: o.region, requestedBy: o.requestedBy });
  const row = await repo.sweep(db, sweepId);
  return { sweepId, batches: row?.batches ?? 0, created };
}

/**
 * The longest one unit's check may hold its place in a batch. A check mostly waits on sites, each
 * wait bounded by the fetcher; but a wait on the database can be unbounded (node-postgres's
 * pool.connect can hang under load despite connectionTimeoutMillis, brianc/node-postgres#3197,
 * #2338), and then the batch's lease, renewed on a timer, kept the batch claimed with its worker
 * idle (9 minutes, seen at MONITOR_SWEEP_SITES=600). A check that overruns is let go: its unit is
 * handed on to the follow-up batch (a first pass) or marked failed (a follow-up), either of which
 * stops the stuck run from committing later (its claim is no longer on a running unit), and its
 * signal is aborted, so it sends no further request to any site (a wait on the database itself
 * cannot be taken back; its late commit is refused).
 */
export const UNIT_CHECK_LIMIT_MS = 3 * 60_000;

class UnitOverran extends Error {
  constructor(limitMs: number) {
    super(`unit check overran ${limitMs} ms`);
  }
}

/**
 * Runs `work` for at most `limitMs`. Past it the caller goes on without it, and `work`'s signal is
 * aborted, so the check let go stops asking sites (its requests in flight are closed, no new one
 * is sent) instead of running on in the background until its own limits end it.
 */
function bounded<T>(work: (signal: AbortSignal) => Promise<T>, limitMs: number): Promise<T> {
  const letGo = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const overran = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new UnitOverran(limitMs));
      letGo.abort();
    }, limitMs);
  });
  return Promise.race([work(letGo.signal), overran]).finally(() => clearTimeout(timer));
}

/** The job that checks one batch of a sweep; declared in src/main. */
export const SWEEP_BATCH_JOB = 'monitoring.sweep-batch';
/**
 * A follow-up batch (the second looks a first pass handed on) is its own job, so it runs beside
 * the first-pass batches instead of queuing behind them: the national bench spent its last ~1.3 %
 * of units (the silent and refused sites) waiting for batch slots after every first pass was done.
 */
export const SWEEP_FOLLOWUP_JOB = 'monitoring.sweep-followup';

/** The job system's send, as the caller has it (the web's or the worker's queue). */
export type SendJob = (name: string, data: { sweepId: string; batch: number }, o: { singletonKey: string; startAfter?: Date }) => Promise<unknown>;

/** Queues one job per batch, once per batch for ever (a second call re-sends nothing), then notes that it did. */
export async function queueSweepBatches(db: Kysely<DB>, clock: Clock, send: SendJob, sweepId: string, batches: number): Promise<void> {
  for (let batch = 0; batch < batches; batch++) await send(SWEEP_BATCH_JOB, { sweepId, batch }, { singletonKey: `${sweepId}:${batch}` });
  await repo.markQueued(db, sweepId, clock.now().toISOString());
}

/** Checks the batch's units nobody else holds. Safe to run twice, at once or after a crash. */
export async function runSweepBatch(
  db: Kysely<DB>,
  deps: MonitoringDeps,
  o: { sweepId: string; batch: number; leaseMs: number; concurrency?: number; budgetMs?: number; signal?: AbortSignal; holder?: string; attempts?: SweepAttempts | null; unitLimitMs?: number },
): Promise<SweepBatchOutcome> {
  const clock = deps.clock;
  // The holder (host and process) leads the token, so whoever looks at the table sees who works on what.
  const claim = o.holder ? `${o.holder}/${newId()}` : newId();
  const leaseUntil = () => new Date(clock.now().getTime() + o.leaseMs).toISOString();
  const unitIds = await repo.claimBatch(db, o.sweepId, o.batch, claim, clock.now().toISOString(), leaseUntil());
  const out: SweepBatchOutcome = { sweepId: o.sweepId, batch: o.batch, units: unitIds.length, checked: 0, checkedUnits: [], skipped: 0, observations: 0, compromised: 0, down: 0, rescheduled: 0, deferred: 0, overran: 0, erred: 0, failed: [], finishedSweep: false };
  // Servers say "retry after" in real seconds, so the budget is kept on the real clock.
  const deadline = Date.now() + (o.budgetMs ?? 5 * 60_000);
  const renew = setInterval(() => void repo.renew(db, o.sweepId, claim, leaseUntil()).catch(() => {}), Math.max(250, o.leaseMs / 3));
  renew.unref?.();
  const attempts = o.attempts === undefined ? SWEEP_ATTEMPTS : o.attempts;
  // Batches past the sweep's own are the second looks at sites a first look found silent:
  // the fetcher's full limits, once (no retries on top).
  const batches = unitIds.length > 0 ? Number((await repo.sweep(db, o.sweepId))?.batches ?? 0) : 0;
  const firstPass = o.batch < batches;
  const look: MonitoringDeps = attempts && !firstPass ? { ...deps, retries: 0 } : deps;
  const firstLook = attempts && firstPass ? attempts.firstLook : undefined;
  const deferred: string[] = [];
  const queue = [...unitIds];
  const limitMs = o.unitLimitMs ?? UNIT_CHECK_LIMIT_MS;
  const one = async (unitId: string) => {
    const r = await bounded((signal) => runChecksForUnit(db, look, unitId, (trx) => repo.markChecked(trx, o.sweepId, unitId, claim, clock.now().toISOString()), { firstLook, signal }), limitMs).catch((e: unknown) => {
      if (!(e instanceof UnitOverran)) throw e;
      out.overran++;
      // A first pass hands the unit on (looked at once more later, by whichever worker); a follow-up fails it.
      if (firstPass) return { deferred: true as const };
      throw e;
    });
    if (r.deferred) return void deferred.push(unitId);
    if (r.skipped) return void out.skipped++;
    out.checked++;
    out.checkedUnits.push(unitId);
    out.observations += r.observations;
    out.compromised += r.compromised.length;
    const wait = r.retryAt ? Date.parse(r.retryAt) - Date.now() : Infinity;
    if (r.retryAt && Date.now() + wait <= deadline) {
      // The site asked us to come back later: one second look, if it fits this batch's budget.
      out.rescheduled++;
      await new Promise((res) => setTimeout(res, Math.max(0, wait)));
      const again = await bounded((signal) => runChecksForUnit(db, deps, unitId, (trx) => repo.markRechecked(trx, o.sweepId, unitId, claim, clock.now().toISOString()), { signal }), limitMs);
      out.observations += again.observations;
      out.down += again.down.length;
    } else out.down += r.down.length;
  };
  const worker = async () => {
    for (let unitId = queue.shift(); unitId; unitId = queue.shift()) {
      if (o.signal?.aborted) return;
      try {
        await one(unitId);
      } catch (e) {
        // A first look that broke is handed on once, like a silent site: under load the most
        // common cause is the database pool ("timeout exceeded when trying to connect", seen on
        // 296 of 83,762 units at MONITOR_SWEEP_SITES=1000 on a busy machine), which passes. A bug
        // in one unit's check must not stop the batch: a follow-up's error shows the unit failed.
        if (firstPass) {
          out.erred++;
          deferred.push(unitId);
          continue;
        }
        const error = (e as Error).message.slice(0, 300);
        out.failed.push({ unitId, error });
        await repo.markFailed(db, o.sweepId, unitId, claim, error);
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, Math.min(o.concurrency ?? 8, unitIds.length)) }, worker));
  } finally {
    clearInterval(renew);
  }
  if (deferred.length > 0) {
    // Handed on, still unchecked, to this batch's follow-up (the sweep's batches + this one): no
    // slot here waits for a silent site's second look, and the units stay owed until it is done.
    const followUp = batches + o.batch;
    out.deferred = await repo.handOn(db, o.sweepId, deferred, claim, followUp);
    if (out.deferred > 0) out.followUpBatch = followUp;
  }
  out.finishedSweep = await repo.finishIfComplete(db, o.sweepId, clock.now().toISOString());
  return out;
}

/**
 * Batches to take over: those whose worker stopped renewing its lease (killed, or its machine
 * gone), and the first waiting batch of a sweep nobody has worked on for a lease (its batch jobs
 * sit with a dead worker until the queue's own expiry, e.g. pg-boss's time limit + 60 s).
 */
export async function stalledSweepBatches(db: Kysely<DB>, clock: Clock, leaseMs: number): Promise<{ sweepId: string; batch: number }[]> {
  const now = clock.now().toISOString();
  const lapsed = await repo.stalledBatches(db, now);
  const idle = await repo.idleBatches(db, now, new Date(clock.now().getTime() - leaseMs).toISOString());
  const seen = new Set<string>();
  return [...lapsed, ...idle].map((r) => ({ sweepId: r.sweep_id, batch: Number(r.batch) })).filter((b) => !seen.has(`${b.sweepId}:${b.batch}`) && seen.add(`${b.sweepId}:${b.batch}`));
}

/** The sweep job queued every batch of this sweep. */
export const markSweepQueued = (db: Kysely<DB>, clock: Clock, sweepId: string) => repo.markQueued(db, sweepId, clock.now().toISOString());

/** Sweeps whose batches were not all queued `graceMs` after they started (their sweep job died). */
export async function unqueuedSweeps(db: Kysely<DB>, clock: Clock, graceMs: number): Promise<{ sweepId: string; batches: number }[]> {
  const rows = await repo.notQueued(db, new Date(clock.now().getTime() - graceMs).toISOString());
  return rows.map((r) => ({ sweepId: r.id, batches: Number(r.batches) }));
}

/** A sweep's progress (the latest one without an id): expected, checked, failed, finished. */
export async function getSweepProgress(db: Kysely<DB>, sweepId?: string): Promise<SweepProgress | null> {
  const s = sweepId ? await repo.sweep(db, sweepId) : await repo.latest(db);
  if (!s) return null;
  const c = await repo.counts(db, s.id);
  return { id: s.id, startedAt: s.started_at, finishedAt: s.finished_at, expected: Number(s.expected), batches: Number(s.batches), ...c };
}

/** Forgets finished sweeps' bookkeeping older than `keepMs` (their observations stay). */
export const pruneSweeps = (db: Kysely<DB>, clock: Clock, keepMs: number) => repo.prune(db, new Date(clock.now().getTime() - keepMs).toISOString());
