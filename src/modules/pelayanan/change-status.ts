import type { Transaction } from 'kysely';
import * as z from 'zod';
import type { Actor } from '../accounts/index.js';
import type { DB } from '../../db/schema/index.js';
import type { RequestStatus } from '../../db/schema/pelayanan.js';
import type { PelayananDeps } from './deps.js';
import { citizenMessage, queueCitizenMessage } from './outbox.js';
import type { PelayananWords } from './words.js';
import { type RequestRow, requestsRepo } from './requests-repo.js';

// What staff do with a request, as a small state machine. Each step writes the new status, a
// history line the citizen sees, and the message to the citizen in one transaction; a step
// taken twice (a double tap, two staff at once) moves nothing the second time.
//
//   baru ──proses──▶ diproses ──selesai/setujui──▶ selesai
//    │  ◀──(citizen fixes)── perlu_perbaikan ◀──perbaikan── baru | diproses
//    └──tolak (lurah)──▶ ditolak

export const STAFF_ACTIONS = ['proses', 'perbaikan', 'tolak', 'selesai'] as const;
export type StaffAction = (typeof STAFF_ACTIONS)[number];

/** A staff action on a request as the detail page posts it: a status change, or the head's approval. */
export const requestActionFormSchema = z.object({ aksi: z.enum([...STAFF_ACTIONS, 'setujui']), catatan: z.string() });

const RULES: Record<StaffAction, { from: RequestStatus[]; to: RequestStatus; event: string; needsNote: boolean; head: boolean }> = {
  proses: { from: ['baru'], to: 'diproses', event: 'processing', needsNote: false, head: false },
  perbaikan: { from: ['baru', 'diproses'], to: 'perlu_perbaikan', event: 'fix_requested', needsNote: true, head: false },
  tolak: { from: ['baru', 'diproses', 'perlu_perbaikan'], to: 'ditolak', event: 'refused', needsNote: true, head: true },
  selesai: { from: ['baru', 'diproses'], to: 'selesai', event: 'completed', needsNote: false, head: false },
};

export type ChangeStatusError = 'not_found' | 'not_allowed' | 'wrong_state' | 'note_required' | 'needs_letter';

export interface ChangeStatusInput {
  actor: Actor;
  unitId: string;
  unitName: string;
  id: string;
  action: StaffAction;
  note: string;
  /** The layanan ends in a letter: "selesai" goes through approval (issueLetter) instead. */
  endsInLetter: boolean;
  isHead: boolean;
  trackingLink: string;
}

/** Close fields of a request finishing now: how long it took and whether it kept the deadline. */
export function closing(r: Pick<RequestRow, 'submitted_at' | 'deadline_at'>, now: Date): Partial<RequestRow> {
  return {
    closed_at: now.toISOString(),
    completion_minutes: Math.max(0, Math.round((now.getTime() - Date.parse(r.submitted_at)) / 60_000)),
    within_deadline: now.toISOString() <= r.deadline_at ? 1 : 0,
  };
}

export async function notifyStatus(trx: Transaction<DB>, now: Date, words: PelayananWords, r: RequestRow, status: RequestStatus, note: string, link: string): Promise<void> {
  await queueCitizenMessage(trx, now, {
    ownerId: r.id,
    unitId: r.unit_id,
    to: { channel: r.notify_channel, phone: r.phone, email: r.email },
    message: citizenMessage(words, { kind: 'request_status', service: r.service_name, code: r.tracking_code, status, note, link }),
  });
}

export async function changeRequestStatus(deps: PelayananDeps, input: ChangeStatusInput): Promise<{ ok: true; status: RequestStatus } | { ok: false; error: ChangeStatusError }> {
  const rule = RULES[input.action];
  if (rule.head && !input.isHead) return { ok: false, error: 'not_allowed' };
  const note = input.note.trim().slice(0, 1000);
  if (rule.needsNote && !note) return { ok: false, error: 'note_required' };
  if (input.action === 'selesai' && input.endsInLetter) return { ok: false, error: 'needs_letter' };
  const r = await requestsRepo.byId(deps.db, input.unitId, input.id);
  if (!r) return { ok: false, error: 'not_found' };
  if (!rule.from.includes(r.status) || r.personal_deleted_at) return { ok: false, error: 'wrong_state' };
  const now = deps.clock.now();
  const at = now.toISOString();
  const moved = await deps.db.transaction().execute(async (trx) => {
    const set: Partial<RequestRow> = { status: rule.to, updated_at: at };
    if (input.action === 'perbaikan') set.fix_note = note;
    if (input.action === 'tolak') Object.assign(set, { refuse_reason: note, ...closing(r, now) });
    if (input.action === 'selesai') Object.assign(set, closing(r, now));
    if (!(await requestsRepo.transition(trx, r.id, rule.from, set))) return false;
    await requestsRepo.addEvent(trx, {
      owner_kind: 'request',
      owner_id: r.id,
      unit_id: r.unit_id,
      at,
      kind: rule.event,
      status: rule.to,
      note: input.action === 'perbaikan' || input.action === 'tolak' ? note : '',
      actor_user_id: input.actor.id,
      actor_label: deps.words.actor({ kind: input.isHead ? 'head' : 'staff', unit: input.unitName }),
    });
    await notifyStatus(trx, now, deps.words, r, rule.to, note, input.trackingLink);
    return true;
  });
  return moved ? { ok: true, status: rule.to } : { ok: false, error: 'wrong_state' };
}
