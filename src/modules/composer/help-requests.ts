import type { Kysely, Selectable } from 'kysely';
import type { ComposerTables } from '../../db/schema/composer.js';
import type { DB } from '../../db/schema/index.js';
import type { Actor } from '../accounts/index.js';
import type { UnitRow } from '../units/index.js';
import { iso } from '../../shared/clock.js';
import { newId } from '../../shared/ids.js';
import { type Result, err, ok } from '../../shared/result.js';
import { writerPowers } from './approval-policy.js';
import { recordComment } from './comments.js';
import type { ComposerDeps } from './deps.js';
import { draftRepo } from './draft-repo.js';

// "Minta bantuan": a request to the unit's pendamping with the current draft attached. The
// pendamping sees it in their list, opens the draft (they may edit it: they write for their
// units), answers with a comment and marks it done. Only this file touches help_requests.

export const MAX_HELP_MESSAGE = 2000;

export type HelpRequestRow = Selectable<ComposerTables['help_requests']>;

export async function requestHelp(
  deps: Pick<ComposerDeps, 'db' | 'clock'>,
  args: { actor: Actor; unit: UnitRow; draftId?: string | null; message: string },
): Promise<Result<HelpRequestRow, 'forbidden' | 'not_found' | 'too_long'>> {
  if (!writerPowers(args.actor, args.unit, false).canEdit) return err('forbidden');
  // Refused with the limit, never cut without a word (issue 16).
  if (args.message.trim().length > MAX_HELP_MESSAGE) return err('too_long', String(args.message.trim().length));
  let draftId: string | null = null;
  if (args.draftId) {
    const draft = await draftRepo.byId(deps.db, args.unit.id, args.draftId);
    if (!draft) return err('not_found');
    draftId = draft.id;
  }
  const now = deps.clock.now();
  // One open request per draft is enough: pressing the button twice only adds the new message.
  const open = await deps.db
    .selectFrom('help_requests')
    .selectAll()
    .where('unit_id', '=', args.unit.id)
    .where('status', '=', 'open')
    .where((eb) => (draftId ? eb('draft_id', '=', draftId) : eb('draft_id', 'is', null)))
    .executeTakeFirst();
  const message = args.message.trim();
  let row: HelpRequestRow;
  if (open) {
    row = { ...open, message: [open.message, message].filter(Boolean).join('\n\n') };
    await deps.db.updateTable('help_requests').set({ message: row.message }).where('id', '=', open.id).execute();
  } else {
    row = {
      id: newId(now.getTime()),
      unit_id: args.unit.id,
      draft_id: draftId,
      requested_by: args.actor.id,
      requester_name: args.actor.displayName,
      message,
      status: 'open',
      created_at: iso(now),
      answered_at: null,
      answered_by: null,
      answer: null,
    };
    await deps.db.insertInto('help_requests').values(row).execute();
  }
  if (draftId) await recordComment(deps, { unitId: args.unit.id, draftId, authorId: args.actor.id, authorName: args.actor.displayName, kind: 'help', body: message });
  return ok(row);
}

/**
 * The pendamping (or admin kota) answers a request and closes it. The reply, when written, is
 * kept with the request and, for a request about a draft, in the draft's notes; the caller tells
 * the person who asked (their "Pesan untuk saya").
 */
export async function answerHelp(
  deps: Pick<ComposerDeps, 'db' | 'clock'>,
  args: { actor: Actor; unit: UnitRow; helpId: string; reply?: string },
): Promise<Result<HelpRequestRow, 'forbidden' | 'not_found' | 'too_long'>> {
  if (args.actor.role !== 'pendamping' && args.actor.role !== 'admin_kota') return err('forbidden');
  if (!writerPowers(args.actor, args.unit, false).canEdit) return err('forbidden');
  const typed = (args.reply ?? '').trim();
  // Refused with the limit, as a request is, never cut without a word (issue 16): the request
  // stays open and the pendamping shortens the reply.
  if (typed.length > MAX_HELP_MESSAGE) return err('too_long', String(typed.length));
  const reply = typed || null;
  const now = iso(deps.clock.now());
  const r = await deps.db
    .updateTable('help_requests')
    .set({ status: 'answered', answered_at: now, answered_by: args.actor.id, answer: reply })
    .where('id', '=', args.helpId)
    .where('unit_id', '=', args.unit.id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) return err('not_found');
  const row = (await deps.db.selectFrom('help_requests').selectAll().where('id', '=', args.helpId).executeTakeFirstOrThrow()) as HelpRequestRow;
  if (reply && row.draft_id) {
    await recordComment(deps, { unitId: args.unit.id, draftId: row.draft_id, authorId: args.actor.id, authorName: args.actor.displayName, kind: 'comment', body: reply });
  }
  return ok(row);
}

export const openHelpRequests = (db: Kysely<DB>, unitIds: string[]) =>
  unitIds.length === 0
    ? Promise.resolve([] as HelpRequestRow[])
    : db.selectFrom('help_requests').selectAll().where('unit_id', 'in', unitIds).where('status', '=', 'open').orderBy('created_at').execute();

/** Help requests about a draft that was discarded: nothing is left to help with. */
export const deleteHelpRequestsOf = (db: Kysely<DB>, unitId: string, draftId: string) =>
  db.deleteFrom('help_requests').where('unit_id', '=', unitId).where('draft_id', '=', draftId).execute();
