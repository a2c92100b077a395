import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import type { ReminderStatus } from '../../db/schema/reminders.js';
import { newId } from '../../shared/ids.js';
import type { NotifierChannel } from './notifier.js';
import type { PlannedReminder } from './plan-reminders.js';
import type { ReminderRule, RuleDraft } from './rules.js';

// The reminders module's queries of its own tables (the in-app adapter writes its notifications
// table; what joins other modules' tables is in read-models/). Portable Kysely only: runs on SQLite and PostgreSQL.

type RuleRow = DB['reminder_rules'];

export const toRule = (r: RuleRow): ReminderRule => ({
  id: r.id,
  unitId: r.unit_id,
  name: r.name,
  trigger: r.trigger,
  schedule: r.schedule,
  timezone: r.timezone,
  threshold: r.threshold,
  recipientRoles: JSON.parse(r.recipient_roles),
  channels: JSON.parse(r.channels),
  unitKinds: JSON.parse(r.unit_kinds),
  enabled: r.enabled === 1,
});

export async function findRule(db: Kysely<DB>, id: string): Promise<ReminderRule | null> {
  const r = await db.selectFrom('reminder_rules').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toRule(r) : null;
}

export async function insertRule(db: Kysely<DB>, cityUnitId: string, d: RuleDraft, now: Date): Promise<string> {
  const id = newId(now.getTime());
  await db
    .insertInto('reminder_rules')
    .values({
      id, unit_id: cityUnitId, name: d.name, trigger: d.trigger, schedule: d.schedule, timezone: d.timezone,
      threshold: d.threshold, recipient_roles: JSON.stringify(d.recipientRoles), channels: JSON.stringify(d.channels),
      unit_kinds: JSON.stringify(d.unitKinds), enabled: d.enabled ? 1 : 0, created_at: now.toISOString(), updated_at: now.toISOString(),
    })
    .execute();
  return id;
}

export async function updateRule(db: Kysely<DB>, id: string, d: RuleDraft, now: Date): Promise<boolean> {
  const r = await db
    .updateTable('reminder_rules')
    .set({
      name: d.name, trigger: d.trigger, schedule: d.schedule, timezone: d.timezone, threshold: d.threshold,
      recipient_roles: JSON.stringify(d.recipientRoles), channels: JSON.stringify(d.channels),
      unit_kinds: JSON.stringify(d.unitKinds), enabled: d.enabled ? 1 : 0, updated_at: now.toISOString(),
    })
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** The triggers a city already has rules for. */
export async function triggersOf(db: Kysely<DB>, cityUnitId: string): Promise<Set<string>> {
  const rows = await db.selectFrom('reminder_rules').select('trigger').where('unit_id', '=', cityUnitId).execute();
  return new Set(rows.map((r) => r.trigger));
}

export async function countRules(db: Kysely<DB>, cityUnitId: string): Promise<number> {
  const r = await db.selectFrom('reminder_rules').select((eb) => eb.fn.countAll<number>().as('n')).where('unit_id', '=', cityUnitId).executeTakeFirst();
  return Number(r?.n ?? 0);
}

/**
 * Records planned reminders; the unique (rule, unit, period, recipient, channel) key turns a
 * second run into a no-op. Returns how many rows were new.
 */
export async function insertLedgerRows(db: Kysely<DB>, planned: readonly PlannedReminder[], now: Date): Promise<number> {
  let inserted = 0;
  const at = now.toISOString();
  for (let i = 0; i < planned.length; i += 100) {
    const values = planned.slice(i, i + 100).map((p) => ({
      id: newId(now.getTime()),
      rule_id: p.ruleId,
      unit_id: p.unitId,
      period_key: p.periodKey,
      recipient_user_id: p.recipientUserId,
      channel: p.channel,
      address: p.address,
      template: p.message.template,
      subject: p.message.subject,
      body: p.message.text,
      params: JSON.stringify(p.message.params),
      link: p.message.link ?? null,
      status: 'pending' as const,
      attempts: 0,
      next_attempt_at: at,
      last_error_code: null,
      last_error_reason: null,
      last_error_detail: null,
      provider_message_id: null,
      created_at: at,
      updated_at: at,
      sent_at: null,
    }));
    const r = await db.insertInto('reminder_ledger').values(values).onConflict((oc) => oc.doNothing()).executeTakeFirst();
    inserted += Number(r.numInsertedOrUpdatedRows ?? 0);
  }
  return inserted;
}

export type LedgerRow = DB['reminder_ledger'];

/** Rows ready to send: new, retry time reached, or stuck in "sending" after a crash. */
export async function dueLedgerRows(db: Kysely<DB>, now: Date, staleBefore: Date, limit: number): Promise<LedgerRow[]> {
  return db
    .selectFrom('reminder_ledger')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb.and([eb('status', 'in', ['pending', 'retrying']), eb('next_attempt_at', '<=', now.toISOString())]),
        eb.and([eb('status', '=', 'sending'), eb('updated_at', '<', staleBefore.toISOString())]),
      ]),
    )
    .orderBy('next_attempt_at')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** Compare-and-set claim: of two workers, exactly one moves the row to "sending". */
