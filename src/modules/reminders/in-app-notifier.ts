import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import type { Clock } from '../../shared/clock.js';
import { newId } from '../../shared/ids.js';
import { type Notifier, type OutgoingReminder, type SendResult, networkFailure } from './notifier.js';

// In-app notifications are a row in our own database, so the only failure is the database
// itself being unavailable (retryable). `to` is the user id.
export function inAppNotifier(db: Kysely<DB>, clock: Clock): Notifier {
  return {
    channel: 'inapp',
    async send(r: OutgoingReminder): Promise<SendResult> {
      const id = newId(clock.now().getTime());
      try {
        await db
          .insertInto('notifications')
          .values({
            id,
            user_id: r.to || r.recipientUserId,
            unit_id: r.message.unitId ?? null,
            kind: r.message.template,
            title: r.message.subject,
            body: r.message.text,
            link: r.message.link ?? null,
            created_at: clock.now().toISOString(),
            read_at: null,
          })
          .execute();
      } catch (e) {
        return networkFailure(e);
      }
      return { ok: true, value: { providerMessageId: id } };
    },
  };
}
