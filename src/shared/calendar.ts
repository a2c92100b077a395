// "2026-02-30" is not a day. JavaScript's Date quietly rolls it into 2 March, so every date a
// person types is checked against the calendar before it is turned into a moment (issue 16).

/** True when y-m-d is a day of the Gregorian calendar. */
export function isRealDay(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d) || m < 1 || m > 12 || d < 1) return false;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= last;
}

/** "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM[:SS]…" whose date part and time are real; other text → false. */
export function isRealDateText(v: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(v.trim());
  if (!m) return false;
  if (m[4] !== undefined && (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6] ?? 0) > 59)) return false;
  return isRealDay(Number(m[1]), Number(m[2]), Number(m[3]));
}
