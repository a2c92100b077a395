// ESLint for Beranda (decision 0016). Two jobs: typescript-eslint's recommended checks on the
// code, and the architecture rules of docs/architecture.md ("Rules the tree keeps") that used to
// hold by discipline only:
//   main → web → modules/*/index.ts → shared (plus db, i18n, jobs, config where named below);
//   modules never import Hono and never read process.env; process.env only in src/config;
//   src/fakes only from src/main/demo (and tests); no deep import into another module; no cycles.
// `npm run lint` runs it; CI counts it like the type check; tests/lint/boundaries.test.ts feeds it
// one violation of each rule and expects an error.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import boundaries from 'eslint-plugin-boundaries';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

/** Layers of src/, outermost first. A file belongs to the first pattern that holds it. */
const ELEMENTS = [
  { type: 'main', pattern: 'src/main', partialMatch: false },
  { type: 'web', pattern: 'src/web', partialMatch: false },
  { type: 'module', pattern: 'src/modules/*', partialMatch: false, capture: ['module'] },
  { type: 'jobs', pattern: 'src/jobs', partialMatch: false },
  { type: 'db', pattern: 'src/db', partialMatch: false },
  { type: 'config', pattern: 'src/config', partialMatch: false },
  { type: 'i18n', pattern: 'src/i18n', partialMatch: false },
  { type: 'shared', pattern: 'src/shared', partialMatch: false },
  { type: 'fakes', pattern: 'src/fakes', partialMatch: false },
];

const to = (...types) => ({ to: { element: { types: { anyOf: types } } } });
/** A module's public surface: its index.ts, and nothing deeper. */
const MODULE_INDEX = { to: { element: { type: 'module', fileInternalPath: 'index.ts' } } };

/**
 * Known exceptions, each named with its reason. Add here only with a reason the next person can
 * check; the aim is to empty this list.
 */
const EXCEPTIONS = [
  // The fleet fake's judge replays the real verdict logic on its fixtures (compliance's
  // evaluate/site-reasons, monitoring's observation types and checks) to state the expected
  // verdict of each fixture site; a test double, not production. Owner: monitor.
  {
    from: { file: { path: 'src/fakes/fleet/judge.ts' } },
    allow: { to: { element: { types: { anyOf: ['module'] } } } },
  },
  // The monitoring fleet fake (local test sites) runs the real polite fetcher's address guard
  // against itself; monitoring does not export the fetcher from its index because no other
  // module may fetch. Owner: monitor.
  {
    from: { file: { path: 'src/fakes/fleet/server.ts' } },
    allow: { to: { file: { path: 'src/modules/monitoring/fetcher.ts' } } },
  },
];

const POLICIES = [
  // main composes everything; it reaches src/web only to mount the app (web.ts) and src/fakes
  // only for the offline demo's seeders.
  { from: { element: { type: 'main' } }, allow: to('main', 'jobs', 'db', 'config', 'i18n', 'shared') },
  { from: { element: { type: 'main' } }, allow: MODULE_INDEX },
  { from: { file: { path: 'src/main/web.ts' } }, allow: to('web') },
  { from: { file: { path: 'src/main/demo/**' } }, allow: to('fakes') },
  // web: the HTTP edge calls modules through their index only.
  { from: { element: { type: 'web' } }, allow: to('web', 'jobs', 'db', 'config', 'i18n', 'shared') },
  { from: { element: { type: 'web' } }, allow: MODULE_INDEX },
  // a module: its own files, other modules' index, and the kernel below it. Never web, main,
  // jobs (the queue port), config or the fakes.
  { from: { element: { type: 'module' } }, allow: to('db', 'i18n', 'shared') },
  { from: { element: { type: 'module' } }, allow: MODULE_INDEX },
  {
    from: { element: { type: 'module' } },
    allow: { to: { element: { type: 'module', captured: { module: '{{ from.element.captured.module }}' } } } },
  },
  { from: { element: { type: 'jobs' } }, allow: to('jobs', 'db', 'config', 'shared') },
  { from: { element: { type: 'db' } }, allow: to('db', 'config', 'shared') },
  { from: { element: { type: 'config' } }, allow: to('config', 'shared') },
  { from: { element: { type: 'i18n' } }, allow: to('i18n', 'shared') },
  { from: { element: { type: 'shared' } }, allow: to('shared') },
  { from: { element: { type: 'fakes' } }, allow: to('fakes', 'db', 'shared') },
  { from: { element: { type: 'fakes' } }, allow: MODULE_INDEX },
  ...EXCEPTIONS,
];


