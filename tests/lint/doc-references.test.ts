import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Comments point to docs/ for the facts the code relies on (docs/reference/, decisions); a
// pointer to a file that is not in the repository leaves the next person with nothing (issue 19
// point 7: 23 comments cited reference files that were never committed).
const root = path.resolve(import.meta.dirname, '../..');

function files(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) files(p, out);
    else if (/\.(ts|tsx|js|mjs)$/.test(name)) out.push(p);
  }
  return out;
}

describe('docs/ paths cited in the code', () => {
  it('all exist', () => {
    const cited = new Map<string, string>();
    for (const f of [...files(path.join(root, 'src')), ...files(path.join(root, 'tests'))]) {
      for (const m of readFileSync(f, 'utf8').matchAll(/\bdocs\/[\w./-]+\.md\b/g)) cited.set(m[0], path.relative(root, f));
    }
    expect(cited.size).toBeGreaterThan(5);
    expect([...cited].filter(([doc]) => !existsSync(path.join(root, doc))).map(([doc, from]) => `${doc} (${from})`)).toEqual([]);
  });
});
