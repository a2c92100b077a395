import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import type { Clock } from '../../shared/clock.js';
import { newId } from '../../shared/ids.js';
import type { Notifier, NotifierChannel, OutgoingReminder } from './notifier.js';

// The one outbox sender (issue 19). Messages to a person — staff messages (messagePerson) and
// pelayanan's messages to citizens — are written as rows in the same transaction as the change
// they report, and a job sends them here, through the reminder notifiers. Each kind keeps its
// own table (owned by its module) and says how its rows become a message; the sending, the
// claim, the retries and the bookkeeping are this one code path.
//
// Safe to run twice at once: a row is claimed by moving its attempt count from n to n+1 first,
// and only that run sends. Notifiers have no idempotency key, so a timeout is tried again: a rare
// duplicate beats a message nobody hears of. A rejection, or the last attempt, fails the row for
// good; a provider's "try again after" is honoured.

type OutboxTable = 'staff_message_outbox' | 'pelayanan_outbox';

export interface OutboxKind<T extends OutboxTable> {
  table: T;
  maxAttempts: number;
  /** The wait after attempt n is backoffMs[n-1] (the last one for later attempts). */
  backoffMs: readonly number[];
  /** What to send for a row. */
  messageOf(row: DB[T]): Omit<OutgoingReminder, 'to'>;
  /** Stored as the reason when no notifier is configured for the row's channel. */
  noNotifierReason: string;
  /** Columns to rewrite once a row is finished (sent, or failed for good): e.g. blank a PIN. */
  onFinished?(row: DB[T]): Partial<Pick<DB[T], 'body'>> & { params?: string };
}

export interface OutboxSummary {
  sent: number;
  retrying: number;
  failed: number;
}

export interface OutboxDeps {
  db: Kysely<DB>;
  clock: Clock;
  notifiers: Partial<Record<NotifierChannel, Notifier>>;
  limit?: number;
}

/** The columns every outbox table has, so one set of queries serves both. */
type OutboxRow = DB['staff_message_outbox'] & { params?: string };

export async function deliverOutbox<T extends OutboxTable>(deps: OutboxDeps, kind: OutboxKind<T>): Promise<OutboxSummary> {
  // Both tables share the columns used below (the kind's own columns are read by messageOf), so
  // the queries are typed against that common shape and run on the kind's table.
  const db = deps.db as unknown as Kysely<{ outbox: OutboxRow }>;
  const table = kind.table as unknown as 'outbox';
  const now = deps.clock.now();
  const due = await db
    .selectFrom(table)
    .selectAll()
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', now.toISOString())
    .orderBy('next_attempt_at')
    .limit(deps.limit ?? 100)
    .execute();
  const update = (id: string, set: Partial<OutboxRow>, claim?: { attempts: number }) => {
    let q = db.updateTable(table).set(set).where('id', '=', id);
    if (claim) q = q.where('attempts', '=', claim.attempts).where('status', '=', 'pending');
    return q.executeTakeFirst();
  };
  const at = (ms: number) => new Date(now.getTime() + ms).toISOString();
  const out: OutboxSummary = { sent: 0, retrying: 0, failed: 0 };
  for (const row of due) {
    const claimed = await update(row.id, { attempts: row.attempts + 1, next_attempt_at: at(10 * 60_000) }, { attempts: row.attempts });
    if (Number(claimed.numUpdatedRows) !== 1) continue;
    const finished = () => kind.onFinished?.(row as unknown as DB[T]) ?? {};
    const notifier = deps.notifiers[row.channel];
    if (!notifier) {
      await update(row.id, { status: 'failed', last_error: kind.noNotifierReason, ...finished() });
      out.failed++;
      continue;
    }
    const r = await notifier.send({ to: row.address, ...kind.messageOf(row as unknown as DB[T]) });
    const attempts = row.attempts + 1;
    if (r.ok) {
      await update(row.id, { status: 'sent', sent_at: deps.clock.now().toISOString(), last_error: null, ...finished() });
      out.sent++;
    } else if (r.error === 'retryable' && attempts < kind.maxAttempts) {
      const wait = r.retryAfterMs ?? kind.backoffMs[Math.min(attempts, kind.backoffMs.length) - 1]!;
      await update(row.id, { next_attempt_at: at(wait), last_error: r.reason });
      out.retrying++;
    } else {
      await update(row.id, { status: 'failed', last_error: r.reason, ...finished() });
      out.failed++;
    }
  }
  return out;
}

/** A message subject or parameter on one line, as WhatsApp templates require. */
export const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim().slice(0, 500) || '-';

/** The bookkeeping columns of a new outbox row: due now, not yet tried. */
export const newOutboxRow = (now: Date) => ({
  id: newId(now.getTime()),
  status: 'pending' as const,
  attempts: 0,
  next_attempt_at: now.toISOString(),
  last_error: null,
  created_at: now.toISOString(),
  sent_at: null,
});
