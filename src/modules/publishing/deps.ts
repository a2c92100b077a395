import type { ChannelsDeps } from '../channels/index.js';

export interface DeliveryPolicy {
  /** Retryable failures (not counting rate limits) before a delivery is given up as failed. */
  maxAttempts: number;
  /** How long one run may hold a delivery; a crashed worker's lease runs out after this. */
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
  leaseMs: 10 * 60_000,
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
