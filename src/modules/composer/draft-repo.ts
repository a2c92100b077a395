import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { ComposerTables, ComposerTemplate, DraftStatus } from '../../db/schema/composer.js';
import type { DB } from '../../db/schema/index.js';

// The only file that reads and writes composer_drafts. Every lookup carries the unit id, so a
// draft id from another kelurahan finds nothing (the tenant check cannot be forgotten upstream).

export type DraftRow = Selectable<ComposerTables['composer_drafts']>;

export interface DraftPhoto {
  mediaId: string;
  alt: string;
}

export type CaptionOverrides = Partial<Record<'facebook' | 'instagram' | 'tiktok', string>>;

/** A draft with its JSON columns read. */
export interface Draft {
  id: string;
  unitId: string;
  template: ComposerTemplate;
  title: string;
  body: string;
  hashtags: string[];
  photos: DraftPhoto[];
  /** null: every channel of the unit. */
  channelIds: string[] | null;
  captions: CaptionOverrides;
  tiktokPrivacy: string | null;
  status: DraftStatus;
  publishAt: string | null;
  contentId: string | null;
  lateNote: string | null;
  step: string;
  revision: number;
  /** The editor page that saved last (see save-draft.ts: a save from another page on an older revision is a clash). */
  editorSession: string | null;
  createdBy: string | null;
  updatedBy: string | null;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
}

function json<T>(text: string | null, fallback: T): T {
  if (text === null) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

export function toDraft(r: DraftRow): Draft {
  return {
    id: r.id,
    unitId: r.unit_id,
    template: r.template,
    title: r.title,
    body: r.body,
    hashtags: json<string[]>(r.hashtags, []),
    photos: json<DraftPhoto[]>(r.photos, []),
    channelIds: json<string[] | null>(r.channel_ids, null),
    captions: json<CaptionOverrides>(r.captions, {}),
    tiktokPrivacy: r.tiktok_privacy,
    status: r.status,
    publishAt: r.publish_at,
    contentId: r.content_id,
    lateNote: r.late_note,
    step: r.step,
    revision: Number(r.revision),
    editorSession: r.editor_session,
    createdBy: r.created_by,
    updatedBy: r.updated_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    publishedAt: r.published_at,
  };
}

export const draftRepo = {
  async byId(db: Kysely<DB>, unitId: string, id: string): Promise<Draft | undefined> {
    const r = await db.selectFrom('composer_drafts').selectAll().where('unit_id', '=', unitId).where('id', '=', id).executeTakeFirst();
    return r ? toDraft(r) : undefined;
  },

  async insert(db: Kysely<DB>, row: Insertable<ComposerTables['composer_drafts']>): Promise<void> {
    await db.insertInto('composer_drafts').values(row).execute();
  },

  /**
   * Updates a draft of the unit; `onlyIf` makes the change conditional on the current status,
   * `onlyAtRevision` on the revision (compare-and-set: false when another save came first).
   */
  async update(
    db: Kysely<DB>,
    unitId: string,
    id: string,
    patch: Updateable<ComposerTables['composer_drafts']>,
    onlyIf?: DraftStatus[],
    onlyAtRevision?: number,
  ): Promise<boolean> {
    let q = db.updateTable('composer_drafts').set(patch).where('unit_id', '=', unitId).where('id', '=', id);
    if (onlyIf) q = q.where('status', 'in', onlyIf);
    if (onlyAtRevision !== undefined) q = q.where('revision', '=', onlyAtRevision);
    const r = await q.executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  },

  /** Deletes a draft of the unit; `onlyIf` makes it conditional on the current status. */
  async delete(db: Kysely<DB>, unitId: string, id: string, onlyIf?: DraftStatus[]): Promise<boolean> {
    let q = db.deleteFrom('composer_drafts').where('unit_id', '=', unitId).where('id', '=', id);
    if (onlyIf) q = q.where('status', 'in', onlyIf);
    const r = await q.executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  },

  async listByUnit(db: Kysely<DB>, unitId: string, statuses: DraftStatus[], limit = 50): Promise<Draft[]> {
    const rows = await db
      .selectFrom('composer_drafts')
      .selectAll()
      .where('unit_id', '=', unitId)
      .where('status', 'in', statuses)
      .orderBy('updated_at', 'desc')
      .limit(limit)
      .execute();
    return rows.map(toDraft);
  },

  async due(db: Kysely<DB>, nowIso: string, limit: number): Promise<Draft[]> {
    const rows = await db
      .selectFrom('composer_drafts')
      .selectAll()
      .where('status', '=', 'scheduled')
      .where('publish_at', '<=', nowIso)
      .orderBy('publish_at')
      .limit(limit)
      .execute();
    return rows.map(toDraft);
  },

  async countByUnit(db: Kysely<DB>, unitIds: string[], status: DraftStatus): Promise<Map<string, number>> {
    if (unitIds.length === 0) return new Map();
    const rows = await db
      .selectFrom('composer_drafts')
      .select(['unit_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('unit_id', 'in', unitIds)
      .where('status', '=', status)
      .groupBy('unit_id')
      .execute();
    return new Map(rows.map((r) => [r.unit_id, Number(r.n)]));
  },
};
