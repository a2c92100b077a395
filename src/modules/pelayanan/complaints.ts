import type { Kysely } from 'kysely';
import * as z from 'zod';
import { type Actor, recordAudit } from '../accounts/index.js';
import type { DB } from '../../db/schema/index.js';
import type { ComplaintStatus } from '../../db/schema/pelayanan.js';
import { unitRepository } from '../units/index.js';
import type { PelayananDeps } from './deps.js';
import { citizenMessage, queueCitizenMessage } from './outbox.js';
import type { ComplaintNoticeStatus } from './words.js';
import { type DocumentRow, type EventRow, requestsRepo } from './requests-repo.js';

// Complaints in the staff's hands: the inbox of the unit that holds them now, one complaint
// (audited), answering it, and forwarding it to the kecamatan or an OPD that deals with the
// matter — which then finds it in its own inbox, with the photo, while the citizen keeps
// following it on the site where they filed it.

export type ComplaintRow = DB['pelayanan_complaints'];

export interface ComplaintListRow {
  id: string;
  code: string;
  category: string;
  excerpt: string;
  status: ComplaintStatus;
  submittedAt: string;
  forwarded: boolean;
  anonymous: boolean;
}

export async function listComplaints(db: Kysely<DB>, args: { unitId: string; filter: 'aktif' | 'dijawab' | 'semua'; page: number }): Promise<{ rows: ComplaintListRow[]; total: number; page: number; pages: number; open: number }> {
  let q = db.selectFrom('pelayanan_complaints').where('unit_id', '=', args.unitId);
  if (args.filter === 'aktif') q = q.where('status', 'in', ['baru', 'diproses']);
  if (args.filter === 'dijawab') q = q.where('status', '=', 'dijawab');
  const [total, open] = await Promise.all([
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
    db.selectFrom('pelayanan_complaints').select((eb) => eb.fn.countAll<number>().as('n')).where('unit_id', '=', args.unitId).where('status', 'in', ['baru', 'diproses']).executeTakeFirst(),
  ]);
  const n = Number(total?.n ?? 0);
  const pages = Math.max(1, Math.ceil(n / 25));
  const page = Math.min(Math.max(1, args.page), pages);
  const rows = await q
    .select(['id', 'tracking_code', 'category', 'body', 'status', 'submitted_at', 'origin_unit_id', 'anonymous'])
    .orderBy('submitted_at', args.filter === 'aktif' ? 'asc' : 'desc')
    .orderBy('id')
    .limit(25)
    .offset((page - 1) * 25)
    .execute();
  return {
    rows: rows.map((r) => ({ id: r.id, code: r.tracking_code, category: r.category, excerpt: r.body.slice(0, 140), status: r.status, submittedAt: r.submitted_at, forwarded: r.origin_unit_id !== args.unitId, anonymous: r.anonymous === 1 })),
    total: n,
    page,
    pages,
    open: Number(open?.n ?? 0),
  };
}

export interface StaffComplaintView {
  row: ComplaintRow;
  originName: string;
  documents: Pick<DocumentRow, 'id' | 'label' | 'kind' | 'created_at'>[];
  events: EventRow[];
}

export async function openComplaintForStaff(deps: PelayananDeps, args: { actor: Actor; unitId: string; id: string; ip: string | null }): Promise<StaffComplaintView | null> {
  const row = await deps.db.selectFrom('pelayanan_complaints').selectAll().where('id', '=', args.id).where('unit_id', '=', args.unitId).executeTakeFirst();
  if (!row) return null;
  const [docs, events, origin] = await Promise.all([requestsRepo.documentsOf(deps.db, row.id), requestsRepo.eventsOf(deps.db, row.id), unitRepository.byId(deps.db, row.origin_unit_id)]);
  await recordAudit(deps.db, deps.clock, { actorUserId: args.actor.id, action: 'pelayanan.complaint.view', unitId: args.unitId, target: row.id, ip: args.ip, detail: { code: row.tracking_code } });
  return { row, originName: origin?.name ?? '', documents: docs.map((d) => ({ id: d.id, label: d.label, kind: d.kind, created_at: d.created_at })), events };
}

