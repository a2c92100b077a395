import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// docs/deploy.md runs the worker as its own systemd unit (BERANDA_ROLES=worker). Such a process
// has no HTTP server holding it open and the queue's poll timer is unref'd: it used to exit at
// once, with status 0, on SQLite — hidden while `npm start` ran under tsx, whose IPC channel kept
// every child alive. Started here with node and the tsx loader only (no IPC), as the compiled
// `npm start` runs: it must stay up, then answer SIGTERM by exiting 0.
describe('a worker-only process', () => {
  it('stays up without a web server, and stops cleanly on SIGTERM', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'beranda-worker-'));
    const root = path.resolve(import.meta.dirname, '../..');
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main/start.ts'], {
      cwd: root,
      env: {
        ...process.env, BERANDA_ROLES: 'worker', BERANDA_DEMO: '0', DATA_DIR: dir, DATABASE_URL: `sqlite:${dir}/beranda.db`,
        LOG_LEVEL: 'silent', BERANDA_SECRET: 's'.repeat(40), PORT: '0', HOST: '127.0.0.1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let out = '';
      child.stdout.on('data', (b) => (out += String(b)));
      child.stderr.on('data', (b) => (out += String(b)));
      const exited = new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
      const t0 = Date.now();
      while (!out.includes('Beranda berjalan') && Date.now() - t0 < 60_000 && child.exitCode === null) await new Promise((r) => setTimeout(r, 50));
      expect(out).toContain('Beranda berjalan');
      await new Promise((r) => setTimeout(r, 3_000));
      expect(child.exitCode, out).toBeNull();
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);
});
