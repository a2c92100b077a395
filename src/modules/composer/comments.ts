import type { Kysely, Selectable } from 'kysely';
import type { CommentKind, ComposerTables } from '../../db/schema/composer.js';
import type { DB } from '../../db/schema/index.js';
import { iso, type Clock } from '../../shared/clock.js';
import { newId } from '../../shared/ids.js';

// The conversation around a draft: review comments, "returned with a note", approvals and help
// requests, in the order they happened. Only this file touches composer_comments.

export type CommentRow = Selectable<ComposerTables['composer_comments']>;

export async function recordComment(
  deps: { db: Kysely<DB>; clock: Clock },
  c: { unitId: string; draftId: string; authorId: string | null; authorName: string; kind: CommentKind; body: string },
): Promise<CommentRow> {
  const row: CommentRow = {
    id: newId(deps.clock.now().getTime()),
    unit_id: c.unitId,
    draft_id: c.draftId,
    author_id: c.authorId,
    author_name: c.authorName,
    kind: c.kind,
    body: c.body.trim().slice(0, 2000),
    created_at: iso(deps.clock.now()),
  };
  await deps.db.insertInto('composer_comments').values(row).execute();
  return row;
}

export const listComments = (db: Kysely<DB>, unitId: string, draftId: string) =>
  db.selectFrom('composer_comments').selectAll().where('unit_id', '=', unitId).where('draft_id', '=', draftId).orderBy('created_at').orderBy('id').execute();

/** Who last sent the draft for a decision ("Kirim ke Lurah"), if anyone did. */
export async function lastSubmitterId(db: Kysely<DB>, unitId: string, draftId: string): Promise<string | null> {
  const r = await db
    .selectFrom('composer_comments')
    .select('author_id')
    .where('unit_id', '=', unitId)
    .where('draft_id', '=', draftId)
    .where('kind', '=', 'submitted')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return r?.author_id ?? null;
}

/** `lastSubmitterId` over comments already loaded in listComments' order (the editor has them). */
export const submitterOf = (comments: CommentRow[]): string | null => comments.findLast((c) => c.kind === 'submitted')?.author_id ?? null;

/** With a discarded draft, its conversation goes too. */
export const deleteComments = (db: Kysely<DB>, unitId: string, draftId: string) =>
  db.deleteFrom('composer_comments').where('unit_id', '=', unitId).where('draft_id', '=', draftId).execute();