/** Where a unit may send a complaint: its kecamatan, and the city's OPD. */
export async function forwardTargets(db: Kysely<DB>, args: { unitId: string; region: string }): Promise<{ id: string; name: string; kind: string }[]> {
  const units = await unitRepository.inRegion(db, args.region);
  const me = units.find((u) => u.id === args.unitId);
  const out = units.filter((u) => u.id !== args.unitId && ((u.kind === 'kecamatan' && u.id === me?.parent_id) || u.kind === 'opd'));
  return out.sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === 'kecamatan' ? -1 : 1)).map((u) => ({ id: u.id, name: u.name, kind: u.kind }));
}

export const COMPLAINT_ACTIONS = ['proses', 'jawab', 'teruskan'] as const;
export type ComplaintAction = (typeof COMPLAINT_ACTIONS)[number];

/** A staff action on a complaint as the detail page posts it (one form per action). */
export const complaintActionFormSchema = z.object({ aksi: z.enum(COMPLAINT_ACTIONS), teks: z.string(), publikasi: z.string(), tujuan: z.string() });
export type ComplaintActionError = 'not_found' | 'wrong_state' | 'note_required' | 'bad_target';

export async function actOnComplaint(
  deps: PelayananDeps,
  args: { actor: Actor; unitId: string; unitLabel: string; id: string; action: ComplaintAction; text: string; publish: boolean; targetUnitId?: string; trackingLink: string },
): Promise<{ ok: true } | { ok: false; error: ComplaintActionError }> {
  const row = await deps.db.selectFrom('pelayanan_complaints').selectAll().where('id', '=', args.id).where('unit_id', '=', args.unitId).executeTakeFirst();
  if (!row) return { ok: false, error: 'not_found' };
  if (row.status === 'dijawab') return { ok: false, error: 'wrong_state' };
  const text = args.text.trim().slice(0, 3000);
  const now = deps.clock.now();
  const at = now.toISOString();
  let target: { id: string; name: string } | undefined;
  if (args.action === 'teruskan') {
    target = (await forwardTargets(deps.db, { unitId: args.unitId, region: deps.region })).find((u) => u.id === args.targetUnitId);
    if (!target) return { ok: false, error: 'bad_target' };
  }
  if (args.action === 'jawab' && !text) return { ok: false, error: 'note_required' };
  if (args.action === 'proses' && row.status !== 'baru') return { ok: false, error: 'wrong_state' };

  const moved = await deps.db.transaction().execute(async (trx) => {
    const base = trx.updateTable('pelayanan_complaints').where('id', '=', row.id).where('unit_id', '=', args.unitId).where('status', '=', row.status);
    let told: ComplaintNoticeStatus = { status: 'diproses' };
    let note = '';
    if (args.action === 'proses') {
      const r = await base.set({ status: 'diproses', updated_at: at }).executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) return false;
    } else if (args.action === 'jawab') {
      const r = await base
        .set({
          status: 'dijawab',
          answer: text,
          answered_at: at,
          answered_by_unit_id: args.unitId,
          closed_at: at,
          response_minutes: Math.max(0, Math.round((now.getTime() - Date.parse(row.submitted_at)) / 60_000)),
          // Shown publicly only when the citizen agreed and the staff did not hold it back.
          publish_consent: row.publish_consent === 1 && args.publish ? 1 : 0,
          updated_at: at,
        })
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) return false;
      told = { status: 'dijawab' };
      note = text;
    } else {
      const r = await base.set({ unit_id: target!.id, status: 'baru', forwarded_at: at, updated_at: at }).executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) return false;
      // The photo goes with the complaint: from now on only the receiving unit's staff open it.
      await trx.updateTable('pelayanan_documents').set({ unit_id: target!.id }).where('owner_id', '=', row.id).execute();
      told = { status: 'diteruskan', unit: target!.name };
      note = [deps.words.note({ kind: 'forwarded_to', unit: target!.name }), text].filter(Boolean).join(' — ');
    }
    await requestsRepo.addEvent(trx, {
      owner_kind: 'complaint',
      owner_id: row.id,
      unit_id: args.unitId,
      at,
      kind: args.action === 'proses' ? 'in_progress' : args.action === 'jawab' ? 'answered' : 'forwarded',
      status: args.action === 'jawab' ? 'dijawab' : args.action === 'proses' ? 'diproses' : 'baru',
      note,
      actor_user_id: args.actor.id,
      actor_label: deps.words.actor({ kind: 'staff', unit: args.unitLabel }),
    });
    if (args.action !== 'proses') {
      await queueCitizenMessage(trx, now, {
        ownerId: row.id,
        unitId: args.unitId,
        to: { channel: row.notify_channel, phone: row.phone, email: row.email },
        message: citizenMessage(deps.words, { kind: 'complaint_status', code: row.tracking_code, status: told, note: args.action === 'jawab' ? text.slice(0, 500) : note, link: args.trackingLink }),
      });
    }
    return true;
  });
  return moved ? { ok: true } : { ok: false, error: 'wrong_state' };
}

