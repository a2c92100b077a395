import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import { type LedgerView, ledgerForUnit, ledgerProblems } from './read-models/ledger-view.js';

export type { LedgerView };

/** A ledger row with its channel and status as codes; the web says them (src/i18n/reminder-labels.ts). */
export type ReminderHistoryItem = LedgerView;

/** Drill-down: the reminders sent about a unit and to whom, newest first. */
export async function listUnitReminders(db: Kysely<DB>, unitId: string, limit = 50): Promise<ReminderHistoryItem[]> {
  return ledgerForUnit(db, unitId, limit);
}

/** Admin kota: reminders that failed or wait for a retry, so failures are visible. */
export async function listReminderProblems(db: Kysely<DB>, regionCode: string, limit = 100): Promise<ReminderHistoryItem[]> {
  return ledgerProblems(db, regionCode, limit);
}
