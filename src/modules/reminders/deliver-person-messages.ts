import { type OutboxDeps, type OutboxKind, type OutboxSummary, deliverOutbox, oneLine } from './outbox.js';

// Sends the staff messages queued by messagePerson, through the one outbox sender (outbox.ts).

export const PERSON_MESSAGE_MAX_ATTEMPTS = 5;

export type PersonMessageSummary = OutboxSummary;

export const STAFF_MESSAGES: OutboxKind<'staff_message_outbox'> = {
  table: 'staff_message_outbox',
  maxAttempts: PERSON_MESSAGE_MAX_ATTEMPTS,
  backoffMs: [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000],
  noNotifierReason: 'not configured',
  messageOf: (row) => ({
    recipientUserId: row.user_id,
    // WhatsApp allows only approved templates: {{1}} the subject, {{2}} the link.
    message: { template: 'staff_message', params: [oneLine(row.subject), row.link ?? '-'], subject: row.subject, text: row.body, link: row.link ?? undefined, unitId: row.unit_id ?? undefined },
  }),
};

export const deliverPersonMessages = (deps: OutboxDeps): Promise<PersonMessageSummary> => deliverOutbox(deps, STAFF_MESSAGES);
