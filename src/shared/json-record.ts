// Parsed JSON from outside (a platform's answer, a site's REST API, a request body) is `unknown`
// until read. These let a reader take fields off it without `any`: each field stays `unknown` until
// the reader checks or converts it (String(), Number(), === true …).

/** A JSON object as parsed. */
export type JsonRecord = Readonly<Record<string, unknown>>;

/**
 * The value as an object whose fields can be read, or null. Arrays count as objects here, as
 * `typeof` says, so reading a field of one gives undefined as it always did.
 */
export function asRecord(v: unknown): JsonRecord | null {
  return typeof v === 'object' && v !== null ? (v as JsonRecord) : null;
}

/** The objects of a JSON array (anything else in it is skipped); [] when it is not an array. */
export function recordsOf(v: unknown): JsonRecord[] {
  return Array.isArray(v) ? v.filter((e): e is JsonRecord => asRecord(e) !== null) : [];
}
