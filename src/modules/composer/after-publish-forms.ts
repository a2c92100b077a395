import * as z from 'zod';
import { MAX_BODY, MAX_TITLE } from './save-draft.js';

// The forms on a post that is out, as the web edge reads them (issue 19 point 2): each bounds
// what is read; editPublished and withdrawPublished still decide what may be done with it.

/** The longest photo description kept (editPublished keeps at most this much). */
export const MAX_ALT = 500;

/** A photo row of the edit form: its media id (hidden), "Tetap dipakai" ('1' when ticked), its description. */
const photoRow = z.object({ mediaId: z.string().min(1).max(64), keep: z.string().transform((v) => v === '1'), alt: z.string().max(MAX_ALT) });

/**
 * "Ubah kabar yang sudah terbit": title, text, the post's own photos and those stored by an
 * earlier refused submit (`added`), and the descriptions typed beside the new photo slots.
 * The photos' files are not here: the web takes them beside the form (parse-form's formFiles)
 * and the media module checks their bytes.
 */
export const publishedEditFormSchema = z.object({
  title: z.string().max(MAX_TITLE),
  body: z.string().max(MAX_BODY),
  // The revision the page was drawn from; unreadable counts as none, so the edit is 'changed'.
  revision: z.string().transform((v) => (/^\d{1,15}$/.test(v) ? Number(v) : -1)),
  photos: z.array(photoRow).max(10),
  added: z.array(photoRow).max(10),
  newAlts: z.array(z.string().max(MAX_ALT)),
});
export type PublishedEditForm = z.output<typeof publishedEditFormSchema>;

/**
 * "Ya, tarik dari situs" / "Ya, hapus": confirmed only by the form's yakin=1 (anything else shows
 * the question again); `deleteOn`: the platforms whose "Hapus juga dari …" stayed ticked.
 */
export const withdrawFormSchema = z.object({ yakin: z.string().transform((v) => v === '1'), deleteOn: z.array(z.string().min(1).max(32)) });
