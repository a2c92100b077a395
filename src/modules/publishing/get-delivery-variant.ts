import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import type { PostVariant } from '../channels/index.js';
import { getDelivery } from './delivery-repo.js';

/** What a delivery publishes (caption, photos, TikTok title), for the manual kit; null for another unit's. */
export async function getDeliveryVariant(db: Kysely<DB>, unitId: string, deliveryId: string): Promise<PostVariant | null> {
  const d = await getDelivery(db, deliveryId);
  if (!d || d.unit_id !== unitId) return null;
  return JSON.parse(d.variant) as PostVariant;
}
