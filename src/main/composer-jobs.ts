import { publishDue } from '../modules/composer/index.js';
import { makeAvifVariants } from '../modules/media/index.js';
import { composerDepsOf, mediaDepsOf } from '../web/admin/composer/composer-deps.js';
import type { WorkerDeps } from './worker.js';

// Jobs of the composer. Both are safe to run twice: publishDue claims each draft with a
// conditional update in the transaction that creates its deliveries; AVIF variants are written
// content-addressed and recorded once (makeAvifVariants returns early when done).

export const COMPOSER_JOBS = { publishDue: 'composer.publish-due', makeAvif: 'media.make-avif' } as const;

export async function registerComposerJobs(deps: WorkerDeps): Promise<void> {
  const { jobs, logger } = deps;

  // Every minute, and once at start for a slot missed while down (the queue's catch-up rule):
  // scheduled posts whose time has come, late ones with a note for the staff.
  await jobs.work(COMPOSER_JOBS.publishDue, async () => {
    const r = await publishDue(composerDepsOf(deps));
    if (r.published > 0) logger.info(r, 'scheduled posts published');
  });
  await jobs.schedule(COMPOSER_JOBS.publishDue, '* * * * *');
  await jobs.send(COMPOSER_JOBS.publishDue, {}, { singletonKey: `start-${deps.clock.now().toISOString().slice(0, 16)}` });

  // AVIF takes seconds per photo, so uploads answer first and this follows.
  await jobs.work<{ mediaId: string }>(COMPOSER_JOBS.makeAvif, async (job) => {
    const r = await makeAvifVariants(mediaDepsOf(deps), job.data.mediaId);
    if (!r.ok) logger.warn({ mediaId: job.data.mediaId }, 'AVIF requested for a photo that no longer exists');
  });
}
