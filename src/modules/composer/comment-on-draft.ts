import type { Actor } from '../accounts/index.js';
import type { UnitRow } from '../units/index.js';
import { type Result, err, ok } from '../../shared/result.js';
import { writerPowers } from './approval-policy.js';
import { recordComment } from './comments.js';
import type { ComposerDeps } from './deps.js';
import { draftRepo } from './draft-repo.js';

/** A pendamping's (or anyone's) note on a draft, without changing its state. */
/** A note longer than this is refused with the limit (never cut). */
export const MAX_COMMENT = 2000;

export async function commentOnDraft(
  deps: Pick<ComposerDeps, 'db' | 'clock'>,
  args: { actor: Actor; unit: UnitRow; draftId: string; body: string },
): Promise<Result<true, 'not_found' | 'forbidden' | 'empty' | 'too_long'>> {
  const draft = await draftRepo.byId(deps.db, args.unit.id, args.draftId);
  if (!draft) return err('not_found');
  if (!writerPowers(args.actor, args.unit, false).canEdit) return err('forbidden');
  if (!args.body.trim()) return err('empty');
  if (args.body.trim().length > MAX_COMMENT) return err('too_long', String(args.body.trim().length));
  await recordComment(deps, { unitId: args.unit.id, draftId: draft.id, authorId: args.actor.id, authorName: args.actor.displayName, kind: 'comment', body: args.body });
  return ok(true);
}
