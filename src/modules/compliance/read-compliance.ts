import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import { complianceRepository, type Dispute, type VerdictRow } from './compliance-repository.js';
import { type Period, periodByKey, previousPeriod } from './period.js';

// Read side for the dashboard (issue 7), reminders and exports.

/** Verdicts of one period (all units, or the given ones). */
export const getVerdictsForPeriod = (db: Kysely<DB>, periodKey: string, unitIds?: string[]): Promise<VerdictRow[]> =>
  complianceRepository.verdicts(db, { periodKeys: [periodKey], unitIds });

/** The `count` periods ending with `lastKey`, oldest first, for trends and streaks. */
export function periodsEndingWith(lastKey: string, count: number): Period[] {
  const last = periodByKey(lastKey);
  if (!last) return [];
  const out = [last];
  while (out.length < count) out.unshift(previousPeriod(out[0]!));
  return out;
}

/** Verdict history per unit over the last `count` periods (missing periods have no row). */
export async function getVerdictHistory(db: Kysely<DB>, q: { lastPeriodKey: string; count: number; unitIds?: string[] }) {
  const periods = periodsEndingWith(q.lastPeriodKey, q.count);
  const rows = await complianceRepository.verdicts(db, { periodKeys: periods.map((p) => p.key), unitIds: q.unitIds });
  return { periods, verdicts: rows };
}

/** Units whose verdict in the period is COMPROMISED: the alert list. */
export const getCompromised = (db: Kysely<DB>, periodKey: string) => complianceRepository.verdicts(db, { periodKeys: [periodKey], statuses: ['COMPROMISED'] });

export const listDisputes = (db: Kysely<DB>, filter: { status?: Dispute['status']; unitIds?: string[]; periodKey?: string }) =>
  complianceRepository.disputes(db, filter);

export const getDispute = (db: Kysely<DB>, id: string) => complianceRepository.dispute(db, id);
