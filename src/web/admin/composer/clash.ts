import { type Draft, type SaveConflict, type Written, lastEditorName, writtenOf } from '../../../modules/composer/index.js';
import type { AppDeps } from '../../deps.js';
import { savedWhen } from './paths.js';

// The editor's side of "nothing is overwritten silently" (#14 point 1): which open page is
// saving, and the stored version handed back when a save clashed with someone else's.

/** The editor page's id (hidden field "editor", header X-Editor-Session for the script's upload). */
export function sessionOf(value: string | undefined | null): string | null {
  return value && /^[a-z0-9]{8,40}$/.test(value) ? value : null;
}

export const newEditorSession = (): string => crypto.randomUUID().replace(/-/g, '');

/** Written text by form field name, as the editor's fields hold it. */
export function formValues(w: Written): Record<string, string> {
  const out: Record<string, string> = { title: w.title, body: w.body, hashtags: w.hashtags.join(' ') };
  for (const p of ['facebook', 'instagram', 'tiktok'] as const) out[`caption:${p}`] = w.captions[p] ?? '';
  for (const [id, alt] of Object.entries(w.alts)) out[`alt:${id}`] = alt;
  return out;
}

export interface StoredVersion {
  revision: number;
  /** "Pendamping Bacang", or '' when unknown. */
  by: string;
  /** "10.12 WIB" today, the full date otherwise. */
  at: string;
  values: Record<string, string>;
}

/** The stored draft as the script needs it to show both versions side by side. */
export async function storedVersion(deps: Pick<AppDeps, 'db' | 'clock'>, draft: Draft): Promise<StoredVersion> {
  return { revision: draft.revision, by: await lastEditorName(deps.db, draft), at: savedWhen(draft.updatedAt, deps.clock.now()), values: formValues(writtenOf(draft)) };
}

export async function clashJson(deps: Pick<AppDeps, 'db' | 'clock'>, c: SaveConflict) {
  return { ...(await storedVersion(deps, c.current)), fields: c.fields };
}
