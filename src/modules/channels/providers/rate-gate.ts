// A per-key sliding-window gate, so the adapter stays under limits the platform documents
// (TikTok: creator_info 20/min, content init 6/min, status fetch 30/min per token) instead of
// discovering them through errors. In memory: one worker process; a second worker sharing a
// token would also be caught by the platform's own 429, which we classify as retryable.

export class RateGate {
  private readonly calls = new Map<string, number[]>();
  constructor(private readonly now: () => number = Date.now) {}

  /** Milliseconds to wait before a call under `key` fits in `limit` per `windowMs` (0 = go now). */
  waitFor(key: string, limit: number, windowMs: number): number {
    const t = this.now();
    const list = (this.calls.get(key) ?? []).filter((c) => c > t - windowMs);
    this.calls.set(key, list);
    if (list.length < limit) return 0;
    return list[0]! + windowMs - t;
  }

  /** Records a call made now. */
  note(key: string): void {
    const list = this.calls.get(key) ?? [];
    list.push(this.now());
    this.calls.set(key, list);
  }
}
