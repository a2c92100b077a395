import { describe, expect, it } from 'vitest';
import { duePostBehindBatch } from '../support/due-post-scenario.js';
import { testEngine } from '../support/test-db.js';

// Issue 16.7's acceptance: a 10-minute batch of deliveries does not delay a due scheduled post by
// more than a minute. Time runs 20× faster than the wall clock (one virtual minute per three real
// seconds, slack enough for a loaded machine) and every platform call takes 4.8 virtual seconds, so 500 deliveries at the runner's
// concurrency of 4 are ten virtual minutes of work; the post is scheduled two minutes in.
// (Before lanes, the post went public after 6 minutes and out to Facebook after 15.)

describe(`a due scheduled post behind a 500-delivery batch on ${testEngine()}`, () => {
  it('goes public and out to Facebook within a minute of its time while the batch still runs', async () => {
    const r = await duePostBehindBatch({ batch: 500, callMs: 4_800, scale: 20 });
    expect(r.postDelayMs, 'the scheduled post went public').not.toBeNull();
    expect(r.deliveryDelayMs, 'its Facebook delivery went out').not.toBeNull();
    expect(r.postDelayMs!).toBeLessThanOrEqual(60_000);
    expect(r.deliveryDelayMs!).toBeLessThanOrEqual(60_000);
    // The batch was being worked off meanwhile, and the post did not wait for it to finish.
    expect(r.batchPostedWhenDelivered).toBeGreaterThan(0);
    expect(r.batchLeftWhenDelivered).toBeGreaterThan(250);
  }, 120_000);
});
