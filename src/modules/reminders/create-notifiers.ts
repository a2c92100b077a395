import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import type { Clock } from '../../shared/clock.js';
import { emailNotifier } from './email-notifier.js';
import { inAppNotifier } from './in-app-notifier.js';
import type { Notifier, NotifierChannel } from './notifier.js';
import { telegramNotifier } from './telegram-notifier.js';
import { whatsappNotifier } from './whatsapp-notifier.js';

/** The subset of Config the notifiers need (the composition root passes config fields). */
export interface NotifierConfig {
  smtpUrl: string | null;
  mailFrom: string;
  telegramBotToken: string | null;
  telegramApiBase: string;
  whatsappToken: string | null;
  whatsappPhoneNumberId: string | null;
  graphApiBase: string;
}

/** Every channel the city has configured; in-app always exists. */
export function createNotifiers(db: Kysely<DB>, clock: Clock, c: NotifierConfig): Partial<Record<NotifierChannel, Notifier>> {
  const out: Partial<Record<NotifierChannel, Notifier>> = { inapp: inAppNotifier(db, clock) };
  if (c.smtpUrl) out.email = emailNotifier({ smtpUrl: c.smtpUrl, from: c.mailFrom });
  if (c.telegramBotToken) out.telegram = telegramNotifier({ apiBase: c.telegramApiBase, botToken: c.telegramBotToken });
  if (c.whatsappToken && c.whatsappPhoneNumberId) {
    out.whatsapp = whatsappNotifier({ graphBase: c.graphApiBase, phoneNumberId: c.whatsappPhoneNumberId, token: c.whatsappToken });
  }
  return out;
}

/** The channels the city has configured, without building them (in-app always). */
export function configuredChannels(c: NotifierConfig): NotifierChannel[] {
  return ['inapp', ...(c.smtpUrl ? ['email' as const] : []), ...(c.telegramBotToken ? ['telegram' as const] : []), ...(c.whatsappToken && c.whatsappPhoneNumberId ? ['whatsapp' as const] : [])];
}
