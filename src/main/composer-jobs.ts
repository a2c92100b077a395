import { defineJob } from '../jobs/define-job.js';
import { ON_DEMAND_JOBS } from '../jobs/job-names.js';
import { publishDue } from '../modules/composer/index.js';
import { makeAvifVariants } from '../modules/media/index.js';
import { createNotifiers, deliverPersonMessages } from '../modules/reminders/index.js';
import { type WorkerDeps, oncePerWorker } from './worker-deps.js';

// Jobs of the composer. All are safe to run twice: publishDue claims each draft with a
// conditional update in the transaction that creates its deliveries; AVIF variants are written
// content-addressed and recorded once (makeAvifVariants returns early when done).

/**
 * Every minute, and once at start for a slot missed while down: scheduled posts whose time has
 * come, late ones with a note for the staff. Its own job in the publishing lane, so a long
 * delivery batch never holds a due post back.
 */
export const publishDueJob = defineJob<WorkerDeps>({
  name: 'composer.publish-due',
  schedule: '* * * * *',
  runAtStart: true,
  lane: 'publishing',
  timeoutMs: 2 * 60_000,
  retry: { limit: 1, delayMs: 20_000, backoff: 'fixed' },
  // The next minute's run picks the same drafts up again.
  onFinalFailure: 'log',
  async run(_job, deps) {
    const r = await publishDue(deps.services.composer());
    if (r.published > 0) deps.logger.info(r, 'scheduled posts published');
  },
});

/** AVIF takes seconds per photo, so uploads answer first and this follows in the media lane. */
export const makeAvifJob = defineJob<WorkerDeps, { mediaId: string }>({
  name: ON_DEMAND_JOBS.makeAvif,
  lane: 'media',
  timeoutMs: 5 * 60_000,
  retry: { limit: 3, delayMs: 60_000, backoff: 'exponential' },
  // The photo keeps its JPEG and WebP variants; pages simply offer no AVIF for it.
  onFinalFailure: 'log',
  async run(job, deps) {
    const r = await makeAvifVariants(deps.services.media, job.data.mediaId);
    if (!r.ok) deps.logger.warn({ mediaId: job.data.mediaId }, 'AVIF requested for a photo that no longer exists');
  },
});

const notifiersOf = oncePerWorker((d) => createNotifiers(d.db, d.clock, d.config));

/**
 * Every minute: replies, comments, approvals and returns queued for a person's e-mail, Telegram
 * or WhatsApp (#14 point 9; the inbox copy is written at once). Each message keeps its own
 * attempts and backoff in staff_message_outbox and is claimed before it is sent.
 */
export const notifyStaffJob = defineJob<WorkerDeps>({
  name: 'composer.notify-staff',
  schedule: '* * * * *',
  lane: 'reminders',
  timeoutMs: 5 * 60_000,
  retry: { limit: 2, delayMs: 60_000, backoff: 'exponential' },
  onFinalFailure: 'log',
  async run(_job, deps) {
    const r = await deliverPersonMessages({ db: deps.db, clock: deps.clock, notifiers: notifiersOf(deps) });
    if (r.sent || r.failed || r.retrying) deps.logger.info(r, 'staff messages delivered');
  },
});

export const composerJobs = [publishDueJob, makeAvifJob, notifyStaffJob];
