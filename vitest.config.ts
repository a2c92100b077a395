import { defineConfig } from 'vitest/config';

// Unit, database and HTTP tests. Browser journeys live in vitest.e2e.config.ts because they
// need Debian's chromium, which a fresh developer machine may not have.
export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'hono/jsx' } },
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx', 'src/**/*.test.ts'],
    // *.pg.test.ts need a PostgreSQL server: CI's second run sets TEST_DATABASE_URL.
    exclude: ['tests/e2e/**', 'node_modules/**', ...(process.env.TEST_DATABASE_URL ? [] : ['**/*.pg.test.ts'])],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
