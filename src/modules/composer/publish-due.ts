import { iso } from '../../shared/clock.js';
import { contentRepository } from '../content/index.js';
import { unitRepository } from '../units/index.js';
import type { ComposerDeps } from './deps.js';
import { draftRepo } from './draft-repo.js';
import { deliver } from './go-live.js';

/** Later than this after its time, a post counts as late and the staff are told why. */
export const LATE_AFTER_MS = 10 * 60_000;

export interface PublishDueReport {
  published: number;
  late: number;
}

/**
 * The `composer.publish-due` job, run every minute and once at start: every scheduled draft whose
 * time has come goes out now — also the ones missed while the server was down, then with a note
 * saying so. The website copy became public by itself at its time; this adds the social
 * deliveries. Safe to run twice or in two workers at once: a draft is claimed with a conditional
 * update (scheduled → published) inside the same transaction that creates its deliveries.
 */
export async function publishDue(deps: ComposerDeps, opts: { batch?: number } = {}): Promise<PublishDueReport> {
  const now = deps.clock.now();
  const nowIso = iso(now);
  const due = await draftRepo.due(deps.db, nowIso, opts.batch ?? 100);
  const report: PublishDueReport = { published: 0, late: 0 };
  for (const draft of due) {
    const unit = await unitRepository.byId(deps.db, draft.unitId);
    if (!unit || !draft.contentId) continue;
    const lateBy = now.getTime() - new Date(draft.publishAt!).getTime();
    const late = lateBy > LATE_AFTER_MS;
    const claimed = await deps.db.transaction().execute(async (trx) => {
      const ok = await draftRepo.update(
        trx,
        unit.id,
        draft.id,
        {
          status: 'published',
          published_at: nowIso,
          late_note: late ? JSON.stringify({ minutes: Math.round(lateBy / 60_000), at: nowIso }) : null,
          updated_at: nowIso,
          revision: draft.revision + 1,
        },
        ['scheduled'],
      );
      if (!ok) return false;
      const content = await contentRepository.byId(trx, unit.id, draft.contentId!);
      if (!content) return true;
      await deliver(deps, trx, draft, unit, content.slug, content.cover_media_id);
      return true;
    });
    if (!claimed) continue;
    report.published++;
    if (late) report.late++;
    deps.onPublicChange?.(unit.id);
  }
  return report;
}
