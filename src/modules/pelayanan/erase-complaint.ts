import type { PelayananDeps } from './deps.js';
import type { EraseMode } from './erase.js';
import { requestsRepo } from './requests-repo.js';
import { deleteDocumentFiles } from './store-document.js';

/**
 * A complaint's personal data removed: the photo, who sent it and how to reach them. At the
 * citizen's request the text, place and answer go too; by retention they stay only when the
 * citizen agreed to their publication (they are public already). The row stays for the counts
 * and response times. Idempotent.
 */
export async function eraseComplaint(deps: PelayananDeps, id: string, mode: EraseMode): Promise<boolean> {
  const row = await deps.db.selectFrom('pelayanan_complaints').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return false;
  const at = deps.clock.now().toISOString();
  await deleteDocumentFiles(deps, await requestsRepo.documentsOf(deps.db, id));
  const keepText = mode === 'retention' && row.publish_consent === 1;
  await deps.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('pelayanan_outbox').where('owner_id', '=', id).execute();
    await trx
      .updateTable('pelayanan_complaints')
      .set({
        name: null,
        phone: null,
        email: null,
        notify_channel: 'none',
        ...(keepText ? {} : { body: deps.words.erasedText, location: '', publish_consent: 0 }),
        ...(mode === 'citizen' ? { answer: row.answer ? deps.words.erasedText : null } : {}),
        docs_deleted_at: row.docs_deleted_at ?? at,
        personal_deleted_at: row.personal_deleted_at ?? at,
        updated_at: at,
      })
      .where('id', '=', id)
      .execute();
    if (mode === 'citizen' || !row.docs_deleted_at) {
      await requestsRepo.addEvent(trx, { owner_kind: 'complaint', owner_id: id, unit_id: row.unit_id, at, kind: mode === 'citizen' ? 'erased_by_citizen' : 'erased_retention', status: null, note: '', actor_user_id: null, actor_label: deps.words.actor({ kind: mode === 'citizen' ? 'reporter' : 'system' }) });
    }
  });
  return true;
}
