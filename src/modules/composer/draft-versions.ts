import type { Kysely, Selectable } from 'kysely';
import type { ComposerTables } from '../../db/schema/composer.js';
import type { DB } from '../../db/schema/index.js';
import { accountRepository } from '../accounts/index.js';
import { iso, type Clock } from '../../shared/clock.js';
import { newId } from '../../shared/ids.js';
import type { CaptionOverrides, Draft, DraftPhoto } from './draft-repo.js';

// What a person wrote in a draft — title, text, hashtags, hand-edited captions and photo
// descriptions — compared field by field, and set aside when two saves clash (#14 point 1).
// Only this file touches composer_draft_versions.

/** The written parts of a draft, in the form a clash is judged and a version is kept. */
export interface Written {
  title: string;
  body: string;
  hashtags: string[];
  captions: CaptionOverrides;
  /** Photo descriptions by media id. */
  alts: Record<string, string>;
}

export const writtenOf = (d: { title: string; body: string; hashtags: string[]; captions: CaptionOverrides; photos: DraftPhoto[] }): Written => ({
  title: d.title,
  body: d.body,
  hashtags: d.hashtags,
  captions: d.captions,
  alts: Object.fromEntries(d.photos.map((p) => [p.mediaId, p.alt])),
});

/**
 * Names of the form fields whose written text differs: title, body, hashtags, caption:<platform>,
 * alt:<mediaId> (a photo only one side has is not a clash: photos are added, never overwritten).
 */
export function differingFields(a: Written, b: Written): string[] {
  const out: string[] = [];
  const norm = (s: string | undefined) => (s ?? '').replace(/\r\n?/g, '\n').trim();
  if (norm(a.title) !== norm(b.title)) out.push('title');
  if (norm(a.body) !== norm(b.body)) out.push('body');
  if (a.hashtags.join(' ') !== b.hashtags.join(' ')) out.push('hashtags');
  for (const p of ['facebook', 'instagram', 'tiktok'] as const) if (norm(a.captions[p]) !== norm(b.captions[p])) out.push(`caption:${p}`);
  for (const [id, alt] of Object.entries(a.alts)) if (id in b.alts && norm(alt) !== norm(b.alts[id])) out.push(`alt:${id}`);
  return out;
}

export type VersionRow = Selectable<ComposerTables['composer_draft_versions']>;

export interface DraftVersion extends Written {
  id: string;
  writtenByName: string;
  writtenAt: string;
  setAsideAt: string;
}

const toVersion = (r: VersionRow): DraftVersion => ({
  id: r.id,
  title: r.title,
  body: r.body,
  hashtags: JSON.parse(r.hashtags) as string[],
  captions: JSON.parse(r.captions) as CaptionOverrides,
  alts: JSON.parse(r.alts) as Record<string, string>,
  writtenByName: r.written_by_name,
  writtenAt: r.written_at,
  setAsideAt: r.set_aside_at,
});

/** Who saved the draft last, by name (for "diubah oleh … pukul …"). */
export async function lastEditorName(db: Kysely<DB>, draft: Pick<Draft, 'updatedBy'>): Promise<string> {
  if (!draft.updatedBy) return '';
  return (await accountRepository.userById(db, draft.updatedBy))?.display_name ?? '';
}

/** Keeps a version nobody chose, so it can be read and taken back. Returns its id. */
export async function setAside(
  deps: { db: Kysely<DB>; clock: Clock },
  args: { unitId: string; draftId: string; written: Written; byId: string | null; byName: string; at: string },
): Promise<string> {
  const now = deps.clock.now();
  const id = newId(now.getTime());
  await deps.db
    .insertInto('composer_draft_versions')
    .values({
      id,
      unit_id: args.unitId,
      draft_id: args.draftId,
      title: args.written.title,
      body: args.written.body,
      hashtags: JSON.stringify(args.written.hashtags),
      captions: JSON.stringify(args.written.captions),
      alts: JSON.stringify(args.written.alts),
      written_by: args.byId,
      written_by_name: args.byName,
      written_at: args.at,
      set_aside_at: iso(now),
    })
    .execute();
  return id;
}

/** Set-aside versions of a draft, newest first. */
export async function listVersions(db: Kysely<DB>, unitId: string, draftId: string): Promise<DraftVersion[]> {
  const rows = await db.selectFrom('composer_draft_versions').selectAll().where('unit_id', '=', unitId).where('draft_id', '=', draftId).orderBy('set_aside_at', 'desc').orderBy('id', 'desc').execute();
  return rows.map(toVersion);
}

export async function versionById(db: Kysely<DB>, unitId: string, draftId: string, id: string): Promise<DraftVersion | undefined> {
  const r = await db.selectFrom('composer_draft_versions').selectAll().where('unit_id', '=', unitId).where('draft_id', '=', draftId).where('id', '=', id).executeTakeFirst();
  return r ? toVersion(r) : undefined;
}

export const deleteVersion = (db: Kysely<DB>, unitId: string, id: string) => db.deleteFrom('composer_draft_versions').where('unit_id', '=', unitId).where('id', '=', id).execute();
