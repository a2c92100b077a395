#!/usr/bin/env node
// Compiles the server (src/) to plain JavaScript in dist/ for `npm start` (decision 0014).
// `--if-stale` builds only when a source is newer than the last build, so a start with nothing
// changed costs one walk of the source tree (~10 ms) and no compiler.
//
// One ESM bundle per entry point with shared chunks: our code is compiled in, packages stay in
// node_modules (imported at run time as before), and every dynamic import() stays lazy — a
// chunk is loaded only when the code that needs it runs. The migrations are entry points of
// their own so src/db/migrate.ts finds them as files in dist/db/migrations, as it does in src/.
// Files read at run time (CSS, scripts, guides) are read from src/; the stamp `.built` marks the
// bundle's folder (src/shared/code-location.ts).
// Plain JavaScript on purpose: it runs before anything is compiled.
import { existsSync, readFileSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const src = path.join(root, 'src');
// `--outdir <folder>` builds elsewhere (the build's test); it must lie inside the checkout so the
// compiled code finds node_modules.
const outArg = process.argv.indexOf('--outdir');
const out = outArg > 0 ? path.resolve(process.argv[outArg + 1]) : path.join(root, 'dist');
const stamp = path.join(out, '.built');
/** Entry points besides the migrations (src/main/start.ts forks its own web processes). */
const ENTRIES = ['main/start.ts'];

/** The newest modification time of every input (sources, package and compiler settings). */
function newestInput() {
  let newest = 0;
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else newest = Math.max(newest, statSync(full).mtimeMs);
    }
  };
  walk(src);
  for (const f of ['package.json', 'package-lock.json', 'tsconfig.json', 'scripts/build.mjs']) {
    if (existsSync(path.join(root, f))) newest = Math.max(newest, statSync(path.join(root, f)).mtimeMs);
  }
  return newest;
}

/** Packages compiled into the bundle; every other dependency stays external. */
const BUNDLED = new Set(['kysely', 'zod', 'hono', '@hono/node-server']);
function externals() {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const names = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies }).filter((n) => !BUNDLED.has(n));
  return names.flatMap((n) => [n, `${n}/*`]);
}

const ifStale = process.argv.includes('--if-stale');
const quiet = process.argv.includes('--quiet');
if (ifStale && existsSync(stamp) && statSync(stamp).mtimeMs >= newestInput()) process.exit(0);

const started = performance.now();
// The stamp carries the time the build began: a source saved during the build is newer than it.
const begun = new Date();
const { build } = await import('esbuild');
const migrations = readdirSync(path.join(src, 'db', 'migrations'))
  .filter((f) => /^\d{4}_[\w-]+\.ts$/.test(f) && !f.endsWith('.d.ts'))
  .map((f) => path.join(src, 'db', 'migrations', f));
const result = await build({
  absWorkingDir: root,
  entryPoints: [...ENTRIES.map((e) => path.join(src, e)), ...migrations],
  outdir: out,
  outbase: src,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Most packages are not bundled: they load from node_modules as they do under tsx (native
  // addons, files they read beside themselves), and only when the code that imports them runs.
  // A few pure-ESM packages every request uses are compiled in: a package loaded as hundreds of
  // small modules costs memory and start-up time per module (kysely alone ~20 MB as files).
  external: externals(),
  tsconfig: path.join(root, 'tsconfig.json'),
  sourcemap: 'linked',
  // Whitespace and comments out, names kept (stack traces stay readable; the source map maps
  // back): V8 holds every loaded script's source for lazy compilation, as two bytes a character
  // if a single character is not Latin-1 — a comment with an em dash doubled 3 MB of source to
  // 6 MB at rest. Less source is also less to scan at start-up.
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'none',
  charset: 'ascii',
  metafile: true,
  logLevel: 'warning',
  chunkNames: 'chunks/[name]-[hash]',
});

// esbuild leaves characters beyond Latin-1 in regular expressions and template literals (’ – •);
// one such character makes V8 hold the whole file's source as two bytes a character. Written as
// \uXXXX escapes they mean the same in strings, regular expressions and identifiers (a tagged
// template's cooked text is unchanged; only its .raw would differ, and our tags read the cooked).
for (const file of Object.keys(result.metafile.outputs)) {
  if (!file.endsWith('.js')) continue;
  const full = path.resolve(root, file);
  const code = readFileSync(full, 'utf8');
  // eslint-disable-next-line no-control-regex
  if (/[^\u0000-\u00ff]/.test(code)) writeFileSync(full, code.replace(/[^\u0000-\u00ff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}

// Files of earlier builds that this one did not write (old chunk hashes) are removed, so dist/
// holds one build. A server still running from the old build must be restarted.
const written = new Set(Object.keys(result.metafile.outputs).map((f) => path.resolve(root, f)));
const prune = (dir) => {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) prune(full);
    else if (!written.has(full) && full !== stamp) rmSync(full);
  }
};
prune(out);
writeFileSync(stamp, `${begun.toISOString()}\n`);
utimesSync(stamp, begun, begun);
if (!quiet) console.error(`beranda: dist/ dibangun dalam ${Math.round(performance.now() - started)} ms`);
