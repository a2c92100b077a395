import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The architecture rules of docs/architecture.md are checked by ESLint (eslint.config.js,
// decision 0016). This feeds the real configuration one violation of each rule, as a file that
// would sit in src/ (the imports resolve to the real files), and expects the named rule to fail
// it — so a rule that is mistyped, or a plugin that stops resolving TypeScript imports, shows here
// instead of letting the layering silently decay. `npm run lint` (a CI step) checks the tree.
const root = path.resolve(import.meta.dirname, '../..');
// no-cycle would walk the whole import graph behind each probe (slow); it has its own case below.
const eslint = new ESLint({ cwd: root, overrideConfig: { rules: { 'import-x/no-cycle': 'off' } } });

async function rulesBroken(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
  return result!.messages.filter((m) => m.severity === 2).map((m) => m.ruleId ?? m.message);
}

describe('architecture rules (eslint.config.js)', () => {
  it('accepts what the tree does: a module using another module through its index, the kernel, its own files', async () => {
    expect(await rulesBroken('src/modules/compliance/lint-probe.ts', [
      "import { canonicalItemUrl } from '../monitoring/index.js';",
      "import { ok } from '../../shared/result.js';",
      "import { evaluateUnit } from './evaluate.js';",
      'export const probe = [canonicalItemUrl, ok, evaluateUnit];',
    ].join('\n'))).toEqual([]);
  });

  it('fails a deep import into another module', async () => {
    expect(await rulesBroken('src/modules/compliance/lint-probe.ts',
      "import { canonicalItemUrl } from '../monitoring/url-tools.js';\nexport const probe = canonicalItemUrl;\n"))
      .toContain('boundaries/dependencies');
    expect(await rulesBroken('src/web/lint-probe.ts',
      "import { sanitizeHtml } from '../modules/content/sanitize-html.js';\nexport const probe = sanitizeHtml;\n"))
      .toContain('boundaries/dependencies');
  });

  it('fails a dependency against the direction main → web → modules → shared', async () => {
    expect(await rulesBroken('src/modules/content/lint-probe.ts',
      "import { createApp } from '../../web/app.js';\nexport const probe = createApp;\n"))
      .toContain('boundaries/dependencies');
    expect(await rulesBroken('src/shared/lint-probe.ts',
      "import { PLATFORMS } from '../modules/channels/index.js';\nexport const probe = PLATFORMS;\n"))
      .toContain('boundaries/dependencies');
    // main reaches into web only from web.ts, to mount the app.
    expect(await rulesBroken('src/main/lint-probe.ts',
      "import { createApp } from '../web/app.js';\nexport const probe = createApp;\n"))
      .toContain('boundaries/dependencies');
    expect(await rulesBroken('src/modules/content/lint-probe.ts',
      "import { loadConfig } from '../../config/index.js';\nexport const probe = loadConfig;\n"))
      .toContain('boundaries/dependencies');
  });

  it('fails an import of src/fakes outside the demo seeders', async () => {
    expect(await rulesBroken('src/web/lint-probe.ts',
      "import * as fakes from '../fakes/social/index.js';\nexport const probe = fakes;\n"))
      .toContain('boundaries/dependencies');
    expect(await rulesBroken('src/main/demo/lint-probe.ts',
      "import * as fakes from '../../fakes/social/index.js';\nexport const probe = fakes;\n"))
      .toEqual([]);
  });

  it('fails Hono inside a module and process.env outside src/config', async () => {
    expect(await rulesBroken('src/modules/content/lint-probe.ts', "import { Hono } from 'hono';\nexport const probe = Hono;\n"))
      .toContain('no-restricted-imports');
    expect(await rulesBroken('src/web/lint-probe.ts', 'export const probe = process.env.SITE_DOMAIN;\n'))
      .toContain('no-restricted-properties');
    expect(await rulesBroken('src/config/lint-probe.ts', 'export const probe = process.env.SITE_DOMAIN;\n')).toEqual([]);
  });

  it('fails a new copy of WIB outside src/shared/wib-time.ts: its zone name, its offset, a "+07:00" parser', async () => {
    for (const code of [
      "export const probe = 'Asia/Jakarta';\n",
      'export const probe = 7 * 3600_000;\n',
      "export const probe = (day: string) => new Date(`${day}T12:00:00+07:00`);\n",
      "export const probe = (v: string) => new Date(v + '+07:00');\n",
    ]) expect(await rulesBroken('src/modules/content/lint-probe.ts', code), code).toContain('no-restricted-syntax');
    expect(await rulesBroken('src/modules/content/lint-probe.ts', "export const probe = 'T12:00:00Z';\n")).toEqual([]);
  });

  it('fails an explicit `any` in src; migrations keep Kysely<any> (they must not depend on the schema of today)', async () => {
    for (const code of [
      'export const probe = (body: any) => body.id;\n',
      'export const probe = (v: unknown) => (v as any).id;\n',
      "import type { Kysely } from 'kysely';\nexport const probe = (db: Kysely<any>) => db;\n",
    ]) expect(await rulesBroken('src/modules/content/lint-probe.ts', code), code).toContain('@typescript-eslint/no-explicit-any');
    expect(await rulesBroken('src/modules/content/lint-probe.ts', 'export const probe = (body: unknown) => body;\n')).toEqual([]);
    expect(await rulesBroken('src/db/migrations/9999_lint_probe.ts',
      "import type { Kysely } from 'kysely';\nexport async function up(db: Kysely<any>): Promise<void> {\n  void db;\n}\n")).toEqual([]);
  });

  it("lints the staff pages' browser scripts with the browser's globals: an undefined name or an unused variable fails", async () => {
    expect(await rulesBroken('src/web/assets/lint-probe.js',
      "(function () { 'use strict'; var box = document.querySelector('form'); window.fetch('/x'); localStorage.getItem('k'); box.focus(); })();\n")).toEqual([]);
    expect(await rulesBroken('src/web/assets/lint-probe.js', "(function () { 'use strict'; sendBeaconTypo('/x'); })();\n")).toContain('no-undef');
    expect(await rulesBroken('src/web/assets/lint-probe.js', "(function () { 'use strict'; var left = 1; })();\n")).toContain('@typescript-eslint/no-unused-vars');
    // Node's globals are not the browser's.
    expect(await rulesBroken('src/web/assets/lint-probe.js', "(function () { 'use strict'; window.x = process.env; })();\n")).toContain('no-undef');
  });

  describe('cycles', () => {
    // A cycle needs two files on disk; they live in a throwaway copy of the layout, linted with
    // the project's configuration.
    let dir = '';
    beforeAll(async () => {
      dir = await mkdtemp(path.join(os.tmpdir(), 'beranda-lint-'));
      await mkdir(path.join(dir, 'src/shared'), { recursive: true });
      await writeFile(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext' }, include: ['src'] }));
      await writeFile(path.join(dir, 'src/shared/a.ts'), "import { b } from './b.js';\nexport const a = () => b;\n");
      await writeFile(path.join(dir, 'src/shared/b.ts'), "import { a } from './a.js';\nexport const b = () => a;\n");
    });
    afterAll(async () => {
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    it('fails an import cycle', async () => {
      const cyclic = new ESLint({ cwd: dir, overrideConfigFile: path.join(root, 'eslint.config.js') });
      const [result] = await cyclic.lintFiles([path.join(dir, 'src/shared/a.ts')]);
      expect(result!.messages.map((m) => m.ruleId)).toContain('import-x/no-cycle');
    });
  });
});
