import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Issue 20: zod is imported as a namespace (`import * as z from 'zod'`). The named export
// `import { z } from 'zod'` is zod's whole namespace as one value, so esbuild (scripts/build.mjs)
// had to keep all of zod in the bundle — 40 locales' error texts included, ~440 KB of source that
// every process holds in memory. As a namespace used by property, the unused parts drop out.
const root = path.resolve(import.meta.dirname, '../..');

function sources(dir: string, out: [string, string][] = []): [string, string][] {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) sources(p, out);
    else if (/\.tsx?$/.test(name)) out.push([path.relative(root, p), readFileSync(p, 'utf8')]);
  }
  return out;
}

const VALUE_IMPORT = /^import\s+(?!type\b)[^;]*\{[^}]*\bz\b[^}]*\}\s*from\s*'zod'/m;

describe('zod imports', () => {
  it('imports zod as a namespace everywhere in src/', () => {
    const files = sources(path.join(root, 'src'));
    expect(files.filter(([, code]) => code.includes("from 'zod'")).length).toBeGreaterThan(10);
    expect(files.filter(([, code]) => VALUE_IMPORT.test(code)).map(([f]) => f)).toEqual([]);
  });

  it('tells the two forms apart (the scan is not blind)', () => {
    expect(VALUE_IMPORT.test("import { z } from 'zod';")).toBe(true);
    expect(VALUE_IMPORT.test("import { type ZodType, z } from 'zod';")).toBe(true);
    expect(VALUE_IMPORT.test("import * as z from 'zod';")).toBe(false);
    expect(VALUE_IMPORT.test("import type { z } from 'zod';")).toBe(false);
  });
});
