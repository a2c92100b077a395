import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import type { Clock } from '../../shared/clock.js';
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

/** A person opts in or out of a channel. Telegram needs the chat id to opt in. */
export async function setNotificationPreference(
  db: Kysely<DB>,
  clock: Clock,
  userId: string,
  channel: NotifierChannel,
  optedIn: boolean,
  address: string | null,
): Promise<Result<ChannelPreference, PreferenceError>> {
  let a = address?.trim() || null;
  if (a && channel === 'email' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(a)) return err('invalid_address');
  if (a && channel === 'whatsapp') {
    const n = toWhatsAppNumber(a);
    if (!n) return err('invalid_address');
    a = n;
  }
  if (a && channel === 'telegram' && !/^-?\d{3,20}$/.test(a)) return err('invalid_address');
  if (optedIn && channel === 'telegram' && !a) return err('address_required');
  await upsertPreference(db, userId, channel, optedIn, a, clock.now());
  return ok({ channel, optedIn, address: a });
}
