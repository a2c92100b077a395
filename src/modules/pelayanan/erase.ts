import type { PelayananDeps } from './deps.js';
import { requestsRepo } from './requests-repo.js';
import { deleteDocumentFiles } from './store-document.js';

// Removing a citizen's personal data (UU 27/2022): documents, the letter's file and text, and
// the personal fields of the row. What stays is what the unit must keep and what statistics
// need — the layanan, the dates, the status, and the letter's register row (number, date,
// subject, signer), so the QR page still confirms a letter that was really issued.
// Idempotent: a second run finds nothing left to remove.

export type EraseMode = 'retention' | 'citizen';

async function eraseLetterOf(deps: PelayananDeps, requestId: string, at: string): Promise<void> {
  const letters = await deps.db.selectFrom('pelayanan_letters').select(['id', 'pdf_key']).where('request_id', '=', requestId).where('content_deleted_at', 'is', null).execute();
  for (const l of letters) {
    if (l.pdf_key) await deps.store.remove(l.pdf_key);
    await deps.db.updateTable('pelayanan_letters').set({ content: null, pdf_key: null, content_deleted_at: at }).where('id', '=', l.id).execute();
  }
}

export async function eraseRequest(deps: PelayananDeps, requestId: string, mode: EraseMode): Promise<boolean> {
  const r = await deps.db.selectFrom('pelayanan_requests').selectAll().where('id', '=', requestId).executeTakeFirst();
  if (!r) return false;
  const now = deps.clock.now();
  const at = now.toISOString();
  await deleteDocumentFiles(deps, await requestsRepo.documentsOf(deps.db, r.id));
  await eraseLetterOf(deps, r.id, at);
  const open = r.status === 'baru' || r.status === 'perlu_perbaikan' || r.status === 'diproses';
  await deps.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('pelayanan_outbox').where('owner_id', '=', r.id).execute();
    await requestsRepo.update(trx, r.id, {
      ...(mode === 'citizen' ? { applicant_name: deps.words.erasedName } : {}),
      nik: null,
      kk: null,
      phone: null,
      email: null,
      address: '',
      fields: '{}',
      notify_channel: 'none',
      docs_deleted_at: r.docs_deleted_at ?? at,
      personal_deleted_at: r.personal_deleted_at ?? at,
      fix_note: null,
      ...(open && mode === 'citizen' ? { status: 'dibatalkan' as const, closed_at: at } : {}),
      updated_at: at,
    });
    if (mode === 'citizen' || !r.docs_deleted_at) {
      await requestsRepo.addEvent(trx, {
        owner_kind: 'request',
        owner_id: r.id,
        unit_id: r.unit_id,
        at,
        kind: mode === 'citizen' ? 'erased_by_citizen' : 'erased_retention',
        status: open && mode === 'citizen' ? 'dibatalkan' : null,
        note: '',
        actor_user_id: null,
        actor_label: deps.words.actor({ kind: mode === 'citizen' ? 'citizen' : 'system' }),
      });
    }
  });
  return true;
}
