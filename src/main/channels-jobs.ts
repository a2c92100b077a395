import { checkTokenHealth, notifyOpenAlerts } from '../modules/channels/index.js';
import { runDueDeliveries, syncActivity } from '../modules/publishing/index.js';
import { inAppNotifier, listNotifications } from '../modules/reminders/index.js';
import { publishingDepsOf } from '../web/admin/channels/channels-deps.js';
import { RUN_DUE_JOB } from '../web/admin/channels/delivery-routes.js';
import type { WorkerDeps } from './worker.js';

// Jobs of the social channels. Each handler only calls a use case; the use cases are safe to run
// twice (deliveries hold a lease and never re-send a recorded step; sync dedupes on the platform
// post id; alerts open once per incident; notifications once per person and alert).

export const CHANNEL_JOBS = {
  runDue: RUN_DUE_JOB,
  syncActivity: 'channels.sync-activity',
  tokenHealth: 'channels.token-health',
} as const;

export async function registerChannelJobs(deps: WorkerDeps): Promise<void> {
  const { jobs, db, clock, logger } = deps;
  const publishing = () => publishingDepsOf(deps);

  // Every minute: due deliveries (new, retry time reached, platform still processing).
  await jobs.work(CHANNEL_JOBS.runDue, async () => {
    const r = await runDueDeliveries(publishing(), { concurrency: 4 });
    if (r.ran > 0) logger.info(r, 'deliveries run');
  });
  await jobs.schedule(CHANNEL_JOBS.runDue, '* * * * *');

  // Every 3 hours: posts made directly on the platforms count for the unit too.
  await jobs.work(CHANNEL_JOBS.syncActivity, async () => {
    const r = await syncActivity(publishing());
    logger.info(r, 'channel activity synced');
  });
  await jobs.schedule(CHANNEL_JOBS.syncActivity, '7 */3 * * *');

  // Hourly: refresh TikTok tokens before they lapse (24 h, or 2 h on newer docs), ask Meta
  // whether Page tokens still work, warn days ahead, then tell the people who can fix it.
  await jobs.work(CHANNEL_JOBS.tokenHealth, async () => {
    const health = await checkTokenHealth(publishing());
    const notifier = inAppNotifier(db, clock);
    const notified = await notifyOpenAlerts({
      db,
      clock,
      alreadySent: async (userId, link) => (await listNotifications(db, userId, { limit: 200 })).some((n) => n.link === link),
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
  });
  await jobs.schedule(CHANNEL_JOBS.tokenHealth, '23 * * * *');
}
