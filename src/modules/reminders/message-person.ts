import type { Kysely } from 'kysely';
import { accountRepository } from '../accounts/index.js';
import type { DB } from '../../db/schema/index.js';
import type { Clock } from '../../shared/clock.js';
import { inAppNotifier } from './in-app-notifier.js';
import { newOutboxRow } from './outbox.js';
import type { NotifierChannel } from './notifier.js';
import { DEFAULT_OPT_IN } from './plan-reminders.js';
import { preferencesOf } from './reminder-repository.js';

// A message to one member of staff (#14 point 9): a reply to their help request, a comment on
// their draft, an approval or a return. It always lands in "Pesan untuk saya"; it also goes by
// e-mail, Telegram or WhatsApp when the person chose that channel ("Cara saya menerima
// pengingat"), left an address, and the city configured the channel. Those go through
// staff_message_outbox, sent by a job with retries (deliverPersonMessages).

export interface PersonMessage {
  userId: string;
  unitId: string | null;
  /** Stable kind for the inbox ("help_reply", "draft_comment", "draft_returned", …). */
  kind: string;
  subject: string;
  text: string;
  /** Path inside Beranda ("/admin/unit/bacang/kabar/…"). */
  link: string;
}

const EXTERNAL: readonly ('email' | 'telegram' | 'whatsapp')[] = ['email', 'telegram', 'whatsapp'];

/**
 * Stores the message in the person's inbox and queues it on their chosen channels among
 * `configured`. Returns the channels it was queued on besides the inbox.
 */
export async function messagePerson(
  deps: { db: Kysely<DB>; clock: Clock },
  m: PersonMessage,
  opts: { configured: readonly NotifierChannel[]; baseUrl: string },
): Promise<NotifierChannel[]> {
  const inApp = await inAppNotifier(deps.db, deps.clock).send({
    to: m.userId,
    recipientUserId: m.userId,
    message: { template: m.kind as never, params: [], subject: m.subject, text: m.text, link: m.link, unitId: m.unitId ?? undefined },
  });
  if (!inApp.ok) throw new Error(`in-app message not stored: ${inApp.reason}`);

  const user = await accountRepository.userById(deps.db, m.userId);
  if (!user || user.status !== 'active') return [];
  const prefs = await preferencesOf(deps.db, m.userId);
  const now = deps.clock.now();
  const queued: NotifierChannel[] = [];
  for (const channel of EXTERNAL) {
    if (!opts.configured.includes(channel)) continue;
    const pref = prefs.find((p) => p.channel === channel);
    const optedIn = pref ? pref.opted_in === 1 : DEFAULT_OPT_IN[channel];
    const address = (pref?.address || (channel === 'email' ? user.email : channel === 'whatsapp' ? user.phone : null) || '').trim();
    if (!optedIn || !address) continue;
    await deps.db
      .insertInto('staff_message_outbox')
      .values({ ...newOutboxRow(now), user_id: m.userId, unit_id: m.unitId, channel, address, subject: m.subject, body: m.text, link: `${opts.baseUrl.replace(/\/+$/, '')}${m.link}` })
      .execute();
    queued.push(channel);
  }
  return queued;
}
