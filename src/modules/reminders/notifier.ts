import { messages } from '../../i18n/messages/reminders.js';
import type { Ok } from '../../shared/result.js';

// The one port every reminder channel implements. Contract:
// - `send` makes exactly one delivery attempt and never throws for an expected failure: it
//   returns `retryable` (try again later: network, timeouts, 5xx, rate limits) or `rejected`
//   (trying again will not help until a person fixes something: a wrong address, a blocked bot,
//   an unapproved template, a bad key), with an Indonesian reason for the staff screen.
// - None of the providers offers an idempotency key, so at-most-once is the caller's job: the
//   reminder ledger claims a (rule, unit, period, recipient, channel) row before calling `send`.
//   A timeout after the request left us is still classed `retryable`: a rare duplicate reminder
//   costs less than a reminder that silently never arrives.
// - Adapters know nothing of jobs, the ledger or HTTP requests; base URLs and keys are injected.

export type NotifierChannel = 'email' | 'telegram' | 'whatsapp' | 'inapp';
export const NOTIFIER_CHANNELS: readonly NotifierChannel[] = ['email', 'telegram', 'whatsapp', 'inapp'];

/** Stable template keys; WhatsApp maps each to a pre-approved UTILITY template. */
export type ReminderTemplate =
  | 'no_content'
  | 'failed_periods'
  | 'compromised'
  | 'site_down'
  | 'pelayanan_near'
  | 'pelayanan_overdue'
  // Citizens' requests and complaints (issue 17): sent through the same notifiers.
  | 'pelayanan_received'
  | 'pelayanan_status'
  | 'pengaduan_received'
  | 'pengaduan_status'
  // A message to one member of staff (#14 point 9): a reply, a comment, an approval or return.
  | 'staff_message';

export interface ReminderMessage {
  template: ReminderTemplate;
  /** Ordered body parameters: the WhatsApp template's {{1}}, {{2}}, … */
  params: string[];
  subject: string;
  /** Plain Indonesian text for e-mail, Telegram and in-app. */
  text: string;
  /** Deep link into Beranda, when there is a page to act on. */
  link?: string;
  /** The unit the reminder is about (in-app notifications are filed under it). */
  unitId?: string;
}

export interface OutgoingReminder {
  /** E-mail address, Telegram chat id, phone number, or user id for in-app. */
  to: string;
  recipientUserId: string;
  message: ReminderMessage;
}

type FailureSuffix<K> = K extends `reminders.failure.${infer C}` ? C : never;
/** Stable failure codes; each has an Indonesian reason in the reminders catalogue. */
export type FailureCode = FailureSuffix<keyof typeof messages.id>;

export interface SendFailure {
  ok: false;
  error: 'retryable' | 'rejected';
  code: FailureCode;
  /** Indonesian, for staff. */
  reason: string;
  /** Provider detail for logs and the admin's evidence view (never shown as the main text). */
  detail?: string;
  /** Provider-suggested wait (Telegram `retry_after`). */
  retryAfterMs?: number;
}

export type SendResult = Ok<{ providerMessageId: string | null }> | SendFailure;

export interface Notifier {
  readonly channel: NotifierChannel;
  send(reminder: OutgoingReminder): Promise<SendResult>;
}

export function failure(
  error: 'retryable' | 'rejected',
  code: FailureCode,
  detail?: string,
  retryAfterMs?: number,
): SendFailure {
  const f: SendFailure = { ok: false, error, code, reason: messages.id[`reminders.failure.${code}`] };
  if (detail !== undefined) f.detail = detail.slice(0, 500);
  if (retryAfterMs !== undefined) f.retryAfterMs = retryAfterMs;
  return f;
}

/** Classifies a thrown fetch/socket error: all are worth another try. */
export function networkFailure(e: unknown): SendFailure {
  const name = (e as Error)?.name;
  const msg = (e as Error)?.message ?? String(e);
  if (name === 'TimeoutError' || name === 'AbortError') return failure('retryable', 'timeout', msg);
  const cause = (e as { cause?: { code?: string } })?.cause?.code;
  return failure('retryable', 'network', cause ? `${cause}: ${msg}` : msg);
}

export const DEFAULT_SEND_TIMEOUT_MS = 15_000;
