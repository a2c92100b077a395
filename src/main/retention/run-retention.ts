import path from 'node:path';
import type { Kysely } from 'kysely';
import type { RetentionConfig } from '../../config/index.js';
import { daysBefore } from '../../db/prune.js';
import type { DB } from '../../db/schema/index.js';
import { pruneFinishedJobs } from '../../jobs/prune-finished-jobs.js';
import { archiveOldAudit, pruneExpiredSessions, pruneHandovers } from '../../modules/accounts/index.js';
import { pruneCallWindows } from '../../modules/channels/index.js';
import { pruneHostSlots, pruneObservations, pruneRdapAnswers } from '../../modules/monitoring/index.js';
import { pruneReadNotifications } from '../../modules/reminders/index.js';
import type { Clock } from '../../shared/clock.js';
import { auditArchiveFile } from './audit-archive-file.js';

// One retention run (issue 13, job "maintenance.retention", hourly): each kind of row older than
// its configured period is deleted, oldest first and at most `batch` rows of each per run, so a
// run is short and a backlog (the first run on a year-old database) drains over several runs.
// Each clean-up is a module's own use case; this only supplies the cut-offs from the clock.

export interface RetentionReport {
  jobs: number;
  singletons: number;
  observations: number;
  notifications: number;
  sessions: number;
  /** Login delays whose failures are forgotten (an hour after the last one). */
  loginThrottle: number;
  auditArchived: number;
  auditFile: string | null;
  /** Staff-import handovers (sealed one-time passwords) past their 24 hours. */
  handovers: number;
  /** Kept RDAP answers too old for the domain-expiry check to use (7 days). */
  rdapAnswers: number;
  /** Shared per-host spacing rows and TikTok call windows unused for a day (PostgreSQL). */
  hostSlots: number;
  callWindows: number;
}

/** Where archived rows are written: inside DATA_DIR, so backups take them along. */
export const archiveDirOf = (dataDir: string) => path.join(dataDir, 'arsip');

export async function runRetention(db: Kysely<DB>, clock: Clock, r: RetentionConfig, dataDir: string): Promise<RetentionReport> {
  const now = clock.now();
  const limit = r.batch;
  const jobs = await pruneFinishedJobs(db, daysBefore(now, r.jobsDays), limit);
  const observations = await pruneObservations(db, daysBefore(now, r.observationsDays), limit);
  const notifications = await pruneReadNotifications(db, daysBefore(now, r.notificationsDays), limit);
  const sessions = await pruneExpiredSessions(db, clock, { limit });
  const handovers = await pruneHandovers(db, now, limit);
  // What several workers share between runs (issue 18): fixed periods, set by what reads them.
  const rdapAnswers = await pruneRdapAnswers(db, now, limit);
  const hostSlots = await pruneHostSlots(db, now, limit);
  const callWindows = await pruneCallWindows(db, now, limit);
  const audit =
    r.auditDays === 0
      ? { archived: 0, file: null }
      : await archiveOldAudit(db, clock, { before: daysBefore(now, r.auditDays), limit, archive: auditArchiveFile(path.join(archiveDirOf(dataDir), 'audit-log')) });
  return {
    jobs: jobs.jobs,
    singletons: jobs.singletons,
    observations,
    notifications,
    sessions: sessions.sessions,
    loginThrottle: sessions.throttle,
    auditArchived: audit.archived,
    auditFile: audit.file,
    handovers,
    rdapAnswers,
    hostSlots,
    callWindows,
  };
}
