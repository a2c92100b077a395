import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import { type AudienceCounts, countAudiences } from './delivery-audience.js';

// The unit's recent posts that went (or are going) to social accounts, one line per post with
// a count per outcome, for the staff "Kiriman" overview. Scoped by unit_id in the query: a unit
// never sees another unit's deliveries. (Added beside the delivery repo for the web edge.)
// The post's title lives in the content module: the web edge looks it up by postId.

export interface UnitPostSummary {
  postId: string;
  /** The first caption, cut short: shown only when the content item has no title to show. */
  excerpt: string;
  createdAt: string;
  /** What citizens can see, per delivery: a private (owner-only) post is never counted as shown. */
  counts: AudienceCounts;
}

export async function listUnitPosts(db: Kysely<DB>, unitId: string, opts: { limit?: number } = {}): Promise<UnitPostSummary[]> {
  const rows = await db
    .selectFrom('deliveries')
    .select(['post_id', 'state', 'visibility', 'variant', 'created_at', 'next_attempt_at'])
    .where('unit_id', '=', unitId)
    .orderBy('created_at', 'desc')
    .limit(500)
    .execute();
  const byPost = new Map<string, { summary: UnitPostSummary; rows: typeof rows }>();
  for (const r of rows) {
    let s = byPost.get(r.post_id);
    if (!s) {
      if (byPost.size >= (opts.limit ?? 30)) continue;
      let caption = '';
      try {
        caption = String(JSON.parse(r.variant).caption ?? '');
      } catch {}
      s = { summary: { postId: r.post_id, excerpt: caption.split('\n')[0]!.slice(0, 120), createdAt: r.created_at, counts: countAudiences([]) }, rows: [] };
      byPost.set(r.post_id, s);
    }
    s.rows.push(r);
  }
  return [...byPost.values()].map(({ summary, rows: list }) => ({
    ...summary,
    counts: countAudiences(list.map((r) => ({ state: r.state, visibility: r.visibility, nextAttemptAt: r.next_attempt_at }))),
  }));
}
