import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import type { Clock } from '../../shared/clock.js';
import { type Notifier, type NotifierChannel, type ReminderTemplate, failure } from './notifier.js';
import { type LedgerRow, claimLedgerRow, dueLedgerRows, finishLedgerRow } from './reminder-repository.js';

/** After this many attempts a retryable failure is given up on (and stays visible as failed). */
export const MAX_ATTEMPTS = 5;
/** Waits before attempt 2, 3, 4, 5. */
export const RETRY_BACKOFF_MS = [5 * 60_000, 15 * 60_000, 60 * 60_000, 3 * 3_600_000];
/** A row left in "sending" this long is assumed lost with a crashed worker and tried again. */
export const STALE_SENDING_MS = 10 * 60_000;

export interface DeliverDeps {
  db: Kysely<DB>;
  clock: Clock;
  /** Channels the city has configured; a missing one fails visibly as "not configured". */
  notifiers: Partial<Record<NotifierChannel, Notifier>>;
}

export interface DeliverySummary {
  sent: number;
  retrying: number;
  failed: number;
}

/**
 * Sends every due ledger row once. Each row is claimed with a compare-and-set before the send,
 * so two workers (or a job that runs twice) never send the same reminder twice.
 */
export async function deliverDueReminders(deps: DeliverDeps, limit = 500): Promise<DeliverySummary> {
  const summary: DeliverySummary = { sent: 0, retrying: 0, failed: 0 };
  const now = deps.clock.now();
  const rows = await dueLedgerRows(deps.db, now, new Date(now.getTime() - STALE_SENDING_MS), limit);
  for (const row of rows) {
    if (!(await claimLedgerRow(deps.db, row, deps.clock.now()))) continue;
    const outcome = await sendOne(deps, row);
    summary[outcome]++;
  }
  return summary;
}

async function sendOne(deps: DeliverDeps, row: LedgerRow): Promise<'sent' | 'retrying' | 'failed'> {
  const notifier = deps.notifiers[row.channel as NotifierChannel];
  const attempts = row.attempts + 1;
  const result = notifier
    ? await notifier.send({
        to: row.address,
        recipientUserId: row.recipient_user_id,
        message: {
          template: row.template as ReminderTemplate,
          params: JSON.parse(row.params) as string[],
          subject: row.subject,
          text: row.body,
          link: row.link ?? undefined,
          unitId: row.unit_id,
        },
      })
    : failure('rejected', 'not_configured');
  const now = deps.clock.now();
  if (result.ok) {
    await finishLedgerRow(deps.db, row.id, now, { status: 'sent', providerMessageId: result.value.providerMessageId });
    return 'sent';
  }
  if (result.error === 'retryable' && attempts < MAX_ATTEMPTS) {
    const wait = Math.max(RETRY_BACKOFF_MS[attempts - 1] ?? RETRY_BACKOFF_MS.at(-1)!, result.retryAfterMs ?? 0);
    await finishLedgerRow(deps.db, row.id, now, {
      status: 'retrying', code: result.code, reason: result.reason, detail: result.detail ?? null, nextAttemptAt: new Date(now.getTime() + wait),
    });
    return 'retrying';
  }
  const gaveUp = result.error === 'retryable';
  await finishLedgerRow(deps.db, row.id, now, {
    status: 'failed',
    code: gaveUp ? 'gave_up' : result.code,
    reason: gaveUp ? `${failure('retryable', 'gave_up').reason} ${result.reason}` : result.reason,
    detail: result.detail ?? null,
  });
  return 'failed';
}
