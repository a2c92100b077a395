import type { ComposerTemplate } from '../../db/schema/composer.js';
import { iso } from '../../shared/clock.js';
import { newId } from '../../shared/ids.js';
import { type Result, err, ok } from '../../shared/result.js';
import type { ComposerDeps } from './deps.js';
import { type Draft, draftRepo } from './draft-repo.js';
import { isTemplate } from './templates.js';

export interface NewDraftText {
  /** The template's pre-filled structure and hashtags, already in the user's language. */
  body: string;
  hashtags: string[];
}

/**
 * Starts a draft from a template. It is saved at once, so even the first keystroke has a home on
 * the server and a lost connection never loses more than a few seconds of typing.
 */
export async function createDraft(
  deps: Pick<ComposerDeps, 'db' | 'clock'>,
  args: { unitId: string; userId: string | null; template: ComposerTemplate | string; text: NewDraftText },
): Promise<Result<Draft, 'unknown_template'>> {
  if (!isTemplate(args.template)) return err('unknown_template');
  const now = deps.clock.now();
  const id = newId(now.getTime());
  await draftRepo.insert(deps.db, {
    id,
    unit_id: args.unitId,
    template: args.template,
    title: '',
    body: args.text.body,
    hashtags: JSON.stringify(args.text.hashtags),
    photos: '[]',
    channel_ids: null,
    captions: '{}',
    tiktok_privacy: null,
    status: 'draft',
    publish_at: null,
    content_id: null,
    late_note: null,
    step: 'tulis',
    revision: 1,
    created_by: args.userId,
    updated_by: args.userId,
    created_at: iso(now),
    updated_at: iso(now),
    published_at: null,
  });
  return ok((await draftRepo.byId(deps.db, args.unitId, id))!);
}
