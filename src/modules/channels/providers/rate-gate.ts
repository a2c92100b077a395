import { createHash } from 'node:crypto';

// A per-key sliding-window gate, so the adapter stays under limits the platform documents
// (TikTok: creator_info 20/min, content init 6/min, status fetch 30/min per token) instead of
// discovering them through errors. A call first reserves its start: now if the window has room,
// else the moment the oldest call that fills it leaves. The reservation is kept before the caller
// waits, so callers arriving together take successive starts instead of all waking at once.
// A start further off than `maxWaitMs` is not reserved: the caller answers "try later" rather
// than hold a worker. RateGate keeps the windows in this process (SQLite: one worker);
// shared-call-gate.ts keeps them in PostgreSQL for several workers (issue 18).

export type Reservation =
  /** A start is reserved `waitMs` from now (0 = go now). */
  | { reserved: true; waitMs: number }
  /** No start within `maxWaitMs`: the window has room again in `waitMs`. Nothing was reserved. */
  | { reserved: false; waitMs: number };

export interface CallGate {
  reserve(key: string, limit: number, windowMs: number, maxWaitMs: number): Promise<Reservation>;
}

/**
 * The start a call may take among `calls` (reserved starts, any order, possibly in the future):
 * with n starts still inside the window (after now − windowMs), the (n − limit + 1)-th oldest of
 * them must leave first. Every window of `windowMs` then holds at most `limit` starts.
 */
export function nextStart(calls: readonly number[], now: number, limit: number, windowMs: number): { startAt: number; kept: number[] } {
  const kept = calls.filter((c) => c > now - windowMs).sort((a, b) => a - b);
  if (kept.length < limit) return { startAt: now, kept };
  return { startAt: Math.max(now, kept[kept.length - limit]! + windowMs), kept };
}

/** One reservation against a list of starts: the list to keep (old starts dropped) and the answer. */
export function reserveIn(
  calls: readonly number[],
  now: number,
  limit: number,
  windowMs: number,
  maxWaitMs: number,
): { calls: number[]; answer: Reservation } {
  const { startAt, kept } = nextStart(calls, now, limit, windowMs);
  const waitMs = startAt - now;
  if (waitMs > maxWaitMs) return { calls: kept, answer: { reserved: false, waitMs } };
  return { calls: [...kept, startAt].sort((a, b) => a - b), answer: { reserved: true, waitMs } };
}

/**
 * A gate key that names a token without containing it: the windows may be stored in a table
 * (shared-call-gate.ts) and read by anyone with database access, who must not learn the token.
 */
export function tokenWindowKey(token: string, kind: string): string {
  return `${createHash('sha256').update(token).digest('base64url').slice(0, 32)}:${kind}`;
}

/** The windows kept in this process's memory: one worker, or a fallback when the database fails. */
export class RateGate implements CallGate {
  /** Per key: the reserved starts and the window they were counted in. */
  private readonly windows = new Map<string, { calls: number[]; windowMs: number }>();
  private sweptAt = 0;
  constructor(private readonly now: () => number = Date.now) {}

  async reserve(key: string, limit: number, windowMs: number, maxWaitMs: number): Promise<Reservation> {
    const now = this.now();
    this.sweep(now);
    const r = reserveIn(this.windows.get(key)?.calls ?? [], now, limit, windowMs, maxWaitMs);
    if (r.calls.length > 0) this.windows.set(key, { calls: r.calls, windowMs });
    else this.windows.delete(key);
    return r.answer;
  }

  /** Keys tracked now (tests; a long-running worker must not grow with every rotated token). */
  get size(): number {
    return this.windows.size;
  }

  /**
   * Access tokens rotate (TikTok: every day or two hours), and each new token is a new key, so a
   * key whose last start has left its window is dropped — at most once a minute, a pass over all.
   */
  private sweep(now: number): void {
    if (now - this.sweptAt < 60_000) return;
    this.sweptAt = now;
    for (const [key, w] of this.windows) if (w.calls[w.calls.length - 1]! <= now - w.windowMs) this.windows.delete(key);
  }
}
