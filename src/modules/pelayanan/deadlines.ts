import type { Kysely } from 'kysely';
import { unitRepository } from '../units/index.js';
import type { DB } from '../../db/schema/index.js';
import { deadlineState, workingDeadline } from '../../shared/wib-time.js';
import type { UnitStatusSource } from '../reminders/index.js';
import { calendarsFor } from './holidays.js';
import { cityUnitOf } from './settings.js';

/**
 * A holiday declared (or removed) after requests came in moves their deadlines: every open
 * request of the units concerned gets its deadline counted again from when its clock started.
 * Returns how many moved.
 */
export async function recomputeDeadlines(db: Kysely<DB>, args: { unitIds: string[] | 'all'; cityUnitId: string }): Promise<number> {
  let q = db.selectFrom('pelayanan_requests').select(['id', 'unit_id', 'clock_started_at', 'deadline_days', 'deadline_at']).where('status', 'in', ['baru', 'diproses', 'perlu_perbaikan']);
  if (args.unitIds !== 'all') {
    if (args.unitIds.length === 0) return 0;
    q = q.where('unit_id', 'in', args.unitIds);
  }
  const open = await q.execute();
  const cals = await calendarsFor(db, [...new Set(open.map((r) => r.unit_id))], args.cityUnitId);
  let moved = 0;
  for (const r of open) {
    const next = workingDeadline(new Date(r.clock_started_at), r.deadline_days, cals.get(r.unit_id)!).toISOString();
    if (next === r.deadline_at) continue;
    await db.updateTable('pelayanan_requests').set({ deadline_at: next }).where('id', '=', r.id).execute();
    moved++;
  }
  return moved;
}

export interface DeadlineCounts {
  /** Open requests due by the end of the next working day, or already late. */
  near: number;
  overdue: number;
}

/**
 * Per unit, how many open requests need action soon and how many are late: what the daily
 * reminder tells the unit (near) and escalates to the lurah (overdue). Requests waiting for the
 * citizen's fix are not the office's to hurry.
 */
export async function deadlineCountsByUnit(db: Kysely<DB>, args: { now: Date; cityUnitId: string }): Promise<Map<string, DeadlineCounts>> {
  // Nothing due more than two weeks ahead can be "near": the next working day is at most a
  // long holiday away.
  const horizon = new Date(args.now.getTime() + 14 * 24 * 3600_000).toISOString();
  const open = await db
    .selectFrom('pelayanan_requests')
    .select(['unit_id', 'deadline_at'])
    .where('status', 'in', ['baru', 'diproses'])
    .where('deadline_at', '<=', horizon)
    .execute();
  const cals = await calendarsFor(db, [...new Set(open.map((r) => r.unit_id))], args.cityUnitId);
  const out = new Map<string, DeadlineCounts>();
  for (const r of open) {
    const state = deadlineState(args.now, new Date(r.deadline_at), cals.get(r.unit_id)!);
    if (state === 'ok') continue;
    const c = out.get(r.unit_id) ?? { near: 0, overdue: 0 };
    c.near++;
    if (state === 'overdue') c.overdue++;
    out.set(r.unit_id, c);
  }
  return out;
}

/**
 * The reminders' view of each unit, with its citizens' requests added (the composition root
 * wraps the compliance status source with this, so the reminders module never reads our tables).
 */
export function withPelayananCounts(source: UnitStatusSource, args: { db: Kysely<DB>; region: string; inboxLink: (slug: string) => string }): UnitStatusSource {
  return {
    async snapshot(now) {
      const snap = await source.snapshot(now);
      const city = await cityUnitOf(args.db, args.region);
      const counts = await deadlineCountsByUnit(args.db, { now, cityUnitId: city?.id ?? '' });
      if (counts.size === 0) return snap;
      const slugs = new Map((await unitRepository.byIds(args.db, [...counts.keys()])).map((u) => [u.id, u.slug]));
      return {
        ...snap,
        units: snap.units.map((u) => {
          const c = counts.get(u.unitId);
          return c ? { ...u, pelayanan: { ...c, link: args.inboxLink(slugs.get(u.unitId) ?? '') } } : u;
        }),
      };
    },
  };
}
