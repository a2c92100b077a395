import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import type { NotifyChannel } from '../../db/schema/pelayanan.js';
import { type OutboxDeps, type OutboxKind, type OutboxSummary, type ReminderTemplate, deliverOutbox, newOutboxRow, oneLine } from '../reminders/index.js';
import type { CitizenNotice, PelayananWords } from './words.js';

// Messages to citizens go through the reminder notifiers (WhatsApp template, e-mail) via an
// outbox: the row is written in the same transaction as the change it reports, and a job sends
// it. A crash between the two leaves a row to send, never a change the citizen is not told of.
// Providers have no idempotency key, so a timeout is retried: a rare duplicate beats silence.

export interface CitizenMessage {
  template: Extract<ReminderTemplate, 'pelayanan_received' | 'pelayanan_status' | 'pengaduan_received' | 'pengaduan_status'>;
  /** WhatsApp template body parameters, in order, one line each. */
  params: string[];
  subject: string;
  text: string;
  link: string;
}

export interface Recipient {
  channel: NotifyChannel;
  phone: string | null;
  email: string | null;
}

export async function queueCitizenMessage(
  db: Kysely<DB>,
  now: Date,
  args: { ownerId: string; unitId: string; to: Recipient; message: CitizenMessage },
): Promise<boolean> {
  const { to } = args;
  const address = to.channel === 'whatsapp' ? to.phone : to.channel === 'email' ? to.email : null;
  if (to.channel === 'none' || !address) return false;
  await db
    .insertInto('pelayanan_outbox')
    .values({
      ...newOutboxRow(now),
      owner_id: args.ownerId,
      unit_id: args.unitId,
      channel: to.channel,
      address,
      template: args.message.template,
      params: JSON.stringify(args.message.params.map(oneLine)),
      subject: args.message.subject,
      body: args.message.text,
      link: args.message.link,
    })
    .execute();
  return true;
}

export const OUTBOX_MAX_ATTEMPTS = 6;

/** Kept as a row's last_error when Diskominfo has set up no notifier for its channel; the staff screen says it. */
export const OUTBOX_NO_CHANNEL = 'no_channel';

/** Citizens' messages in the one outbox sender (reminders' outbox.ts): their table and how a row reads. */
const CITIZEN_MESSAGES: OutboxKind<'pelayanan_outbox'> = {
  table: 'pelayanan_outbox',
  maxAttempts: OUTBOX_MAX_ATTEMPTS,
  backoffMs: [60_000, 5 * 60_000, 30 * 60_000, 2 * 3600_000, 6 * 3600_000],
  noNotifierReason: OUTBOX_NO_CHANNEL,
  messageOf: (row) => ({
    recipientUserId: '',
    message: { template: row.template as ReminderTemplate, params: JSON.parse(row.params) as string[], subject: row.subject, text: row.body, link: row.link ?? undefined, unitId: row.unit_id },
  }),
  onFinished: redacted,
};

/** Sends what is due. Safe to run twice at once: a row is claimed by bumping its attempt count first. */
export const deliverCitizenMessages = (deps: OutboxDeps): Promise<OutboxSummary> => deliverOutbox(deps, CITIZEN_MESSAGES);

// Where the PIN sits in each template's parameters: once a message has gone (or failed for
// good) the stored copy loses its PIN, so the outbox is not a second place to find it.
const PIN_PARAM: Partial<Record<string, number>> = { pelayanan_received: 3, pengaduan_received: 2 };

function redacted(row: DB['pelayanan_outbox']): { params: string; body: string } | Record<string, never> {
  const i = PIN_PARAM[row.template];
  if (i === undefined) return {};
  const params = JSON.parse(row.params) as string[];
  const pin = params[i];
  if (!pin || pin === '••••••') return {};
  params[i] = '••••••';
  return { params: JSON.stringify(params), body: row.body.split(pin).join('••••••') };
}

/** The latest message state per request/complaint, for the staff screen ("WhatsApp terkirim"). */
export async function outboxStateOf(db: Kysely<DB>, ownerId: string) {
  return db.selectFrom('pelayanan_outbox').select(['channel', 'template', 'status', 'last_error', 'created_at', 'sent_at']).where('owner_id', '=', ownerId).orderBy('created_at', 'desc').limit(10).execute();
}

const TEMPLATE = {
  request_received: 'pelayanan_received',
  request_status: 'pelayanan_status',
  complaint_received: 'pengaduan_received',
  complaint_status: 'pengaduan_status',
} as const satisfies Record<CitizenNotice['kind'], CitizenMessage['template']>;

/**
 * A notice laid out as the message that is queued: the WhatsApp template's parameters in the
 * order its approved text at Meta expects, and the e-mail's subject and text — in the caller's
 * words. An empty note is sent as "-" (a template parameter may not be empty).
 */
export function citizenMessage(words: PelayananWords, n: CitizenNotice): CitizenMessage {
  const link = n.link;
  const notice = n.kind === 'request_status' || n.kind === 'complaint_status' ? { ...n, note: n.note || '-' } : n;
  const params =
    notice.kind === 'request_received' ? [notice.service, notice.unit, notice.code, notice.pin, link]
    : notice.kind === 'request_status' ? [notice.code, notice.service, words.requestStatus(notice.status), notice.note, link]
    : notice.kind === 'complaint_received' ? [notice.unit, notice.code, notice.pin, link]
    : [notice.code, words.complaintStatus(notice.status), notice.note, link];
  return { template: TEMPLATE[n.kind], params, ...words.notice(notice), link };
}
