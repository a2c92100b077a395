import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresAdmin } from '../support/postgres-admin.js';
import { type SpawnedServer, spawnServer } from '../support/spawned-server.js';
import { testEngine } from '../support/test-db.js';

// `npm start` runs the compiled bundle (scripts/build.mjs → dist/, decision 0014): this builds
// into a folder of its own inside the checkout, starts the server from it with plain `node` the
// way the start script does, as a city without demo, and checks what the compiled code looks up
// as files: the migrations (compiled), the assets and the inlined site CSS (read from src/), the
// region data (from the idn-area-data package).

const root = path.resolve(import.meta.dirname, '../..');
const run = promisify(execFile);

describe(`the compiled server (${testEngine()})`, () => {
  const out = path.join(root, '.tmp', `build-test-${process.pid}`);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'beranda-compiled-'));
  let pgName: string | null = null;
  let server: SpawnedServer;
  let base = '';
  let stdout = '';

  beforeAll(async () => {
    await run(process.execPath, ['scripts/build.mjs', '--outdir', out, '--quiet'], { cwd: root });
    // The server migrates its own, empty database (SQLite: a new file in DATA_DIR).
    const env: Record<string, string> = { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, BERANDA_DEMO: '0', BERANDA_SECRET: 'c'.repeat(40), LOG_LEVEL: 'warn' };
    delete env.DATABASE_URL;
    if (testEngine() === 'postgres') {
      pgName = `beranda_c_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
      env.DATABASE_URL = await postgresAdmin(`create database ${pgName}`, pgName);
    }
    server = await spawnServer([path.join(out, 'main', 'start.js')], env);
    stdout = server.output();
    base = `http://127.0.0.1:${server.port}`;
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
    if (pgName) await postgresAdmin(`drop database if exists ${pgName} with (force)`, pgName);
    rmSync(out, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('is plain JavaScript: an entry, shared chunks and every migration compiled', () => {
    expect(existsSync(path.join(out, 'main', 'start.js'))).toBe(true);
    const sources = readdirSync(path.join(root, 'src', 'db', 'migrations')).filter((f) => /^\d{4}_.*\.ts$/.test(f));
    const compiled = readdirSync(path.join(out, 'db', 'migrations')).filter((f) => f.endsWith('.js'));
    expect(compiled.sort()).toEqual(sources.map((f) => f.replace(/\.ts$/, '.js')).sort());
  });

  it('writes every script in Latin-1 (V8 then keeps its source at one byte a character)', () => {
    const scripts = [path.join(out, 'main', 'start.js'), ...readdirSync(path.join(out, 'chunks')).filter((f) => f.endsWith('.js')).map((f) => path.join(out, 'chunks', f))];
    for (const file of scripts) {
      const code = readFileSync(file, 'utf8');
      expect(code.match(/[^\u0000-\u00ff]/g) ?? [], file).toEqual([]);
    }
    // The site's texts and patterns still mean what they said: the escapes are the same characters.
    const all = scripts.map((f) => readFileSync(f, 'utf8')).join('\n');
    expect(all).toContain('\\u2019');
  });

  it('starts without demo, migrated, with the region imported, and says how to make the first admin', async () => {
    expect(stdout).toMatch(/Belum ada admin kota/);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const portal = await fetch(`${base}/`);
    expect(portal.status).toBe(200);
    expect(await portal.text()).toContain('Bacang');
  });

  it('serves a kelurahan page with the site CSS inlined and the staff assets from src/web/assets', async () => {
    const page = await (await fetch(`${base}/bacang`)).text();
    const css = readFileSync(path.join(root, 'src', 'web', 'assets', 'site.css'), 'utf8');
    // The first rule of the theme, minified as css.ts inlines it.
    const firstSelector = /^\s*([^{/\s][^{]*)\{/m.exec(css.replace(/\/\*[\s\S]*?\*\//g, ''))![1]!.trim();
    expect(page).toContain(`<style>`);
    expect(page).toContain(firstSelector.replace(/\s*([{};:,>])\s*/g, '$1'));
    const asset = await fetch(`${base}/assets/staff.css`, { headers: { 'accept-encoding': 'br' } });
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-encoding')).toBe('br');
    expect(await asset.text()).toBe(readFileSync(path.join(root, 'src', 'web', 'assets', 'staff.css'), 'utf8'));
  });

  it('builds again only when a source is newer than the last build', async () => {
    const stamp = path.join(out, '.built');
    const before = statSync(stamp).mtimeMs;
    await run(process.execPath, ['scripts/build.mjs', '--outdir', out, '--if-stale', '--quiet'], { cwd: root });
    expect(statSync(stamp).mtimeMs).toBe(before);
  });
});
