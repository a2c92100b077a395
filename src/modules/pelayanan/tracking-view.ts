import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import type { RequestStatus } from '../../db/schema/pelayanan.js';
import type { WorkCalendar } from '../../shared/wib-time.js';
import { type DeadlineState, deadlineState } from '../../shared/wib-time.js';
import { requestsRepo } from './requests-repo.js';

// What the citizen sees on the tracking page: the status, each step with its date and note,
// which documents were received (by label — the files themselves are never served back), and
// the letter once it is ready. No staff names: the history says "Petugas" or "Lurah".

export interface TrackingStep {
  at: string;
  kind: string;
  status: string | null;
  note: string;
  actor: string;
}

export interface RequestTrackingView {
  id: string;
  unitId: string;
  code: string;
  service: string;
  status: RequestStatus;
  submittedAt: string;
  deadlineAt: string;
  deadline: DeadlineState | null;
  fixNote: string | null;
  refuseReason: string | null;
  documents: { label: string; kind: string; at: string; deleted: boolean }[];
  steps: TrackingStep[];
  letter: { number: string; issuedAt: string; available: boolean } | null;
  personalDeleted: boolean;
  canAddDocuments: boolean;
}

const OPEN = new Set<RequestStatus>(['baru', 'perlu_perbaikan', 'diproses']);

export async function requestTrackingView(db: Kysely<DB>, id: string, now: Date, cal: WorkCalendar): Promise<RequestTrackingView | null> {
  const r = await db.selectFrom('pelayanan_requests').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) return null;
  const [docs, events, letter] = await Promise.all([
    db.selectFrom('pelayanan_documents').select(['label', 'kind', 'created_at', 'deleted_at']).where('owner_id', '=', id).orderBy('created_at').execute(),
    requestsRepo.eventsOf(db, id),
    r.letter_id ? db.selectFrom('pelayanan_letters').select(['number', 'issued_at', 'pdf_key', 'content']).where('id', '=', r.letter_id).executeTakeFirst() : undefined,
  ]);
  return {
    id: r.id,
    unitId: r.unit_id,
    code: r.tracking_code,
    service: r.service_name,
    status: r.status,
    submittedAt: r.submitted_at,
    deadlineAt: r.deadline_at,
    deadline: OPEN.has(r.status) ? deadlineState(now, new Date(r.deadline_at), cal) : null,
    fixNote: r.status === 'perlu_perbaikan' ? r.fix_note : null,
    refuseReason: r.status === 'ditolak' ? r.refuse_reason : null,
    documents: docs.map((d) => ({ label: d.label, kind: d.kind, at: d.created_at, deleted: d.deleted_at !== null })),
    steps: events.map((e) => ({ at: e.at, kind: e.kind, status: e.status, note: e.note, actor: e.actor_label })),
    letter: letter ? { number: letter.number, issuedAt: letter.issued_at, available: letter.content !== null } : null,
    personalDeleted: r.personal_deleted_at !== null,
    canAddDocuments: r.status === 'perlu_perbaikan' && r.personal_deleted_at === null,
  };
}
