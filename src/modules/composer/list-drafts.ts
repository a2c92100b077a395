import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import { type Draft, draftRepo } from './draft-repo.js';

export interface UnitDrafts {
  /** Being written, or returned with a note. */
  drafts: Draft[];
  /** Waiting for the lurah (or the kelurahan, when a pendamping wrote them). */
  waiting: Draft[];
  scheduled: Draft[];
  published: Draft[];
}

/** What the staff home lists: unfinished work first, then what is planned, then the last posts. */
export async function listDrafts(db: Kysely<DB>, unitId: string): Promise<UnitDrafts> {
  const [drafts, waiting, scheduled, published] = await Promise.all([
    draftRepo.listByUnit(db, unitId, ['returned', 'draft'], 20),
    draftRepo.listByUnit(db, unitId, ['submitted'], 20),
    draftRepo.listByUnit(db, unitId, ['scheduled'], 20),
    draftRepo.listByUnit(db, unitId, ['published'], 5),
  ]);
  scheduled.sort((a, b) => (a.publishAt ?? '').localeCompare(b.publishAt ?? ''));
  // Returned drafts need action first.
  drafts.sort((a, b) => Number(b.status === 'returned') - Number(a.status === 'returned') || b.updatedAt.localeCompare(a.updatedAt));
  return { drafts, waiting, scheduled, published };
}

export const getDraft = (db: Kysely<DB>, unitId: string, draftId: string) => draftRepo.byId(db, unitId, draftId);
