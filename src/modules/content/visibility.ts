import type { ContentStatus } from '../../db/schema/site.js';

// One rule, used by every public query and by tests: an item is public when it was published
// or scheduled and its publish moment has passed. Drafts and archived items never are, whatever
// their publish_at says. Scheduling needs no job: the moment simply arrives.
export const PUBLIC_STATUSES: ContentStatus[] = ['published', 'scheduled'];

export function isPublicAt(status: ContentStatus, publishAt: string | null, nowIso: string): boolean {
  return PUBLIC_STATUSES.includes(status) && publishAt !== null && publishAt <= nowIso;
}
