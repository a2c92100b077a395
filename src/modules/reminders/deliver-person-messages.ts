import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import type { Clock } from '../../shared/clock.js';
import type { Notifier, NotifierChannel } from './notifier.js';

// Sends the staff messages queued by messagePerson. Safe to run twice at once: a row is claimed
// by moving its attempt count from n to n+1 first. Notifiers have no idempotency key, so a
// timeout is tried again: a rare duplicate beats a reply nobody hears of.

export const PERSON_MESSAGE_MAX_ATTEMPTS = 5;
const BACKOFF_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000];

export interface PersonMessageSummary {
  sent: number;
  retrying: number;
  failed: number;
}

export async function deliverPersonMessages(deps: { db: Kysely<DB>; clock: Clock; notifiers: Partial<Record<NotifierChannel, Notifier>>; limit?: number }): Promise<PersonMessageSummary> {
  const now = deps.clock.now();
  const due = await deps.db
    .selectFrom('staff_message_outbox')
    .selectAll()
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', now.toISOString())
    .orderBy('next_attempt_at')
    .limit(deps.limit ?? 100)
    .execute();
  const out: PersonMessageSummary = { sent: 0, retrying: 0, failed: 0 };
  for (const row of due) {
    const claimed = await deps.db
      .updateTable('staff_message_outbox')
      .set({ attempts: row.attempts + 1, next_attempt_at: new Date(now.getTime() + 10 * 60_000).toISOString() })
      .where('id', '=', row.id)
      .where('attempts', '=', row.attempts)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) continue;
    const notifier = deps.notifiers[row.channel];
    const r = notifier
      ? await notifier.send({
          to: row.address,
          recipientUserId: row.user_id,
          // WhatsApp allows only approved templates: {{1}} the subject, {{2}} the link.
          message: { template: 'staff_message', params: [oneLine(row.subject), row.link ?? '-'], subject: row.subject, text: row.body, link: row.link ?? undefined, unitId: row.unit_id ?? undefined },
        })
      : ({ ok: false, error: 'rejected', reason: 'not configured' } as const);
    if (r.ok) {
      await deps.db.updateTable('staff_message_outbox').set({ status: 'sent', sent_at: deps.clock.now().toISOString(), last_error: null }).where('id', '=', row.id).execute();
      out.sent++;
      continue;
    }
    const attempts = row.attempts + 1;
    const giveUp = r.error === 'rejected' || attempts >= PERSON_MESSAGE_MAX_ATTEMPTS;
    await deps.db
      .updateTable('staff_message_outbox')
      .set({
        status: giveUp ? 'failed' : 'pending',
        last_error: r.reason,
        next_attempt_at: new Date(now.getTime() + (BACKOFF_MS[attempts - 1] ?? BACKOFF_MS.at(-1)!)).toISOString(),
      })
      .where('id', '=', row.id)
      .execute();
    if (giveUp) out.failed++;
    else out.retrying++;
  }
  return out;
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim().slice(0, 500) || '-';
