import { availabilityCheck } from './availability.js';
import type { MonitorCheck } from './check.js';
import { domainExpiryCheck } from './domain-expiry.js';
import { freshnessCheck } from './freshness.js';
import { integrityCheck } from './integrity.js';
import { ownContentCheck } from './own-content.js';
import { socialActivityCheck } from './social-activity.js';
import { tlsCheck } from './tls.js';

// Every monitoring check, in the order a run walks them (issue 19 §4; Uptime Kuma's
// monitor-type list). Order is policy: availability first (a parked or refused site is not
// crawled further and later checks read what it found), then the certificate and the domain,
// freshness (which finds the feed and sitemap), and integrity last (it scans what freshness
// fetched). To add a check, implement MonitorCheck in its own file and list it here.
export const CHECKS: readonly MonitorCheck[] = [
  availabilityCheck,
  tlsCheck,
  domainExpiryCheck,
  freshnessCheck,
  integrityCheck,
  ownContentCheck,
  socialActivityCheck,
];

export type { CheckRun, CheckScope, MonitorCheck } from './check.js';
