import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// Where the running code and the files it reads at run time are. The server runs either from
// the TypeScript sources (tsx, vitest: src/…) or from the compiled bundle (`npm start`: dist/,
// made by scripts/build.mjs), where a module's import.meta.url is its chunk's, not its source
// file's. Files that are not code (CSS, scripts, guide pictures) are always read from src/; code
// that is looked up as files (the migrations) is read from whichever tree is running.

const here = fileURLToPath(import.meta.url);

function findUp(from: string, marker: string): string | null {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, marker))) return dir;
    if (path.dirname(dir) === dir) return null;
  }
}

/** True when running compiled JavaScript (the bundle), not the TypeScript sources. */
export const COMPILED = here.endsWith('.js');

/** The checkout's root: the folder of package.json. */
export const PROJECT_ROOT = findUp(path.dirname(here), 'package.json') ?? process.cwd();

/** The tree of running code: the bundle's folder (marked by the build's stamp `.built`) or src/. */
export const CODE_DIR = (COMPILED && findUp(path.dirname(here), '.built')) || path.join(PROJECT_ROOT, 'src');

/** A file that is not code, under src/ (e.g. `web/assets/site.css`). */
export const sourceFile = (relative: string): string => path.join(PROJECT_ROOT, 'src', relative);
