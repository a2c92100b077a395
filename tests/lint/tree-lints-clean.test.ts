import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The whole tree passes `npm run lint` (eslint.config.js, decision 0016). It runs here, inside
// `npm test`, so that everyone's check before landing — and both CI runs — include the linter:
// a layering violation, a new import cycle, a dead import or an explicit `any` fails the suite,
// not only a step that may be skipped. Warnings would not fail it; the tree has none.
// The cache (node_modules/.cache) keeps a developer's second run fast; CI starts without one.
const root = path.resolve(import.meta.dirname, '../..');

describe('the tree lints clean', () => {
  it('has no ESLint error in src, tests or bench', async () => {
    const eslint = new ESLint({ cwd: root, cache: true, cacheLocation: path.join(root, 'node_modules/.cache/eslint-beranda/') });
    const results = await eslint.lintFiles(['.']);
    const errors = results.flatMap((r) =>
      r.messages.filter((m) => m.severity === 2).map((m) => `${path.relative(root, r.filePath)}:${m.line} ${m.ruleId ?? ''} ${m.message}`),
    );
    expect(errors).toEqual([]);
  }, 600_000);
});
