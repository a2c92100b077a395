import { iso } from '../../shared/clock.js';
import type { PublishingDeps } from './deps.js';
import { listDueDeliveryIds } from './delivery-repo.js';
import { runDelivery } from './run-delivery.js';

// The worker's sweep (job "publishing.run-due", every minute): runs due deliveries with a small
// concurrency. Deliveries of different accounts proceed in parallel; one account's rate limit
// only holds back that account (its cooldown), never the others.
//
// Fairness under a backlog: picks alternate between the delivery that became due most recently
// and the one that has waited longest. A post that just came due (a scheduled post, "Terbitkan
// sekarang") goes out within a pick or two even behind a batch of hundreds, and the batch still
// moves at least every other pick, so nothing starves. A run stops taking deliveries after its
// budget or when its job is stopped, leaving the rest to the next minute's run.

export interface SweepReport {
  ran: number;
  published: number;
  failed: number;
  pending: number;
}

export interface SweepOptions {
  /** Most deliveries one run takes (default 500). */
  limit?: number;
  concurrency?: number;
  /** Stop taking new deliveries after this long (measured on deps.clock); default no budget. */
  budgetMs?: number;
  /** The job's signal: once aborted, no new delivery is started. */
  signal?: AbortSignal;
}

export async function runDueDeliveries(deps: PublishingDeps, opts: SweepOptions = {}): Promise<SweepReport> {
  const report: SweepReport = { ran: 0, published: 0, failed: 0, pending: 0 };
  const concurrency = Math.max(1, opts.concurrency ?? 4);
  const limit = opts.limit ?? 500;
  const startedAt = deps.clock.now().getTime();
  // Each delivery runs at most once per sweep, even if it is due again at once (container expired).
  const taken = new Set<string>();
  let picks = 0;

  const outOfTime = () =>
    opts.signal?.aborted === true || (opts.budgetMs !== undefined && deps.clock.now().getTime() - startedAt >= opts.budgetMs);

  async function next(): Promise<string | undefined> {
    if (taken.size >= limit || outOfTime()) return undefined;
    const end = picks++ % 2 === 0 ? 'newest' : 'oldest';
    // A few more than the running lanes: those still leased by a sibling lane are skipped here.
    const ids = await listDueDeliveryIds(deps.db, iso(deps.clock.now()), taken.size + concurrency + 1, end);
    const id = ids.find((i) => !taken.has(i));
    if (id) taken.add(id);
    return id;
  }

  async function lane(): Promise<void> {
    for (let id = await next(); id; id = await next()) {
      const r = await runDelivery(deps, id);
      if (!r.ok) continue;
      report.ran++;
      if (r.value.state === 'published') report.published++;
      else if (r.value.state === 'failed' || r.value.state === 'manual_needed') report.failed++;
      else report.pending++;
    }
  }
  await Promise.all(Array.from({ length: concurrency }, lane));
  return report;
}
