import type { Clock } from '../../shared/clock.js';
import type { RdapBaseFor, RdapCache } from './checks/domain-expiry.js';
import type { RdapAnswerStore } from './checks/rdap-answers.js';
import type { Fetcher } from './fetcher.js';
import type { Evidence } from './observation.js';
import type { OwnContentSource, SocialActivitySource } from './ports.js';

/**
 * Told at once when a check finds a unit's site hijacked (COMPROMISED is escalated within the
 * sweep that finds it). The composition root connects it to the reminders module.
 */
export interface AlertSink {
  compromised(alert: { unitId: string; url: string; fetchedAt: string; evidence: Evidence }): Promise<void>;
}

export interface MonitoringDeps {
  fetcher: Fetcher;
  clock: Clock;
  rdapBaseFor: RdapBaseFor;
  /** One RDAP answer per domain per sweep; sweep() creates one when absent. */
  rdapCache?: RdapCache;
  /** The last RDAP answer per domain, kept across sweeps; without it RDAP is asked every sweep. */
  rdapAnswers?: RdapAnswerStore;
  /** Beranda-hosted posts (content module). Without it, Beranda sites get no freshness observation. */
  ownContent?: OwnContentSource;
  /** Deliveries, synced activity and verified links (channels module). */
  social?: SocialActivitySource;
  alerts?: AlertSink;
  /** Attempts after the first before a site is declared down. */
  retries?: number;
  retryDelayMs?: number;
  /** How far back social and own-content activity is read on each run. */
  lookbackMs?: number;
  /** Longest Retry-After waited for in place; longer ones are rescheduled by the sweep. */
  maxRetryAfterMs?: number;
  /** Article pages read per site for their dates (bounded deeper evidence). */
  articlePages?: number;
}
