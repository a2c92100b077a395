// Body limits of the citizens' forms (read by middleware/body-limit.ts, which bounds every body
// as it streams). A 12 MP phone photo is 3–8 MB; a scanned PDF up to 15 MB (check-document.ts).

/** A request: several document photos and a few more pages. */
export const REQUEST_BODY_LIMIT = 60 * 1024 * 1024;
/** A complaint: its text and one photo. */
export const COMPLAINT_BODY_LIMIT = 17 * 1024 * 1024;
