import * as z from 'zod';

// The editor page's one big form as the web edge reads it (issue 19 point 2). Its draft fields
// may be absent (absent: the draft keeps what it has — the small review forms carry none), so
// each is optional; a value of the wrong type (a file where text belongs) is that field's
// problem. The draft's own bounds are draftPatchSchema's (save-draft.ts), asked of the patch the
// web builds from this form; the use cases still decide what may be done.

/** The page's buttons (name="action"); the hidden first button makes Enter a plain "save". */
export const EDITOR_ACTIONS = ['save', 'publish', 'schedule', 'submit', 'cancel', 'approve', 'return', 'comment'] as const;
/** Buttons that name what they act on: a version set aside, or a photo moved up or removed. */
export const EDITOR_TARGET_ACTIONS = ['use-version', 'photo-up', 'photo-remove'] as const;

export type EditorAction =
  | { kind: (typeof EDITOR_ACTIONS)[number]; id: null }
  | { kind: (typeof EDITOR_TARGET_ACTIONS)[number]; id: string };

/** The pressed button: an action, or `<action>:<id>` for one that names what it acts on. */
export const editorActionSchema = z.union([
  z.enum(EDITOR_ACTIONS).transform((kind): EditorAction => ({ kind, id: null })),
  z
    .string()
    .regex(new RegExp(`^(${EDITOR_TARGET_ACTIONS.join('|')}):[A-Za-z0-9_-]{1,64}$`))
    .transform((v): EditorAction => {
      const at = v.indexOf(':');
      return { kind: v.slice(0, at) as (typeof EDITOR_TARGET_ACTIONS)[number], id: v.slice(at + 1) };
    }),
]);

const text = z.string().optional();
const perPlatform = z.object({ facebook: text, instagram: text, tiktok: text });

export const editorFormSchema = z.object({
  action: editorActionSchema,
  /** The schedule typed (datetime-local, WIB). */
  jadwal: z.string().max(40).optional(),
  /** A note to the approver, or the approver's reason for returning it. */
  note: z.string().max(2_000).optional(),
  /** A comment; commentOnDraft says "too long" with the count. */
  comment: text,
  title: text,
  body: text,
  hashtags: text,
  tiktok_privacy: text,
  step: text,
  revision: text,
  editor: text,
  /** After a clash, the version the person chose to keep ('mine' or 'theirs'; autosave only). */
  resolve: text,
  /** Hidden markers: the photo and channel lists were on the page (an empty list is a choice). */
  photos_shown: text,
  channels_shown: text,
  photo: z.array(z.string().max(64)).max(50),
  channel: z.array(z.string().max(64)).max(50),
  /** `alt:<media id>` by media id. */
  alts: z.record(z.string(), z.string()),
  /** `caption:<platform>` and the generated text it was shown with (`caption_auto:<platform>`). */
  captions: perPlatform,
  captionsAuto: perPlatform,
});
export type EditorForm = z.output<typeof editorFormSchema>;