export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', '.ci-out/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    rules: {
      // TypeScript checks these (and knows the globals of Node and the DOM types).
      'no-undef': 'off',
      'no-redeclare': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
      // `cut('kah') || cut('lah')`: the stemmer (db/search.ts) tries rules in order on purpose.
      '@typescript-eslint/no-unused-expressions': ['error', { allowShortCircuit: true }],
      // `try { JSON.parse(…) } catch {}` keeps the fallback value; an empty block elsewhere is a slip.
      'no-empty': ['error', { allowEmptyCatch: true }],
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
      // The string JSX runtime must declare the JSX namespace TypeScript looks up.
      '@typescript-eslint/no-namespace': ['error', { allowDeclarations: true }],
      // Outside data is `unknown` until read (src/shared/json-record.ts for parsed JSON). The 64
      // `any`s found when the linter arrived were a warning until they were typed away (decision
      // 0016); now one fails CI like any other error.
      '@typescript-eslint/no-explicit-any': 'error',
      // The sanitisers and text rules look for control characters on purpose.
      'no-control-regex': 'off',
    },
  },
  {
    // Migrations take Kysely<any> on purpose: they must not depend on today's schema types.
    // Tests and benchmarks cast to reach inputs the types forbid.
    files: ['src/db/migrations/**', 'tests/**', 'bench/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Plain Node scripts (scripts/build.mjs): TypeScript does not check them, so no-undef stays
    // on with Node's globals.
    files: ['**/*.mjs', '**/*.js'],
    ignores: ['src/web/assets/**'],
    languageOptions: {
      globals: Object.fromEntries(['process', 'console', 'performance', 'URL', 'Buffer', 'setTimeout', 'clearTimeout',
        'setInterval', 'clearInterval', 'fetch', 'TextEncoder', 'TextDecoder', 'AbortController', 'structuredClone',
        'queueMicrotask', 'globalThis'].map((g) => [g, 'readonly'])),
    },
  },
  {
    // The staff pages' small scripts (src/web/assets/*.js) run in the browser as they are: classic
    // scripts (no modules, no build step), checked with the browser's globals and the recommended
    // rules, so an undefined name or an unused variable fails `npm run lint` like the TypeScript.
    files: ['src/web/assets/**/*.js'],
    languageOptions: { sourceType: 'script', ecmaVersion: 2020, globals: globals.browser },
    // As in the TypeScript: `try { localStorage… } catch (e) {}` keeps going on purpose.
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { caughtErrors: 'none' }],
      'no-empty': ['error', { allowEmptyCatch: true }],
    },
  },
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    plugins: { boundaries, 'import-x': importX },
    settings: {
      'boundaries/elements': ELEMENTS,
      'boundaries/include': ['src/**/*'],
      'import/resolver': { typescript: { project: './tsconfig.json' } },
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
      // no-cycle reads the imported files: it must know they are TypeScript.
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
    },
    rules: {
      'boundaries/dependencies': ['error', { default: 'disallow', policies: POLICIES }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Configuration is read only in src/config (docs/architecture.md).' }],
    },
  },
  { files: ['src/config/**'], rules: { 'no-restricted-properties': 'off' } },
  {
    // WIB has one home (src/shared/wib-time.ts): its offset and its time-zone name are not
    // spelled again. Exceptions: migrations (frozen values), the reminder rules' stored per-rule
    // time zone (data), and the fakes (a contract fake computes WIB its own way on purpose).
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['src/shared/wib-time.ts', 'src/db/migrations/**', 'src/modules/reminders/rules.ts', 'src/fakes/**'],
    rules: {
      'no-restricted-syntax': ['error',
        { selector: "Literal[value='Asia/Jakarta']", message: 'Use WIB_TIME_ZONE from src/shared/wib-time.ts.' },
        { selector: 'BinaryExpression[operator="*"][left.value=7][right.value=3600000]', message: 'Use WIB_OFFSET_MS from src/shared/wib-time.ts.' },
        { selector: 'Literal[value=/\\+07:00/]', message: 'Read or write WIB times with src/shared/wib-time.ts (fromWibLocal, wibMidday, wibIsoWithOffset).' },
        { selector: 'TemplateElement[value.raw=/\\+07:00/]', message: 'Read or write WIB times with src/shared/wib-time.ts (fromWibLocal, wibMidday, wibIsoWithOffset).' },
      ],
    },
  },
  {
    // Known import cycles, each with its owner; take a file off the list when it is untangled.
    // The fleet fake's fixtures.ts gathers the fixture files, which borrow its helpers (html,
    // notFound, wordpress…): moving the helpers to a file of their own ends it. Owner: monitor.
    files: ['src/fakes/fleet/fixtures.ts', 'src/fakes/fleet/fixtures-*.ts'],
    rules: { 'import-x/no-cycle': 'off' },
  },
  {
    files: ['src/modules/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['hono', 'hono/*', '@hono/*'], message: 'Modules never see Hono: the web edge parses and calls the module (docs/architecture.md).' }],
      }],
    },
  },
);
