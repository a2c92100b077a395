import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogues } from '../../src/i18n/index.js';

// Every catalogue key is used, and every key the code asks for exists (decision 0016; issue 19
// point 3). "Used" means the key appears as a string in src/ (outside the catalogues), or starts
// with the fixed part of a key the code builds (`t(\`mon.flash.${k}\`)` uses every mon.flash.*).
// A missing language is catalogues.test.ts's check.
const root = path.resolve(import.meta.dirname, '../..');

/** Keys built from a variable prefix, which the scan cannot see; each with the file that builds it. */
const BUILT_FAMILIES = [
  'kanal.flash.', 'kiriman.flash.', // web/admin/channels/paths.ts: t(`${area}.flash.${code}`)
];


function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) {
      if (p !== path.join(root, 'src/i18n/messages')) sources(p, out);
    } else if (/\.(ts|tsx|js)$/.test(name)) out.push(readFileSync(p, 'utf8'));
  }
  return out;
}

const code = sources(path.join(root, 'src')).join('\n');
const keys = new Set(Object.values(catalogues).flatMap((c) => Object.keys(c.id)));
const literals = new Set([...code.matchAll(/['"`]([a-z][\w-]*(?:\.[\w-]+)+)['"`]/g)].map((m) => m[1]!));
const builtPrefixes = [...new Set([...code.matchAll(/`([a-z][\w-]*(?:\.[\w-]*)*\.?)\$\{/g)].map((m) => m[1]!))]
  .filter((p) => p.includes('.'))
  .concat(BUILT_FAMILIES);
const used = (key: string) => literals.has(key) || builtPrefixes.some((p) => key.startsWith(p));

describe('catalogue keys', () => {
  it('has no unused key', () => {
    const unused = [...keys].filter((k) => !used(k));
    expect(unused, 'unused keys: delete them (id and en) or use them').toEqual([]);
  });

  it('has every key the code asks for by name', () => {
    const asked = [...code.matchAll(/\b(?:t|hasKey)\(\s*'([^'$]+)'/g)].map((m) => m[1]!);
    expect(asked.length).toBeGreaterThan(500);
    expect([...new Set(asked)].filter((k) => !keys.has(k))).toEqual([]);
  });

  it('catches an unused key and a missing one (the scan is not blind)', () => {
    expect(used('mon.flash.anything')).toBe(true); // built: t(`mon.flash.${okKey}`)
    expect(used('error.404.title')).toBe(true);
    expect(used('no.such.family.key')).toBe(false);
    expect(keys.has('error.404.title')).toBe(true);
  });
});
