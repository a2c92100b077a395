import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

// `npm start` as a process of its own (compiled or through tsx): started in the checkout, ready
// once it printed its address and the set-up code (the last line of a start without an admin).

export const ROOT = path.resolve(import.meta.dirname, '../..');

export interface SpawnedServer {
  child: ChildProcess;
  port: number;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  stop(): Promise<void>;
}

/**
 * `setupCode: false` for a process that prints no set-up code (a worker-only process, or one
 * started after the first admin exists): ready once it printed its address.
 */
export async function spawnServer(args: string[], env: Record<string, string>, o: { setupCode?: boolean } = {}): Promise<SpawnedServer> {
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stderr!.on('data', (d) => (out += d));
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /berjalan di http:\/\/localhost:(\d+)/.exec(out);
      if (m && (o.setupCode === false || out.includes('Kode pemasangan'))) resolve(Number(m[1]));
    });
    child.once('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
  });
  return {
    child,
    port,
    output: () => out,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
