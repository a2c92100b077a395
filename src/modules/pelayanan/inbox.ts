import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import type { RequestStatus } from '../../db/schema/pelayanan.js';
import { type DeadlineState, type WorkCalendar, deadlineState } from '../../shared/wib-time.js';
import { maskIdNumber } from './nik.js';
import { normaliseTrackingCode } from './codes.js';

// The unit's inbox of requests. A page of 25, newest or most urgent first, with the counts per
// status in one grouped query — a unit with 10,000 requests in its history still answers in
// milliseconds (bench/pelayanan.ts). Lists show the NIK masked: the full number is on the
// request's own page, whose every opening is audited.

export const INBOX_FILTERS = ['aktif', 'baru', 'perlu_perbaikan', 'diproses', 'selesai', 'ditolak', 'dibatalkan', 'semua'] as const;
export type InboxFilter = (typeof INBOX_FILTERS)[number];
export const PAGE_SIZE = 25;

export interface InboxRow {
  id: string;
  code: string;
  service: string;
  applicant: string;
  nikMasked: string;
  status: RequestStatus;
  submittedAt: string;
  deadlineAt: string;
  deadline: DeadlineState | null;
}

export interface Inbox {
  rows: InboxRow[];
  total: number;
  page: number;
  pages: number;
  counts: Record<RequestStatus, number>;
  /** Open requests past or at their deadline now (the red badge on the staff home). */
  overdue: number;
  near: number;
}

const OPEN: RequestStatus[] = ['baru', 'perlu_perbaikan', 'diproses'];

export async function listInbox(
  db: Kysely<DB>,
  args: { unitId: string; filter: InboxFilter; page: number; query?: string; now: Date; cal: WorkCalendar },
): Promise<Inbox> {
  const code = args.query ? normaliseTrackingCode(args.query) : null;
  let q = db.selectFrom('pelayanan_requests').where('unit_id', '=', args.unitId);
  if (code) q = q.where('tracking_code', '=', code);
  else if (args.filter === 'aktif') q = q.where('status', 'in', OPEN);
  else if (args.filter !== 'semua') q = q.where('status', '=', args.filter);

  const [countRows, totalRow, open] = await Promise.all([
    db.selectFrom('pelayanan_requests').select(['status', (eb) => eb.fn.countAll<number>().as('n')]).where('unit_id', '=', args.unitId).groupBy('status').execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
    db.selectFrom('pelayanan_requests').select('deadline_at').where('unit_id', '=', args.unitId).where('status', 'in', ['baru', 'diproses']).execute(),
  ]);
  const total = Number(totalRow?.n ?? 0);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(Math.max(1, args.page), pages);
  // Open work in deadline order (what is due first is on top); history newest first.
  const ordered = args.filter === 'aktif' && !code ? q.orderBy('deadline_at').orderBy('id') : q.orderBy('submitted_at', 'desc').orderBy('id', 'desc');
  const rows = await ordered
    .select(['id', 'tracking_code', 'service_name', 'applicant_name', 'nik', 'status', 'submitted_at', 'deadline_at'])
    .limit(PAGE_SIZE)
    .offset((page - 1) * PAGE_SIZE)
    .execute();

  const counts = { baru: 0, perlu_perbaikan: 0, diproses: 0, selesai: 0, ditolak: 0, dibatalkan: 0 } as Record<RequestStatus, number>;
  for (const r of countRows) counts[r.status] = Number(r.n);
  let overdue = 0;
  let near = 0;
  // The office waits on the citizen while a fix is asked for: those do not count as late.
  for (const r of open) {
    const s = deadlineState(args.now, new Date(r.deadline_at), args.cal);
    if (s === 'overdue') overdue++;
    else if (s === 'near') near++;
  }
  return {
    rows: rows.map((r) => ({
      id: r.id,
      code: r.tracking_code,
      service: r.service_name,
      applicant: r.applicant_name,
      nikMasked: maskIdNumber(r.nik),
      status: r.status,
      submittedAt: r.submitted_at,
      deadlineAt: r.deadline_at,
      deadline: r.status === 'baru' || r.status === 'diproses' ? deadlineState(args.now, new Date(r.deadline_at), args.cal) : null,
    })),
    total,
    page,
    pages,
    counts,
    overdue,
    near,
  };
}

/** For the staff home's button: new requests and complaints, and how many are late. */
export async function inboxBadge(db: Kysely<DB>, unitId: string, now: Date): Promise<{ waiting: number; overdue: number; complaints: number }> {
  const [req, late, comp] = await Promise.all([
    db.selectFrom('pelayanan_requests').select((eb) => eb.fn.countAll<number>().as('n')).where('unit_id', '=', unitId).where('status', 'in', ['baru', 'diproses']).executeTakeFirst(),
    db
      .selectFrom('pelayanan_requests')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('unit_id', '=', unitId)
      .where('status', 'in', ['baru', 'diproses'])
      .where('deadline_at', '<=', now.toISOString())
      .executeTakeFirst(),
    db.selectFrom('pelayanan_complaints').select((eb) => eb.fn.countAll<number>().as('n')).where('unit_id', '=', unitId).where('status', 'in', ['baru', 'diproses']).executeTakeFirst(),
  ]);
  return { waiting: Number(req?.n ?? 0), overdue: Number(late?.n ?? 0), complaints: Number(comp?.n ?? 0) };
}