export async function claimLedgerRow(db: Kysely<DB>, row: LedgerRow, now: Date): Promise<boolean> {
  const r = await db
    .updateTable('reminder_ledger')
    .set({ status: 'sending', attempts: row.attempts + 1, updated_at: now.toISOString() })
    .where('id', '=', row.id)
    .where('status', '=', row.status)
    .where('updated_at', '=', row.updated_at)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function finishLedgerRow(
  db: Kysely<DB>,
  id: string,
  now: Date,
  outcome:
    | { status: 'sent'; providerMessageId: string | null }
    | { status: Exclude<ReminderStatus, 'sent' | 'pending' | 'sending'>; code: string; reason: string; detail: string | null; nextAttemptAt?: Date },
): Promise<void> {
  const at = now.toISOString();
  const set =
    outcome.status === 'sent'
      ? { status: 'sent' as const, sent_at: at, provider_message_id: outcome.providerMessageId, updated_at: at }
      : {
          status: outcome.status,
          last_error_code: outcome.code,
          last_error_reason: outcome.reason,
          last_error_detail: outcome.detail,
          next_attempt_at: (outcome.nextAttemptAt ?? now).toISOString(),
          updated_at: at,
        };
  await db.updateTable('reminder_ledger').set(set).where('id', '=', id).execute();
}

/** The unit a reminder was about (undefined: no such reminder). */
export async function ledgerUnitOf(db: Kysely<DB>, id: string): Promise<string | undefined> {
  return (await db.selectFrom('reminder_ledger').select('unit_id').where('id', '=', id).executeTakeFirst())?.unit_id;
}

export async function requeueLedgerRow(db: Kysely<DB>, id: string, now: Date): Promise<boolean> {
  const r = await db
    .updateTable('reminder_ledger')
    .set({ status: 'retrying', next_attempt_at: now.toISOString(), updated_at: now.toISOString() })
    .where('id', '=', id)
    .where('status', 'in', ['failed', 'retrying'])
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function upsertPreference(
  db: Kysely<DB>,
  userId: string,
  channel: NotifierChannel,
  optedIn: boolean,
  address: string | null,
  now: Date,
): Promise<void> {
  await db
    .insertInto('notification_preferences')
    .values({ user_id: userId, channel, address, opted_in: optedIn ? 1 : 0, updated_at: now.toISOString() })
    .onConflict((oc) => oc.columns(['user_id', 'channel']).doUpdateSet({ address, opted_in: optedIn ? 1 : 0, updated_at: now.toISOString() }))
    .execute();
}

export async function preferencesOf(db: Kysely<DB>, userId: string) {
  return db.selectFrom('notification_preferences').selectAll().where('user_id', '=', userId).execute();
}

export async function notificationsOf(db: Kysely<DB>, userId: string, limit: number, unreadOnly: boolean) {
  let q = db.selectFrom('notifications').selectAll().where('user_id', '=', userId);
  if (unreadOnly) q = q.where('read_at', 'is', null);
  return q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

export async function markRead(db: Kysely<DB>, userId: string, id: string, now: Date): Promise<boolean> {
  const r = await db
    .updateTable('notifications')
    .set({ read_at: now.toISOString() })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
