import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import { type Audience, audienceOf } from './delivery-audience.js';
import { listPostDeliveries } from './delivery-repo.js';
import { listPostChangeRows } from './post-change-repo.js';

// What the composer and the post page show per channel: the state and what citizens can see, as
// codes the web says (audience-words.ts), the permalink, and the reason when something needs a person.

export interface DeliveryView {
  id: string;
  channelId: string;
  platform: string;
  state: string;
  /** What citizens can see (delivery-audience.ts). */
  audience: Audience;
  /** The delivery's JSON snapshot (its TikTok privacy choice, which the audience's words name). */
  variant: string | null;
  /** Whether the city's TikTok app passed TikTok's audit (an unaudited app posts "owner only"). */
  tiktokAudited: boolean;
  permalink: string | null;
  reasonCode: string | null;
  reason: string | null;
  visibility: string | null;
  nextAttemptAt: string | null;
  /** Staff can press "Kirim ulang" (resendDelivery). */
  canResend: boolean;
  /** Staff can paste a link ("Sudah diposting", completeManualDelivery). */
  canCompleteManually: boolean;
  /** The last change asked of this copy once it was out (new text, deletion), if any. */
  change: { kind: 'edit' | 'delete'; state: 'queued' | 'sending' | 'done' | 'failed'; reasonCode: string | null; reason: string | null } | null;
}


export async function listDeliveries(db: Kysely<DB>, postId: string, opts: { tiktokAudited?: boolean } = {}): Promise<DeliveryView[]> {
  const rows = await listPostDeliveries(db, postId);
  const changes = new Map((await listPostChangeRows(db, rows.map((r) => r.id))).map((ch) => [ch.delivery_id, ch]));
  return rows.map((d) => ({
    id: d.id,
    channelId: d.channel_id,
    platform: d.platform,
    state: d.state,
    audience: audienceOf({ state: d.state, visibility: d.visibility, nextAttemptAt: d.next_attempt_at }),
    variant: d.variant,
    tiktokAudited: opts.tiktokAudited ?? false,
    permalink: d.permalink,
    reasonCode: d.reason_code,
    reason: d.reason,
    visibility: d.visibility,
    nextAttemptAt: d.next_attempt_at,
    canResend: d.state === 'failed' || (d.state === 'unconfirmed' && d.next_attempt_at === null),
    canCompleteManually: d.state === 'manual_needed' || d.state === 'failed' || d.state === 'unconfirmed',
    change: changeOf(changes.get(d.id)),
  }));
}

function changeOf(ch: { kind: string; state: string; reason_code: string | null; reason: string | null } | undefined): DeliveryView['change'] {
  if (!ch) return null;
  return { kind: ch.kind as 'edit' | 'delete', state: ch.state as 'queued', reasonCode: ch.reason_code, reason: ch.reason };
}
