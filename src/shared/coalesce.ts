/**
 * Wraps an idempotent task so overlapping calls share a run: a call while a run is in progress
 * waits for one more run after it (so nothing asked for during a run is missed), and any number
 * of such calls share that one extra run.
 */
export function coalesce(task: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | null = null;
  let pending: Promise<void> | null = null;
  const start = (): Promise<void> => {
    running = task().finally(() => {
      running = null;
    });
    return running;
  };
  return () => {
    if (!running) return start();
    if (!pending) {
      pending = running.catch(() => undefined).then(() => {
        pending = null;
        return start();
      });
    }
    return pending;
  };
}
