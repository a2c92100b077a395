import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';

// The unit's recent posts that went (or are going) to social accounts, one line per post with
// a count per outcome, for the staff "Kiriman" overview. Scoped by unit_id in the query: a unit
// never sees another unit's deliveries. (Added beside the delivery repo for the web edge.)

export interface UnitPostSummary {
  postId: string;
  /** The first caption, cut short: the content title lives in another module. */
  excerpt: string;
  createdAt: string;
  total: number;
  published: number;
  /** Failed, manual posting needed, or "belum pasti" waiting for a person. */
  needsPerson: number;
}

export async function listUnitPosts(db: Kysely<DB>, unitId: string, opts: { limit?: number } = {}): Promise<UnitPostSummary[]> {
  const rows = await db
    .selectFrom('deliveries')
    .select(['post_id', 'state', 'variant', 'created_at', 'next_attempt_at'])
    .where('unit_id', '=', unitId)
    .orderBy('created_at', 'desc')
    .limit(500)
    .execute();
  const byPost = new Map<string, UnitPostSummary>();
  for (const r of rows) {
    let s = byPost.get(r.post_id);
    if (!s) {
      if (byPost.size >= (opts.limit ?? 30)) continue;
      let caption = '';
      try {
        caption = String(JSON.parse(r.variant).caption ?? '');
      } catch {}
      s = { postId: r.post_id, excerpt: caption.split('\n')[0]!.slice(0, 120), createdAt: r.created_at, total: 0, published: 0, needsPerson: 0 };
      byPost.set(r.post_id, s);
    }
    s.total++;
    if (r.state === 'published') s.published++;
    if (r.state === 'failed' || r.state === 'manual_needed' || (r.state === 'unconfirmed' && r.next_attempt_at === null)) s.needsPerson++;
  }
  return [...byPost.values()];
}
