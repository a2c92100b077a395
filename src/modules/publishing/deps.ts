import type { ChannelsDeps } from '../channels/index.js';

export interface DeliveryPolicy {
  /** Retryable failures (not counting rate limits) before a delivery is given up as failed. */
  maxAttempts: number;
  /**
   * How long a run holds a delivery without progress. Every recorded step and every status poll
   * renews it, so a live run keeps its delivery and a crashed worker's deliveries come back to
   * the next run within this time (a kill -9 must leave nothing stuck).
   */
  leaseMs: number;
  baseBackoffMs: number;
  maxBackoffMs: number;
  /** First re-check of a "belum pasti" delivery; doubles per check. */
  unconfirmedCheckMs: number;
  /** Checks without an answer before staff are asked to look at the account themselves. */
  maxUnconfirmedChecks: number;
  /** Waiting on the platform longer than this is reported as stuck. */
  maxWaitingMs: number;
  /** Refresh a TikTok token before publishing when it expires sooner than this. */
  refreshBeforeMs: number;
}

export const DEFAULT_POLICY: DeliveryPolicy = {
  maxAttempts: 6,
  leaseMs: 2 * 60_000,
  baseBackoffMs: 60_000,
  maxBackoffMs: 6 * 3_600_000,
  unconfirmedCheckMs: 2 * 60_000,
  maxUnconfirmedChecks: 4,
  maxWaitingMs: 2 * 3_600_000,
  refreshBeforeMs: 10 * 60_000,
};

export interface PublishingDeps extends ChannelsDeps {
  policy?: Partial<DeliveryPolicy>;
  /** Jitter source for backoff (injected so tests are deterministic). */
  random?: () => number;
  /** Crash-test seam: called at every step boundary of a run; production passes nothing. */
  faults?: (boundary: string, deliveryId: string) => void | Promise<void>;
}
