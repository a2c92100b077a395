import * as z from 'zod';
import { MAX_HELP_MESSAGE } from './help-requests.js';
import { isTemplate } from './templates.js';
import type { ComposerTemplate } from '../../db/schema/composer.js';

// The composer's small forms as the web edge reads them (issue 19 point 2): each bounds what is
// read; the use cases still decide what may be done with it.

/** "Tulis kabar": the kind of news chosen. */
export const templateChoiceSchema = z.object({ template: z.custom<ComposerTemplate>(isTemplate) });

/** "Pakai foto ini" from the unit's photo library: a media id. */
export const libraryPickSchema = z.object({ media: z.string().min(1).max(64) });

/** "Minta bantuan": the draft it is about (may be none) and the message, refused above the limit. */
export const helpRequestFormSchema = z.object({
  draf: z.string().max(64).transform((v) => v || null),
  message: z.string().trim().max(MAX_HELP_MESSAGE),
});

/** The pendamping's "Selesai" with an optional reply, refused above the same limit as a request. */
export const helpAnswerFormSchema = z.object({ balasan: z.string().trim().max(MAX_HELP_MESSAGE) });

/** The lurah's approval switch: '1' turns approval on, anything else sent as text turns it off. */
export const approvalSwitchSchema = z.object({ on: z.string().transform((v) => v === '1') });
