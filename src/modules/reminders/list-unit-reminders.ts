import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import { messages } from '../../i18n/messages/reminders.js';
import { type LedgerView, ledgerForUnit, ledgerProblems } from './read-models/ledger-view.js';

export type { LedgerView };

const STATUS_LABEL = {
  pending: messages.id['reminders.status.pending'],
  sending: messages.id['reminders.status.sending'],
  sent: messages.id['reminders.status.sent'],
  retrying: messages.id['reminders.status.retrying'],
  failed: messages.id['reminders.status.failed'],
} as const;

export interface ReminderHistoryItem extends LedgerView {
  statusLabel: string;
  channelLabel: string;
}

const withLabels = (v: LedgerView): ReminderHistoryItem => ({
  ...v,
  statusLabel: STATUS_LABEL[v.status],
  channelLabel: messages.id[`reminders.channel.${v.channel}` as keyof typeof messages.id] ?? v.channel,
});

/** Drill-down: the reminders sent about a unit and to whom, newest first. */
export async function listUnitReminders(db: Kysely<DB>, unitId: string, limit = 50): Promise<ReminderHistoryItem[]> {
  return (await ledgerForUnit(db, unitId, limit)).map(withLabels);
}

/** Admin kota: reminders that failed or wait for a retry, so failures are visible. */
export async function listReminderProblems(db: Kysely<DB>, regionCode: string, limit = 100): Promise<ReminderHistoryItem[]> {
  return (await ledgerProblems(db, regionCode, limit)).map(withLabels);
}
