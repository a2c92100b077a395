import { duePostBehindBatch } from '../tests/support/due-post-scenario.js';
import type { BenchRow } from './run.js';

// Issue 16.7: the publish delay of a post scheduled for 09:02 while a 500-delivery batch (due at
// 09:00, ten minutes of platform calls at 4.8 s each, four at a time) runs through the worker as
// production registers it. Time runs 20× faster than the wall clock; the figures are virtual
// seconds after the post's time. Taken on a loaded shared machine, so read them as an order.

export async function run(): Promise<BenchRow[]> {
  const r = await duePostBehindBatch({ batch: 500, callMs: 4_800, scale: 20 });
  const s = (ms: number | null) => (ms === null ? NaN : ms / 1000);
  return [
    { name: 'scheduled post public on the website, behind a 500-delivery batch', value: s(r.postDelayMs), unit: 's late', budget: '≤ 60 s', ok: r.postDelayMs !== null && r.postDelayMs <= 60_000 },
    { name: 'its Facebook delivery published', value: s(r.deliveryDelayMs), unit: 's late', budget: '≤ 60 s', ok: r.deliveryDelayMs !== null && r.deliveryDelayMs <= 60_000 },
    { name: 'batch deliveries still queued at that moment', value: r.batchLeftWhenDelivered, unit: 'of 500' },
  ];
}
