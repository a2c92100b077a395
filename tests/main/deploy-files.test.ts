import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, servingProblems } from '../../src/config/index.js';
import { runCli } from '../../src/main/cli.js';
import { BODY_LIMITS } from '../../src/web/middleware/body-limit.js';

// docs/deploy.md and the files it installs (deploy/, issue 13 point 7) stay true to the code: a
// body limit raised above nginx's, a renamed setting, a command that no longer exists or a role
// the units no longer name makes this fail before a city copies a wrong file.
const read = (f: string) => readFileSync(path.resolve(f), 'utf8');
const guide = read('docs/deploy.md');
const nginx = read('deploy/nginx/beranda.conf');
const unit = (name: string) => read(`deploy/systemd/${name}`);
const directive = (text: string, key: string) => [...text.matchAll(new RegExp(`^${key}=(.*)$`, 'gm'))].map((m) => m[1]!);

/** The example settings with the secrets filled in, as the guide tells the admin to do. */
function exampleEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const line of read('deploy/beranda.env.example').split('\n')) {
    const m = /^([A-Z_]+)=(.*)$/.exec(line);
    if (m) env[m[1]!] = m[2]!;
  }
  return { ...env, BERANDA_SECRET: 'a'.repeat(64), TOKEN_ENCRYPTION_KEY: 'b'.repeat(64) };
}

describe('the deploy guide and its files', () => {
  it('names only files that exist in deploy/', () => {
    const named = [...guide.matchAll(/deploy\/[\w./-]+/g)].map((m) => m[0].replace(/[.)]+$/, ''));
    expect(named.length).toBeGreaterThan(5);
    for (const f of new Set(named)) expect(() => readFileSync(path.resolve(f)), f).not.toThrow();
  });

  it('uses only commands the CLI knows', async () => {
    const help: string[] = [];
    await runCli([], (l) => help.push(l));
    const known = help.join('\n');
    const used = new Set([...guide.matchAll(/npm run (?:--silent )?beranda -- ([a-z]+(?: [a-z-]+)?)/g)].map((m) => m[1]!));
    expect([...used]).toEqual(expect.arrayContaining(['doctor', 'backup', 'restore', 'users create-admin']));
    for (const command of used) expect(known, command).toContain(`  ${command}`);
    for (const f of ['beranda-backup.service']) {
      for (const m of unit(f).matchAll(/beranda -- ([a-z]+)/g)) expect(known).toContain(`  ${m[1]}`);
    }
  });

  it('runs one role per unit, with npm start, stopping after Beranda’s own shutdown limit', () => {
    const roles = (f: string) => directive(unit(f), 'Environment').join(' ').match(/BERANDA_ROLES=(\w+)/)?.[1];
    expect(roles('beranda-web.service')).toBe('web');
    expect(roles('beranda-worker.service')).toBe('worker');
    const scripts = JSON.parse(read('package.json')).scripts as Record<string, string>;
    for (const f of ['beranda-web.service', 'beranda-worker.service']) {
      expect(directive(unit(f), 'ExecStart')).toEqual(['/usr/bin/npm start']);
      expect(scripts.start).toMatch(/main\/start/);
      // Exit code 2 is a configuration mistake (npm start's one line); restarting cannot help.
      expect(directive(unit(f), 'RestartPreventExitStatus')).toEqual(['2']);
      // src/main/shutdown.ts gives up after 28 s; systemd must not kill it before.
      expect(Number(directive(unit(f), 'TimeoutStopSec')[0])).toBeGreaterThan(28);
      expect(directive(unit(f), 'EnvironmentFile')).toEqual(['/etc/beranda/beranda.env']);
    }
    expect(directive(unit('beranda-backup.timer'), 'OnCalendar')[0]).toMatch(/ Asia\/Jakarta$/);
    // The units cannot write to the checkout: a build step must run at install and upgrade.
    if (scripts.build) expect(guide.match(/npm ci --omit=dev && npm run build/g)).toHaveLength(2);
  });

  it('ships settings that Beranda accepts for a real deployment behind nginx', () => {
    const env = exampleEnv();
    const config = loadConfig(env, '/opt/beranda');
    expect(servingProblems(config)).toEqual([]);
    expect(config.demo).toBe(false);
    expect(config.publicUrl).toMatch(/^https:\/\//);
    expect(config.trustedProxies).toEqual(['loopback']);
    // Every name in the example is a setting Beranda reads (a typo would be silently ignored).
    const source = read('src/config/index.ts');
    const commented = [...read('deploy/beranda.env.example').matchAll(/^# ([A-Z_]+)=/gm)].map((m) => m[1]!);
    for (const name of [...Object.keys(env), ...commented]) expect(source, name).toContain(`'${name}'`);
    // nginx forwards to where Beranda listens.
    expect(nginx).toContain(`server ${config.host}:${config.port};`);
    expect(config.host).toBe('127.0.0.1');
  });

  it('lets the largest body Beranda accepts through nginx, and sets exactly the headers Beranda reads', () => {
    const m = /client_max_body_size (\d+)m;/.exec(nginx);
    expect(m).not.toBeNull();
    const largest = Math.max(...BODY_LIMITS.map((l) => l.bytes));
    expect(Number(m![1]) * 1024 * 1024).toBeGreaterThan(largest);
    const headers = [...nginx.matchAll(/^\s*proxy_set_header (\S+) (.+);$/gm)].map((h) => `${h[1]} ${h[2]}`);
    // Host: unit sites by host name; X-Forwarded-For replaced by the client's address (TRUSTED_PROXIES=loopback).
    expect(headers).toEqual(['Connection ""', 'Host $host', 'X-Forwarded-For $remote_addr']);
    expect(read('src/web/client-ip.ts')).toContain("header('x-forwarded-for')");
  });
});
