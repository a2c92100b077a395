import { defineJob } from '../jobs/define-job.js';
import { ON_DEMAND_JOBS } from '../jobs/job-names.js';
import { checkTokenHealth, notifyOpenAlerts, platformName } from '../modules/channels/index.js';
import { channelAlertText } from '../i18n/channel-alerts.js';
import { runDueDeliveries, runDuePostChanges, syncActivity } from '../modules/publishing/index.js';
import { inAppNotifier, listNotifications } from '../modules/reminders/index.js';
import type { WorkerDeps } from './worker-deps.js';

// Jobs of the social channels. Each handler only calls a use case; the use cases are safe to run
// twice (deliveries hold a lease and never re-send a recorded step; sync dedupes on the platform
// post id; alerts open once per incident; notifications once per person and alert).

const MINUTE = 60_000;

/**
 * Every minute, and whenever a route wakes it: due deliveries (new, retry time reached, platform
 * still processing). A run stops taking deliveries after its budget, so it never outlasts the
 * next slot by much and a big batch is worked off over several runs.
 */
export const runDeliveriesJob = defineJob<WorkerDeps>({
  name: ON_DEMAND_JOBS.runDeliveries,
  schedule: '* * * * *',
  lane: 'publishing',
  timeoutMs: 3 * MINUTE,
  retry: { limit: 1, delayMs: 30_000, backoff: 'fixed' },
  // The next minute's run takes the same deliveries again: nothing to undo.
  onFinalFailure: 'log',
  async run(job, deps) {
    const r = await runDueDeliveries(deps.services.publishing, { concurrency: 4, budgetMs: 50_000, signal: job.signal });
    if (r.ran > 0) deps.logger.info(r, 'deliveries run');
  },
});

/**
 * Every minute, and when staff save an edit or delete a post: the changes asked of social copies
 * already out (new text, deletion). Each change keeps its own attempts and backoff in its row
 * (delivery_changes), so a failed run loses nothing; the job's own retry only covers a run that
 * broke as a whole (the database away), and after it the next minute's run takes over.
 */
export const runPostChangesJob = defineJob<WorkerDeps>({
  name: ON_DEMAND_JOBS.runPostChanges,
  schedule: '* * * * *',
  lane: 'publishing',
  timeoutMs: 3 * MINUTE,
  retry: { limit: 2, delayMs: 20_000, backoff: 'exponential' },
  onFinalFailure: 'log',
  async run(job, deps) {
    const r = await runDuePostChanges(deps.services.publishing, { signal: job.signal });
    if (r.ran > 0) deps.logger.info(r, 'social copy changes run');
  },
});

/** Every 3 hours: posts made directly on the platforms count for the unit too. */
export const syncActivityJob = defineJob<WorkerDeps>({
  name: 'channels.sync-activity',
  schedule: '7 */3 * * *',
  lane: 'monitoring',
  timeoutMs: 15 * MINUTE,
  retry: { limit: 2, delayMs: 5 * MINUTE, backoff: 'exponential' },
  onFinalFailure: 'log',
  async run(_job, deps) {
    const r = await syncActivity(deps.services.publishing);
    deps.logger.info(r, 'channel activity synced');
  },
});

/**
 * Hourly: refresh TikTok tokens before they lapse (24 h, or 2 h on newer docs), ask Meta whether
 * Page tokens still work, warn days ahead, then tell the people who can fix it.
 */
export const tokenHealthJob = defineJob<WorkerDeps>({
  name: 'channels.token-health',
  schedule: '23 * * * *',
  lane: 'monitoring',
  timeoutMs: 10 * MINUTE,
  retry: { limit: 2, delayMs: 5 * MINUTE, backoff: 'exponential' },
  onFinalFailure: 'log',
  async run(_job, deps) {
    const { db, clock, logger } = deps;
    const health = await checkTokenHealth(deps.services.publishing);
    const notifier = inAppNotifier(db, clock);
    const notified = await notifyOpenAlerts({
      db,
      clock,
      alreadySent: async (userId, link) => (await listNotifications(db, userId, { limit: 200 })).some((n) => n.link === link),
      textOf: (a, ch) => channelAlertText(a, ch ? { platform: platformName(ch.platform), handle: ch.handle } : null),
      send: async (n) => {
        const r = await notifier.send({
          to: n.userId,
          recipientUserId: n.userId,
          // The in-app notifier files the row under this kind; channel alerts are not reminder rules.
          message: { template: 'channel_alert' as never, params: [], subject: n.title, text: n.text, link: n.link, unitId: n.unitId },
        });
        if (!r.ok) throw new Error(`notification not stored: ${r.reason}`);
      },
    });
    logger.info({ ...health, ...notified }, 'channel token health checked');
  },
});

export const channelJobs = [runDeliveriesJob, runPostChangesJob, syncActivityJob, tokenHealthJob];
