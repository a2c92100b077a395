// Public surface of the monitoring module: checks that observe websites and social accounts,
// the polite fetcher, the presence registry, and read functions for the dashboard.
export { DEFAULT_FETCHER_OPTIONS, Fetcher, GOOGLEBOT_UA, staticLookup, type FetchResult, type FetchEnd, type FetcherOptions } from './fetcher.js';
export { checkSite, type CheckSiteOptions } from './check-site.js';
export { defaultRdapBase, type RdapBaseFor } from './checks/domain-expiry.js';
export { dbRdapAnswers, keptAnswerStands, RDAP_KEEP_DAYS, RDAP_RECHECK_NEAR_DAYS, type RdapAnswer, type RdapAnswerStore } from './checks/rdap-answers.js';
export type * from './observation.js';
export { InMemoryCrawlMemory } from './scratch-crawl-memory.js';
export {
  type CrawlMemory,
  type OwnContentItem,
  type OwnContentSource,
  type SocialActivityItem,
  type SocialActivitySource,
} from './ports.js';
export type { AlertSink, MonitoringDeps } from './deps.js';
export { DbCrawlMemory, type Presence, type StoredObservation } from './monitoring-repository.js';
export { registerPresence, removePresence, registerPresenceAsStaff, removePresenceAsStaff, listPresences, normaliseHandle, SOCIAL_PLATFORMS, siteFormSchema, accountFormSchema, presenceIdFormSchema, type PresenceInput, type RegisterError, type RegisterOptions } from './register-presence.js';
export { syncRegistrations, syncAllRegistrations, SYNC_SLICE, registrationContext, AUTO_SOURCES, type RegistrationContext, type SyncOutcome, type SyncAllOutcome } from './sync-registrations.js';
export { checkSiteUrl, siteUrlPolicy, type SiteUrlPolicy, type SiteUrlProblem } from './site-url-policy.js';
export { createAddressGuard, parseAllowList, classifyAddress, guardedLookup, type AddressClass, type AddressGuard } from './net-guard.js';
export { claimUnitRecheck, UNIT_RECHECK_WINDOW_MS } from './request-recheck.js';
export { requestRecheckAsStaff, checkAllAsAdmin, recheckFormSchema, type SendWithin } from './recheck-as-staff.js';
export { CHECK_UNIT_JOB, createCheckBatch, runCheckBatchJob, getCheckBatch, latestCheckBatchId, type BatchProgress } from './check-all.js';
export { runChecksForUnit, type UnitCheckOutcome } from './run-checks-for-unit.js';
export { sweep, type SweepSummary } from './sweep.js';
export { SWEEP_ATTEMPTS, type SweepAttempts, SWEEP_BATCH_JOB, SWEEP_BATCH_SIZE, SWEEP_FOLLOWUP_JOB, type SendJob, queueSweepBatches, startSweep, runSweepBatch, stalledSweepBatches, markSweepQueued, unqueuedSweeps, getSweepProgress, pruneSweeps, type SweepBatchOutcome, type SweepProgress } from './sweep-batches.js';
export { checkUptime } from './check-uptime.js';
export { getMonitoringSnapshots, getDailyRollups, getObservations, getPresences, type UnitMonitoringSnapshot, type WebsiteSnapshot } from './read-monitoring.js';
export { canonicalItemUrl, sameSite, registrableDomain } from './url-tools.js';
export { pruneObservations } from './prune-observations.js';
export { pruneHostSlots, pruneRdapAnswers } from './prune-kept-state.js';
export { OPENS_FOR_PEOPLE } from './observation.js';
export { watchedRegions } from './read-models/watched-regions.js';
export { pgHostSpacing, type SharedSpacing } from './shared-host-spacing.js';
