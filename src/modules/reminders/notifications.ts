import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import type { Clock } from '../../shared/clock.js';
import { markRead, notificationsOf } from './reminder-repository.js';

export interface InAppNotification {
  id: string;
  unitId: string | null;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  read: boolean;
}

/** The bell in the staff header: a person's own notifications, newest first. */
export async function listNotifications(db: Kysely<DB>, userId: string, opts: { limit?: number; unreadOnly?: boolean } = {}): Promise<InAppNotification[]> {
  const rows = await notificationsOf(db, userId, opts.limit ?? 30, opts.unreadOnly ?? false);
  return rows.map((r) => ({
    id: r.id, unitId: r.unit_id, kind: r.kind, title: r.title, body: r.body, link: r.link, createdAt: r.created_at, read: r.read_at !== null,
  }));
}

/** Marks one of the person's own notifications read; false when not theirs or already read. */
export function markNotificationRead(db: Kysely<DB>, clock: Clock, userId: string, id: string): Promise<boolean> {
  return markRead(db, userId, id, clock.now());
}
