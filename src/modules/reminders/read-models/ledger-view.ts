import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema/index.js';
import type { ReminderStatus } from '../../../db/schema/reminders.js';

// Read model. Joins users (accounts: the recipient's name and role) and units (units: the region
// of a row) to reminder_ledger and reminder_rules: the history screens show who was reminded of
// what, filtered by unit or region and paged in the database.

export interface LedgerView {
  id: string;
  ruleId: string;
  ruleName: string;
  unitId: string;
  periodKey: string;
  recipientUserId: string;
  recipientName: string;
  recipientRole: string;
  channel: string;
  subject: string;
  status: ReminderStatus;
  attempts: number;
  lastErrorReason: string | null;
  lastErrorCode: string | null;
  createdAt: string;
  sentAt: string | null;
  nextAttemptAt: string;
}

function ledgerViewQuery(db: Kysely<DB>) {
  return db
    .selectFrom('reminder_ledger as l')
    .innerJoin('users as u', 'u.id', 'l.recipient_user_id')
    .innerJoin('reminder_rules as r', 'r.id', 'l.rule_id')
    .select([
      'l.id', 'l.rule_id', 'r.name as rule_name', 'l.unit_id', 'l.period_key', 'l.recipient_user_id', 'u.display_name', 'u.role',
      'l.channel', 'l.subject', 'l.status', 'l.attempts', 'l.last_error_reason', 'l.last_error_code', 'l.created_at', 'l.sent_at',
      'l.next_attempt_at',
    ]);
}

const toView = (r: Awaited<ReturnType<ReturnType<typeof ledgerViewQuery>['execute']>>[number]): LedgerView => ({
  id: r.id, ruleId: r.rule_id, ruleName: r.rule_name, unitId: r.unit_id, periodKey: r.period_key, recipientUserId: r.recipient_user_id,
  recipientName: r.display_name, recipientRole: r.role, channel: r.channel, subject: r.subject, status: r.status, attempts: r.attempts,
  lastErrorReason: r.last_error_reason, lastErrorCode: r.last_error_code, createdAt: r.created_at, sentAt: r.sent_at,
  nextAttemptAt: r.next_attempt_at,
});

export async function ledgerForUnit(db: Kysely<DB>, unitId: string, limit: number): Promise<LedgerView[]> {
  const rows = await ledgerViewQuery(db).where('l.unit_id', '=', unitId).orderBy('l.created_at', 'desc').orderBy('l.id', 'desc').limit(limit).execute();
  return rows.map(toView);
}

export async function ledgerProblems(db: Kysely<DB>, regionCode: string, limit: number): Promise<LedgerView[]> {
  const rows = await ledgerViewQuery(db)
    .innerJoin('units as un', 'un.id', 'l.unit_id')
    .where('un.region_code', '=', regionCode)
    .where('l.status', 'in', ['failed', 'retrying'])
    .orderBy('l.updated_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toView);
}
