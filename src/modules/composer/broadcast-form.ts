import * as z from 'zod';

// The "Siaran Pemkot" form as the web edge reads it (issue 19 point 2): bounds on what is read;
// sendBroadcast still says what is missing (title_missing, text_missing, no_units) and the edge
// puts each answer next to the field it is about (BROADCAST_ERROR_FIELD).
/** The shortest title and text a broadcast may have; the form names them when it refuses one. */
export const BROADCAST_MIN = { title: 3, body: 10 } as const;

export const broadcastFormSchema = z.object({
  title: z.string().trim().min(BROADCAST_MIN.title).max(200),
  body: z.string().trim().min(BROADCAST_MIN.body).max(20_000),
  to: z.enum(['all', 'some']),
  units: z.array(z.string().max(64)).max(2_000),
});

export type BroadcastForm = z.output<typeof broadcastFormSchema>;

/** Which form field each refusal of sendBroadcast is about. */
export const BROADCAST_ERROR_FIELD = { title_missing: 'title', text_missing: 'body', no_units: 'units' } as const;
