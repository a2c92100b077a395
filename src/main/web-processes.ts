import cluster, { type Worker } from 'node:cluster';
import type { Logger } from 'pino';

// WEB_PROCESSES > 1 (decision 0014): the parent process (migrations, demo, the one job worker)
// forks that many web processes, which share the port through Node's cluster module (the
// parent hands each new connection to the next web process in turn). A web process that dies
// is replaced; on stop the parent asks each to finish its requests and waits for them.

const REPLACE_AFTER_MS = 1000;
const STOP_WAIT_MS = 10_000;

export interface WebProcesses {
  port: number;
  stop(): Promise<void>;
}

/** Forks `count` web processes and resolves once every one listens. */
export function forkWebProcesses(count: number, logger: Logger): Promise<WebProcesses> {
  let stopping = false;
  const fork = (): Worker => cluster.fork({ BERANDA_ROLES: 'web' });
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    logger.error({ pid: worker.process.pid, code, signal }, 'web process ended; starting another');
    setTimeout(() => {
      if (!stopping) fork();
    }, REPLACE_AFTER_MS).unref();
  });

  const stop = async (): Promise<void> => {
    stopping = true;
    const alive = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined && !w.isDead());
    await Promise.all(
      alive.map(
        (w) =>
          new Promise<void>((resolve) => {
            const force = setTimeout(() => w.process.kill('SIGKILL'), STOP_WAIT_MS);
            w.once('exit', () => {
              clearTimeout(force);
              resolve();
            });
            w.process.kill('SIGTERM');
          }),
      ),
    );
  };

  return new Promise((resolve, reject) => {
    let listening = 0;
    const failedEarly = (worker: Worker, code: number) => {
      if (listening < count) reject(new Error(`web process ${worker.process.pid} ended before it listened (exit ${code})`));
    };
    cluster.on('exit', failedEarly);
    cluster.on('listening', function first(_worker, address) {
      if (++listening < count) return;
      cluster.off('listening', first);
      cluster.off('exit', failedEarly);
      resolve({ port: address.port, stop });
    });
    for (let i = 0; i < count; i++) fork();
  });
}