export interface ComplaintTrackingView {
  id: string;
  code: string;
  status: ComplaintStatus;
  category: string;
  body: string;
  submittedAt: string;
  answer: string | null;
  handledBy: string | null;
  steps: { at: string; kind: string; status: string | null; note: string; actor: string }[];
  personalDeleted: boolean;
}

export async function complaintTrackingView(db: Kysely<DB>, id: string): Promise<ComplaintTrackingView | null> {
  const row = await db.selectFrom('pelayanan_complaints').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  const events = await requestsRepo.eventsOf(db, id);
  const handler = row.unit_id !== row.origin_unit_id ? await unitRepository.byId(db, row.unit_id) : undefined;
  return {
    id: row.id,
    code: row.tracking_code,
    status: row.status,
    category: row.category,
    body: row.body,
    submittedAt: row.submitted_at,
    answer: row.answer,
    handledBy: handler?.name ?? null,
    steps: events.map((e) => ({ at: e.at, kind: e.kind, status: e.status, note: e.note, actor: e.actor_label })),
    personalDeleted: row.personal_deleted_at !== null,
  };
}

export interface PublishedAnswer {
  category: string;
  body: string;
  answer: string;
  submittedAt: string;
  answeredAt: string;
}

/** The public complaint page: answers the citizens agreed to publish, newest first, no names. */
export async function publishedAnswers(db: Kysely<DB>, args: { unitId: string; limit?: number }): Promise<PublishedAnswer[]> {
  const rows = await db
    .selectFrom('pelayanan_complaints')
    .select(['category', 'body', 'answer', 'submitted_at', 'answered_at'])
    .where('origin_unit_id', '=', args.unitId)
    .where('status', '=', 'dijawab')
    .where('publish_consent', '=', 1)
    .where('personal_deleted_at', 'is', null)
    .orderBy('answered_at', 'desc')
    .limit(args.limit ?? 20)
    .execute();
  return rows.map((r) => ({ category: r.category, body: r.body, answer: r.answer ?? '', submittedAt: r.submitted_at, answeredAt: r.answered_at ?? r.submitted_at }));
}

/** A complaint of a unit's site by its tracking code (the citizen's pages). */
export async function findComplaintByCode(db: Kysely<DB>, originUnitId: string, code: string): Promise<{ id: string } | undefined> {
  const r = await db.selectFrom('pelayanan_complaints').select(['id', 'origin_unit_id']).where('tracking_code', '=', code).executeTakeFirst();
  return r && r.origin_unit_id === originUnitId ? { id: r.id } : undefined;
}

/** A complaint a unit holds now (its inbox), or undefined: forwarded ones belong to the new unit. */
export async function complaintHeldBy(db: Kysely<DB>, unitId: string, id: string): Promise<{ id: string; originUnitId: string } | undefined> {
  const r = await db.selectFrom('pelayanan_complaints').select(['id', 'origin_unit_id']).where('id', '=', id).where('unit_id', '=', unitId).executeTakeFirst();
  return r ? { id: r.id, originUnitId: r.origin_unit_id } : undefined;
}
