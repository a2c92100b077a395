import type { Logger } from 'pino';

// SIGTERM/SIGINT: stop taking work and leave within the 30 s an orchestrator (systemd, Docker,
// Kubernetes) waits before it kills. The HTTP server stops accepting and its idle connections
// close; running jobs get a grace period, then are aborted and handed back to the queue, so the
// next process picks them up. A last timer exits anyway if something still hangs.

export interface Stoppable {
  server?: { close(cb?: (err?: Error) => void): unknown; closeIdleConnections?(): void; closeAllConnections?(): void };
  jobs?: { stop(options?: { graceMs?: number }): Promise<void> };
  database?: { close(): Promise<void> };
}

export interface ShutdownOptions {
  logger: Pick<Logger, 'info' | 'error'>;
  /** How long running jobs and requests may finish before they are cut (default 20 s). */
  graceMs?: number;
  /** Exit no later than this after the signal, whatever hangs (default 28 s, under the usual 30 s). */
  hardLimitMs?: number;
  exit?: (code: number) => void;
}

export async function shutdown(parts: Stoppable, options: ShutdownOptions): Promise<void> {
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const grace = options.graceMs ?? 20_000;
  const hard = setTimeout(() => {
    options.logger.error({ afterMs: options.hardLimitMs ?? 28_000 }, 'shutdown took too long; exiting anyway');
    exit(1);
  }, options.hardLimitMs ?? 28_000);
  hard.unref();

  const server = parts.server;
  const serverClosed = server
    ? new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections?.();
      })
    : Promise.resolve();
  // Requests in flight get the same grace as jobs, then their connections are cut.
  const cut = setTimeout(() => server?.closeAllConnections?.(), grace);
  cut.unref();

  await Promise.all([parts.jobs?.stop({ graceMs: grace }).catch((e) => options.logger.error({ err: e }, 'job queue did not stop cleanly')), serverClosed]);
  clearTimeout(cut);
  await parts.database?.close().catch(() => {});
  clearTimeout(hard);
  options.logger.info({}, 'stopped');
  exit(0);
}
