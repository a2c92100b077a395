import { workingDeadline } from '../../shared/wib-time.js';
import type { DocumentRefusal } from './check-document.js';
import type { PelayananDeps, UploadedFile } from './deps.js';
import { calendarFor } from './holidays.js';
import { requestsRepo } from './requests-repo.js';
import { cityUnitOf } from './settings.js';
import { storeDocument } from './store-document.js';
import { MAX_FILES } from './submit-request.js';

export type FixOutcome =
  | { ok: true; added: number }
  | { ok: false; error: 'not_found' | 'not_waiting' | 'nothing_sent' | 'too_many' }
  | { ok: false; error: 'refused'; refusals: { name: string; code: DocumentRefusal }[] };

/**
 * The citizen answers "perlu perbaikan": adds documents (and a short note), and the request goes
 * back to the unit as new. The deadline clock restarts — Standar Pelayanan counts "setelah berkas
 * lengkap", and the unit could not act while it waited for the citizen.
 */
export async function fixRequest(deps: PelayananDeps, args: { requestId: string; files: UploadedFile[]; note: string }): Promise<FixOutcome> {
  const r = await deps.db.selectFrom('pelayanan_requests').selectAll().where('id', '=', args.requestId).executeTakeFirst();
  if (!r) return { ok: false, error: 'not_found' };
  if (r.status !== 'perlu_perbaikan' || r.personal_deleted_at) return { ok: false, error: 'not_waiting' };
  const files = args.files.filter((f) => f.bytes.length > 0);
  const note = args.note.trim().slice(0, 500);
  if (files.length === 0 && !note) return { ok: false, error: 'nothing_sent' };
  const existing = await requestsRepo.documentsOf(deps.db, r.id);
  if (existing.length + files.length > MAX_FILES + 4) return { ok: false, error: 'too_many' };

  const refusals: { name: string; code: DocumentRefusal }[] = [];
  const added: string[] = [];
  for (const f of files) {
    const label = f.slot.trim().slice(0, 120) || deps.words.doc('fix');
    const s = await storeDocument(deps, { unitId: r.unit_id, ownerKind: 'request', ownerId: r.id, slot: 'perbaikan', label, bytes: f.bytes, uploadedBy: 'warga' });
    if (s.ok) added.push(label);
    else refusals.push({ name: f.name, code: s.error });
  }
  if (refusals.length > 0 && added.length === 0 && !note) return { ok: false, error: 'refused', refusals };

  const now = deps.clock.now();
  const city = await cityUnitOf(deps.db, deps.region);
  const cal = await calendarFor(deps.db, r.unit_id, city?.id ?? '');
  const at = now.toISOString();
  await deps.db.transaction().execute(async (trx) => {
    const moved = await requestsRepo.transition(trx, r.id, ['perlu_perbaikan'], {
      status: 'baru',
      clock_started_at: at,
      deadline_at: workingDeadline(now, r.deadline_days, cal).toISOString(),
      updated_at: at,
    });
    if (!moved) return;
    const list = added.length > 0 ? deps.words.note({ kind: 'fixed_docs', docs: added }) : '';
    await requestsRepo.addEvent(trx, { owner_kind: 'request', owner_id: r.id, unit_id: r.unit_id, at, kind: 'fixed', status: 'baru', note: [list, note].filter(Boolean).join(' — '), actor_user_id: null, actor_label: deps.words.actor({ kind: 'citizen' }) });
  });
  return refusals.length > 0 ? { ok: false, error: 'refused', refusals } : { ok: true, added: added.length };
}
