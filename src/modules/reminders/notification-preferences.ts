import type { Kysely } from 'kysely';
import * as z from 'zod';
import type { DB } from '../../db/schema/index.js';
import type { Clock } from '../../shared/clock.js';
import type { FieldProblem } from '../../shared/field-problems.js';
import { type Result, err, ok } from '../../shared/result.js';
import { NOTIFIER_CHANNELS, type NotifierChannel } from './notifier.js';
import { DEFAULT_OPT_IN } from './plan-reminders.js';
import { preferencesOf, upsertPreference } from './reminder-repository.js';
import { toWhatsAppNumber } from './whatsapp-notifier.js';

export interface ChannelPreference {
  channel: NotifierChannel;
  optedIn: boolean;
  /** Override address (Telegram chat id; another e-mail or WhatsApp number). */
  address: string | null;
}

/** Every channel with the person's choice, or the default when they never chose. */
export async function getNotificationPreferences(db: Kysely<DB>, userId: string): Promise<ChannelPreference[]> {
  const rows = await preferencesOf(db, userId);
  return NOTIFIER_CHANNELS.map((channel) => {
    const r = rows.find((x) => x.channel === channel);
    return { channel, optedIn: r ? r.opted_in === 1 : DEFAULT_OPT_IN[channel], address: r?.address ?? null };
  });
}

export type PreferenceError = 'invalid_address' | 'address_required';

/** A channel's choice as stored (the address normalised), or why it cannot be. */
function checkPreference(channel: NotifierChannel, optedIn: boolean, address: string | null): Result<ChannelPreference, PreferenceError> {
  let a = address?.trim() || null;
  if (a && channel === 'email' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(a)) return err('invalid_address');
  if (a && channel === 'whatsapp') {
    const n = toWhatsAppNumber(a);
    if (!n) return err('invalid_address');
    a = n;
  }
  if (a && channel === 'telegram' && !/^-?\d{3,20}$/.test(a)) return err('invalid_address');
  if (optedIn && channel === 'telegram' && !a) return err('address_required');
  return ok({ channel, optedIn, address: a });
}

/** A person opts in or out of a channel. Telegram needs the chat id to opt in. */
export async function setNotificationPreference(
  db: Kysely<DB>,
  clock: Clock,
  userId: string,
  channel: NotifierChannel,
  optedIn: boolean,
  address: string | null,
): Promise<Result<ChannelPreference, PreferenceError>> {
  const r = checkPreference(channel, optedIn, address);
  if (r.ok) await upsertPreference(db, userId, channel, r.value.optedIn, r.value.address, clock.now());
  return r;
}

// "Cara saya menerima pengingat" as the web edge reads it (issue 19 point 2): per channel the
// tick ('1' when ticked) and the address, as `<channel>.optedIn` / `<channel>.address`, so each
// problem's path names its channel.
const channelChoice = z.object({ optedIn: z.string().transform((v) => v === '1'), address: z.string().trim().max(200) });
export const notificationPrefsFormSchema = z.object(
  Object.fromEntries(NOTIFIER_CHANNELS.map((ch) => [ch, channelChoice])) as Record<NotifierChannel, typeof channelChoice>,
);
export type NotificationPrefsForm = z.output<typeof notificationPrefsFormSchema>;

/**
 * Every channel's choice from the form at once: each is checked first and, when any is wrong,
 * nothing is stored and the problems say which channel (`<channel>.address`, code
 * invalid_address / address_required); otherwise all are stored together.
 */
export async function setNotificationPreferences(
  db: Kysely<DB>,
  clock: Clock,
  userId: string,
  form: NotificationPrefsForm,
): Promise<Result<ChannelPreference[], 'invalid'> & { problems?: FieldProblem[] }> {
  const checked = NOTIFIER_CHANNELS.map((ch) => [ch, checkPreference(ch, form[ch].optedIn, form[ch].address || null)] as const);
  const problems = checked.flatMap(([ch, r]) => (r.ok ? [] : [{ path: `${ch}.address`, code: r.error }]));
  if (problems.length) return { ...err('invalid'), problems };
  const chosen = checked.flatMap(([, r]) => (r.ok ? [r.value] : []));
  await db.transaction().execute(async (trx) => {
    for (const p of chosen) await upsertPreference(trx, userId, p.channel, p.optedIn, p.address, clock.now());
  });
  return ok(chosen);
}
