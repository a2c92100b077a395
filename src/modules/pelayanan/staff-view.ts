import { type Actor, recordAudit } from '../accounts/index.js';
import type { RequestStatus } from '../../db/schema/pelayanan.js';
import { type DeadlineState, type WorkCalendar, deadlineState } from '../../shared/wib-time.js';
import type { PelayananDeps } from './deps.js';
import { type DocumentRow, type EventRow, requestsRepo } from './requests-repo.js';

// A staff member opening a citizen's request or one of its documents. Each opening is written
// to the audit log in the same call that reads the data (UU 27/2022: the controller can show who
// processed whose data and when); the log names the request and the document, never the NIK.

export interface StaffRequestView {
  id: string;
  unitId: string;
  code: string;
  serviceCode: string;
  service: string;
  status: RequestStatus;
  applicant: string;
  nik: string | null;
  kk: string | null;
  phone: string | null;
  email: string | null;
  address: string;
  fields: Record<string, string>;
  notify: string;
  submittedAt: string;
  deadlineAt: string;
  deadline: DeadlineState | null;
  fixNote: string | null;
  refuseReason: string | null;
  closedAt: string | null;
  letterId: string | null;
  personalDeleted: boolean;
  documents: Pick<DocumentRow, 'id' | 'label' | 'kind' | 'mime' | 'bytes' | 'created_at' | 'uploaded_by'>[];
  events: EventRow[];
}

export async function openRequestForStaff(
  deps: PelayananDeps,
  args: { actor: Actor; unitId: string; id: string; ip: string | null; cal: WorkCalendar },
): Promise<StaffRequestView | null> {
  const r = await requestsRepo.byId(deps.db, args.unitId, args.id);
  if (!r) return null;
  const [docs, events] = await Promise.all([requestsRepo.documentsOf(deps.db, r.id), requestsRepo.eventsOf(deps.db, r.id)]);
  await recordAudit(deps.db, deps.clock, {
    actorUserId: args.actor.id,
    action: 'pelayanan.request.view',
    unitId: args.unitId,
    target: r.id,
    ip: args.ip,
    detail: { code: r.tracking_code, service: r.service_code },
  });
  let fields: Record<string, string> = {};
  try {
    fields = JSON.parse(r.fields) as Record<string, string>;
  } catch {
    fields = {};
  }
  return {
    id: r.id,
    unitId: r.unit_id,
    code: r.tracking_code,
    serviceCode: r.service_code,
    service: r.service_name,
    status: r.status,
    applicant: r.applicant_name,
    nik: r.nik,
    kk: r.kk,
    phone: r.phone,
    email: r.email,
    address: r.address,
    fields,
    notify: r.notify_channel,
    submittedAt: r.submitted_at,
    deadlineAt: r.deadline_at,
    deadline: r.status === 'baru' || r.status === 'diproses' ? deadlineState(deps.clock.now(), new Date(r.deadline_at), args.cal) : null,
    fixNote: r.fix_note,
    refuseReason: r.refuse_reason,
    closedAt: r.closed_at,
    letterId: r.letter_id,
    personalDeleted: r.personal_deleted_at !== null,
    documents: docs.map((d) => ({ id: d.id, label: d.label, kind: d.kind, mime: d.mime, bytes: d.bytes, created_at: d.created_at, uploaded_by: d.uploaded_by })),
    events,
  };
}

/** One document's bytes for a staff member of its unit, audited; null when it is not there (deleted, other unit, guessed id). */
export async function readDocumentForStaff(
  deps: PelayananDeps,
  args: { actor: Actor; unitId: string; ownerId: string; docId: string; ip: string | null },
): Promise<{ bytes: Buffer; mime: string; label: string; kind: 'image' | 'pdf' } | null> {
  const doc = await requestsRepo.document(deps.db, args.unitId, args.ownerId, args.docId);
  if (!doc) return null;
  const bytes = await deps.store.read(doc.storage_key);
  if (!bytes) return null;
  await recordAudit(deps.db, deps.clock, {
    actorUserId: args.actor.id,
    action: 'pelayanan.document.view',
    unitId: args.unitId,
    target: doc.id,
    ip: args.ip,
    detail: { owner: args.ownerId, label: doc.label },
  });
  return { bytes, mime: doc.mime, label: doc.label, kind: doc.kind };
}
