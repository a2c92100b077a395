import { iso } from '../../shared/clock.js';
import type { PublishingDeps } from './deps.js';
import { listDueDeliveryIds } from './delivery-repo.js';
import { runDelivery } from './run-delivery.js';

// The worker's sweep (job "publishing.run-due", every minute): runs every due delivery with a
// small concurrency. Deliveries of different accounts proceed in parallel; one account's rate
// limit only holds back that account (its cooldown), never the others.

export interface SweepReport {
  ran: number;
  published: number;
  failed: number;
  pending: number;
}

export async function runDueDeliveries(deps: PublishingDeps, opts: { limit?: number; concurrency?: number } = {}): Promise<SweepReport> {
  const ids = await listDueDeliveryIds(deps.db, iso(deps.clock.now()), opts.limit ?? 200);
  const report: SweepReport = { ran: 0, published: 0, failed: 0, pending: 0 };
  let next = 0;
  async function lane(): Promise<void> {
    while (next < ids.length) {
      const id = ids[next++]!;
      const r = await runDelivery(deps, id);
      if (!r.ok) continue;
      report.ran++;
      if (r.value.state === 'published') report.published++;
      else if (r.value.state === 'failed' || r.value.state === 'manual_needed') report.failed++;
      else report.pending++;
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, opts.concurrency ?? 4) }, lane));
  return report;
}
