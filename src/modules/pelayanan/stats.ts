import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';

// Counts and times of pelayanan per unit, for the mayor's "Pelayanan" view and the public
// complaint page: never a name, never a NIK. Grouped in SQL; the medians are taken in memory
// from one column (SQLite has no percentile function), which for a year of a city's requests
// is a few hundred kilobytes (bench/pelayanan.ts).

export interface UnitPelayananStats {
  received: number;
  done: number;
  refused: number;
  open: number;
  /** Median minutes from sending to done (letters issued or marked done); null with none done. */
  medianMinutes: number | null;
  /** Share of done requests finished by their deadline, 0–1; null with none done. */
  withinShare: number | null;
  overdueNow: number;
  complaints: number;
  complaintsAnswered: number;
  complaintMedianMinutes: number | null;
}

export const emptyStats = (): UnitPelayananStats => ({ received: 0, done: 0, refused: 0, open: 0, medianMinutes: null, withinShare: null, overdueNow: 0, complaints: 0, complaintsAnswered: 0, complaintMedianMinutes: null });

function median(sorted: number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : Math.round((sorted[mid - 1]! + sorted[mid]!) / 2);
}

function mediansBy(rows: { unit: string; m: number | null }[]): Map<string, number | null> {
  const lists = new Map<string, number[]>();
  for (const r of rows) {
    if (r.m === null) continue;
    let l = lists.get(r.unit);
    if (!l) lists.set(r.unit, (l = []));
    l.push(Number(r.m));
  }
  // Sorted here: a typed-array sort of a unit's numbers is far cheaper than SQLite's ORDER BY
  // over a year of a city's rows (it builds a temporary b-tree of every row).
  return new Map([...lists].map(([u, l]) => [u, median(Array.from(Float64Array.from(l).sort()))]));
}

/**
 * Requests sent and complaints filed in [from, to), per unit (null `unitIds`: every unit), and
 * what is overdue at `now` whenever it was sent. Also the total over the units asked for.
 */
export async function pelayananStats(
  db: Kysely<DB>,
  args: { unitIds: string[] | null; from: string; to: string; now: Date },
): Promise<{ byUnit: Map<string, UnitPelayananStats>; total: UnitPelayananStats }> {
  if (args.unitIds && args.unitIds.length === 0) return { byUnit: new Map(), total: emptyStats() };
  // Every unit when `unitIds` is null; otherwise only those (each query adds the condition).
  const scoped = args.unitIds !== null;
  const ids = args.unitIds ?? [];

  const counts = await db
    .selectFrom('pelayanan_requests')
    .select((eb) => [
      'unit_id',
      eb.fn.countAll<number>().as('received'),
      eb.fn.sum<number>(eb.case().when('status', '=', 'selesai').then(1).else(0).end()).as('done'),
      eb.fn.sum<number>(eb.case().when('status', '=', 'ditolak').then(1).else(0).end()).as('refused'),
      eb.fn.sum<number>(eb.case().when('status', 'in', ['baru', 'diproses', 'perlu_perbaikan']).then(1).else(0).end()).as('open'),
      eb.fn.sum<number>(eb.case().when(eb.and([eb('status', '=', 'selesai'), eb('within_deadline', '=', 1)])).then(1).else(0).end()).as('within'),
    ])
    .where('submitted_at', '>=', args.from)
    .where('submitted_at', '<', args.to)
    .groupBy('unit_id')
    .$if(scoped, (q) => q.where('unit_id', 'in', ids))
    .execute();

  const minutes = await db
    .selectFrom('pelayanan_requests')
    .select(['unit_id as unit', 'completion_minutes as m'])
    .where('status', '=', 'selesai')
    .where('submitted_at', '>=', args.from)
    .where('submitted_at', '<', args.to)
    .$if(scoped, (q) => q.where('unit_id', 'in', ids))
    .execute();

  const overdue = await db
    .selectFrom('pelayanan_requests')
    .select((eb) => ['unit_id', eb.fn.countAll<number>().as('n')])
    .where('status', 'in', ['baru', 'diproses'])
    .where('deadline_at', '<=', args.now.toISOString())
    .groupBy('unit_id')
    .$if(scoped, (q) => q.where('unit_id', 'in', ids))
    .execute();

  const complaints = await db
    .selectFrom('pelayanan_complaints')
    .select((eb) => ['origin_unit_id as unit', eb.fn.countAll<number>().as('n'), eb.fn.sum<number>(eb.case().when('status', '=', 'dijawab').then(1).else(0).end()).as('answered')])
    .where('submitted_at', '>=', args.from)
    .where('submitted_at', '<', args.to)
    .groupBy('origin_unit_id')
    .$if(scoped, (q) => q.where('origin_unit_id', 'in', ids))
    .execute();
  const responses = await db
    .selectFrom('pelayanan_complaints')
    .select(['origin_unit_id as unit', 'response_minutes as m'])
    .where('response_minutes', 'is not', null)
    .where('submitted_at', '>=', args.from)
    .where('submitted_at', '<', args.to)
    .$if(scoped, (q) => q.where('origin_unit_id', 'in', ids))
    .execute();

  const byUnit = new Map<string, UnitPelayananStats>();
  const get = (u: string) => {
    let s = byUnit.get(u);
    if (!s) byUnit.set(u, (s = emptyStats()));
    return s;
  };
  const within = new Map<string, number>();
  for (const r of counts) {
    const s = get(r.unit_id);
    s.received = Number(r.received);
    s.done = Number(r.done);
    s.refused = Number(r.refused);
    s.open = Number(r.open);
    within.set(r.unit_id, Number(r.within));
  }
  for (const [u, m] of mediansBy(minutes)) get(u).medianMinutes = m;
  for (const r of overdue) get(r.unit_id).overdueNow = Number(r.n);
  for (const r of complaints) {
    const s = get(r.unit);
    s.complaints = Number(r.n);
    s.complaintsAnswered = Number(r.answered);
  }
  for (const [u, m] of mediansBy(responses)) get(u).complaintMedianMinutes = m;
  for (const [u, s] of byUnit) s.withinShare = s.done > 0 ? (within.get(u) ?? 0) / s.done : null;

  const total = emptyStats();
  let withinAll = 0;
  for (const [u, s] of byUnit) {
    total.received += s.received;
    total.done += s.done;
    total.refused += s.refused;
    total.open += s.open;
    total.overdueNow += s.overdueNow;
    total.complaints += s.complaints;
    total.complaintsAnswered += s.complaintsAnswered;
    withinAll += within.get(u) ?? 0;
  }
  total.withinShare = total.done > 0 ? withinAll / total.done : null;
  const sorted = (rows: { m: number | null }[]) => Array.from(Float64Array.from(rows.filter((r) => r.m !== null).map((r) => Number(r.m))).sort());
  total.medianMinutes = median(sorted(minutes));
  total.complaintMedianMinutes = median(sorted(responses));
  return { byUnit, total };
}
