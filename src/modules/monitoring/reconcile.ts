import type { Confidence } from './observation.js';
import type { SeenRecord } from './ports.js';

// First-seen reconciliation (docs/reference/freshness.md §3.3 step 6), with one improvement: the
// backdating test compares a claimed date with the *previous crawl* rather than with first-seen.
// If we last looked on Monday and a post claiming Saturday appears on Tuesday, the claim is
// plausible even when Monday's crawl failed; a post claiming a date before a crawl that did not
// see it is backdated, and counts from when we first saw it.

export const GRACE_MS = 3 * 24 * 3600_000;
const TEN_YEARS_MS = 10 * 365 * 24 * 3600_000;
const ONE_DAY_MS = 24 * 3600_000;

export interface Candidate {
  itemKey: string;
  claimedAt: string | null;
  confidence: Confidence;
}

/** Decides the effective date of an item seen for the first time now. */
export function reconcileNew(c: Candidate, now: Date, previousCrawlAt: string | null): SeenRecord {
  const nowIso = now.toISOString();
  const base = { itemKey: c.itemKey, firstSeenAt: nowIso, claimedAt: c.claimedAt };
  if (!c.claimedAt) {
    // On the first crawl an undated item may be years old; afterwards, appearing is publishing.
    return previousCrawlAt
      ? { ...base, effectiveAt: nowIso, dating: 'undated_first_seen' }
      : { ...base, effectiveAt: null, dating: 'undated_baseline' };
  }
  const claimed = new Date(c.claimedAt).getTime();
  if (claimed > now.getTime() + ONE_DAY_MS) return { ...base, effectiveAt: nowIso, dating: 'future_dated' };
  if (claimed < now.getTime() - TEN_YEARS_MS) return { ...base, effectiveAt: null, dating: 'implausible_date' };
  if (!previousCrawlAt) return { ...base, effectiveAt: c.claimedAt, dating: 'baseline' };
  if (claimed >= new Date(previousCrawlAt).getTime() - GRACE_MS) {
    return { ...base, effectiveAt: new Date(Math.min(claimed, now.getTime())).toISOString(), dating: 'agrees' };
  }
  return { ...base, effectiveAt: nowIso, dating: 'backdated' };
}

/**
 * Confidence of an item's date once reconciled: first-seen is ground truth, so an item dated
 * by our own observation is at least medium; a sitemap-only claim stays low.
 */
export function reconciledConfidence(source: Confidence, dating: string): Confidence {
  if (dating === 'backdated' || dating === 'future_dated' || dating === 'undated_first_seen') return 'medium';
  if (dating === 'undated_baseline' || dating === 'implausible_date') return 'none';
  return source;
}
