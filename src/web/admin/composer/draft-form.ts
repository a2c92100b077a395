import { cleanHashtags } from '../../../modules/publishing-captions/index.js';
import type { ChannelRow } from '../../../modules/channels/index.js';
import type { DraftPatch } from '../../../modules/composer/index.js';

// Reads the editor form (full submit or the autosave script's copy of it) into a draft patch.
// Fields absent from the request stay as they are; hidden "…_shown" markers tell an empty list
// (every photo removed, every channel unticked) apart from a list that was not on the page.

export type FormBody = Record<string, string | File | (string | File)[]>;

export const all = (v: FormBody[string] | undefined): (string | File)[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
export const str = (v: FormBody[string] | undefined): string | undefined => {
  const first = all(v)[0];
  return typeof first === 'string' ? first : undefined;
};

const PLATFORMS = ['facebook', 'instagram', 'tiktok'] as const;

export function patchFromForm(body: FormBody, channels: ChannelRow[]): DraftPatch {
  const patch: DraftPatch = {};
  const title = str(body.title);
  if (title !== undefined) patch.title = title;
  const text = str(body.body);
  if (text !== undefined) patch.body = text;
  const tags = str(body.hashtags);
  if (tags !== undefined) patch.hashtags = cleanHashtags(tags.split(/[\s,]+/).filter(Boolean));
  if (str(body.photos_shown) !== undefined) {
    patch.photos = all(body.photo)
      .filter((v): v is string => typeof v === 'string' && v.length > 0)
      .map((mediaId) => ({ mediaId, alt: str(body[`alt:${mediaId}`]) ?? '' }));
  }
  if (str(body.channels_shown) !== undefined) {
    const ids = all(body.channel).filter((v): v is string => typeof v === 'string');
    // Every channel ticked is stored as "all", so an account registered later is included too.
    const everyOne = channels.length > 0 && channels.every((c) => ids.includes(c.id));
    patch.channelIds = everyOne ? null : ids.filter((id) => channels.some((c) => c.id === id));
  }
  const captions: NonNullable<DraftPatch['captions']> = {};
  let anyCaption = false;
  for (const p of PLATFORMS) {
    const v = str(body[`caption:${p}`]);
    if (v === undefined) continue;
    anyCaption = true;
    const auto = str(body[`caption_auto:${p}`]) ?? '';
    // Unchanged from the text we generated: keep following the post's text, not a frozen copy.
    captions[p] = norm(v) === norm(auto) ? '' : v;
  }
  if (anyCaption) patch.captions = captions;
  const privacy = str(body.tiktok_privacy);
  if (privacy !== undefined) patch.tiktokPrivacy = privacy;
  const step = str(body.step);
  if (step && ['tulis', 'foto', 'saluran', 'pratinjau', 'jadwal'].includes(step)) patch.step = step as DraftPatch['step'];
  const rev = Number(str(body.revision));
  if (Number.isInteger(rev) && rev > 0) patch.baseRevision = rev;
  return patch;
}

const norm = (s: string) => s.replace(/\r\n?/g, '\n').trim();

/** Files sent with the form (no script: photos travel with "Terbitkan" or "Simpan"). */
export const filesOf = (body: FormBody): File[] => all(body.foto).filter((f): f is File => typeof f !== 'string' && f.size > 0);
