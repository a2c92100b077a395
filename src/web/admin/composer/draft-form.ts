import type { Context } from 'hono';
import { cleanHashtags } from '../../../modules/publishing-captions/index.js';
import type { ChannelRow } from '../../../modules/channels/index.js';
import { type DraftPatch, type EditorForm, MAX_BODY, MAX_TITLE, draftPatchSchema, editorFormSchema } from '../../../modules/composer/index.js';
import { t } from '../../../i18n/index.js';
import type { FieldProblem } from '../../../shared/field-problems.js';
import { fieldErrors, formFiles, formLists, formSent, parseValues } from '../../forms/parse-form.js';

// Reads the editor form (full submit or the autosave script's copy of it) with the composer's
// editorFormSchema (issue 19 point 2) into the pressed button and a draft patch, which
// draftPatchSchema bounds. Fields absent from the request stay as they are; hidden "…_shown"
// markers tell an empty list (every photo removed, every channel unticked) apart from a list
// that was not on the page. A problem is named by its form field (title, body, hashtags,
// alt:<media id>, caption, jadwal, action) for the page to say next to it.

const PLATFORMS = ['facebook', 'instagram', 'tiktok'] as const;
const FIELDS = ['action', 'jadwal', 'note', 'comment', 'title', 'body', 'hashtags', 'tiktok_privacy', 'step', 'revision', 'editor', 'resolve', 'photos_shown', 'channels_shown'] as const;

export type DraftFormRead =
  | { ok: true; form: EditorForm; patch: DraftPatch }
  | { ok: false; errors: Record<string, string>; typed: TypedDraft };

/** The draft's text as typed in a refused form, shown again over the stored draft. */
export interface TypedDraft {
  title?: string;
  body?: string;
  hashtags?: string;
  jadwal?: string;
  captions: Partial<Record<(typeof PLATFORMS)[number], string>>;
  alts: Record<string, string>;
}

export async function readDraftForm(c: Context, channels: ChannelRow[]): Promise<DraftFormRead> {
  const lists = await formLists(c, ['photo', 'channel']);
  const photoIds = lists.photo!.filter((id) => id.length > 0);
  const sent = await formSent(c, [...FIELDS, ...photoIds.map((id) => `alt:${id}`), ...PLATFORMS.flatMap((p) => [`caption:${p}`, `caption_auto:${p}`])]);
  const byPlatform = (prefix: string) => Object.fromEntries(PLATFORMS.map((p) => [p, sent[`${prefix}:${p}`]]));
  const input = {
    ...Object.fromEntries(FIELDS.map((f) => [f, sent[f]])),
    // No button named (a form sent by Enter in an old browser): a plain save, as the page's first button.
    action: sent.action ?? 'save',
    photo: photoIds,
    channel: lists.channel!,
    alts: Object.fromEntries(photoIds.filter((id) => sent[`alt:${id}`] !== undefined).map((id) => [id, sent[`alt:${id}`]])),
    captions: byPlatform('caption'),
    captionsAuto: byPlatform('caption_auto'),
  };
  const text = (k: string) => (typeof sent[k] === 'string' ? (sent[k] as string) : undefined);
  const typed: TypedDraft = {
    title: text('title'),
    body: text('body'),
    hashtags: text('hashtags'),
    jadwal: text('jadwal'),
    captions: Object.fromEntries(PLATFORMS.flatMap((p) => (text(`caption:${p}`) === undefined ? [] : [[p, text(`caption:${p}`)!]]))),
    alts: Object.fromEntries(photoIds.flatMap((id) => (text(`alt:${id}`) === undefined ? [] : [[id, text(`alt:${id}`)!]]))),
  };
  const length = (field: string) => text(field)?.length ?? 0;
  const form = parseValues(editorFormSchema, {}, input);
  if (!form.ok) return { ok: false, typed, errors: fieldErrors(form.problems, (p) => problemText(p, formField(p.path), length), formField) };
  const patch = patchOf(form.data, channels);
  const bounded = draftPatchSchema.safeParse(patch);
  if (bounded.success) return { ok: true, form: form.data, patch };
  // The draft's own bounds: a photo's description is named by its media id.
  const patchField = (path: string) => {
    const [head, i] = path.split('.');
    if (head === 'photos' && i !== undefined) return `alt:${patch.photos![Number(i)]!.mediaId}`;
    return head === 'captions' ? 'caption' : head!;
  };
  const problems: FieldProblem[] = bounded.error.issues.map((i) => ({ path: i.path.map(String).join('.'), code: i.code }));
  return { ok: false, typed, errors: fieldErrors(problems, (p) => problemText(p, patchField(p.path), length), patchField) };
}

/** The form field a path of editorFormSchema names. */
function formField(path: string): string {
  const [head, key] = path.split('.');
  if (head === 'alts') return `alt:${key}`;
  if (head === 'captions' || head === 'captionsAuto') return 'caption';
  return head!;
}

const MAX_OF: Record<string, number> = { title: MAX_TITLE, body: MAX_BODY };

function problemText(p: FieldProblem, field: string, length: (field: string) => number): string {
  if (field === 'action') return t('composer.error.unknown_action');
  if (p.code === 'invalid_type') return t('composer.error.not_text');
  if (p.code === 'too_big' && MAX_OF[field]) return t('composer.error.too_long', { max: MAX_OF[field], length: length(field) });
  return t('composer.error.invalid');
}

function patchOf(f: EditorForm, channels: ChannelRow[]): DraftPatch {
  const patch: DraftPatch = {};
  if (f.title !== undefined) patch.title = f.title;
  if (f.body !== undefined) patch.body = f.body;
  if (f.hashtags !== undefined) patch.hashtags = cleanHashtags(f.hashtags.split(/[\s,]+/).filter(Boolean));
  if (f.photos_shown !== undefined) patch.photos = f.photo.map((mediaId) => ({ mediaId, alt: f.alts[mediaId] ?? '' }));
  if (f.channels_shown !== undefined) {
    // Every channel ticked is stored as "all", so an account registered later is included too.
    const everyOne = channels.length > 0 && channels.every((c) => f.channel.includes(c.id));
    patch.channelIds = everyOne ? null : f.channel.filter((id) => channels.some((c) => c.id === id));
  }
  const captions: NonNullable<DraftPatch['captions']> = {};
  let anyCaption = false;
  for (const p of PLATFORMS) {
    const v = f.captions[p];
    if (v === undefined) continue;
    anyCaption = true;
    // Unchanged from the text we generated: keep following the post's text, not a frozen copy.
    captions[p] = norm(v) === norm(f.captionsAuto[p] ?? '') ? '' : v;
  }
  if (anyCaption) patch.captions = captions;
  if (f.tiktok_privacy !== undefined) patch.tiktokPrivacy = f.tiktok_privacy;
  const step = f.step;
  if (step && ['tulis', 'foto', 'saluran', 'pratinjau', 'jadwal'].includes(step)) patch.step = step as DraftPatch['step'];
  const rev = Number(f.revision);
  if (Number.isInteger(rev) && rev > 0) patch.baseRevision = rev;
  return patch;
}

const norm = (s: string) => s.replace(/\r\n?/g, '\n').trim();

/** Files sent with the form (no script: photos travel with "Terbitkan" or "Simpan"); their bytes are the media module's to check. */
export const filesOf = async (c: Context): Promise<File[]> => (await formFiles(c, ['foto'])).foto!;
