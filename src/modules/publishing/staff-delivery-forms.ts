import * as z from 'zod';

// The small forms on a delivery. "Kirim ulang": the box "I looked at the account and the post is
// not there" (required by resendDelivery for a "belum pasti" post). "Sudah diposting": the link
// of the post made by hand — its form, platform and account are checked by verifyManualLink,
// which says what is wrong in the module's words; the schema only bounds it.
export const resendSchema = z.object({ checked: z.string() });
export const manualLinkSchema = z.object({ link: z.string().trim().max(1000) });
