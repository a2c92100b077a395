import { contentRepository, saveContent } from '../content/index.js';
import { unitRepository } from '../units/index.js';
import type { ComposerDeps } from './deps.js';
import type { Draft } from './draft-repo.js';
import { contentFromDraft } from './content-from-draft.js';

/**
 * Rewrites the website copy of a scheduled draft after an edit (time, text or photos). A card
 * made earlier stays the cover of a post without photos: re-rendering on every autosave would
 * cost a second of CPU per keystroke pause.
 */
export async function syncScheduledContent(
  deps: Pick<ComposerDeps, 'db' | 'clock' | 'onPublicChange' | 'siteBaseOf'> & Partial<ComposerDeps>,
  draft: Draft,
  userId: string | null,
): Promise<void> {
  if (!draft.contentId) return;
  const unit = await unitRepository.byId(deps.db, draft.unitId);
  const existing = await contentRepository.byId(deps.db, draft.unitId, draft.contentId);
  if (!unit || !existing) return;
  const input = await contentFromDraft({ ...deps, makeCard: undefined }, { draft, unit, userId, status: 'scheduled', publishAt: draft.publishAt });
  if (!input.coverMediaId && existing.cover_media_id) {
    input.coverMediaId = existing.cover_media_id;
    input.coverAlt = existing.cover_alt;
  }
  await saveContent({ db: deps.db, clock: deps.clock, onPublicChange: deps.onPublicChange }, { unitId: draft.unitId, id: draft.contentId, actorId: userId, input });
}
