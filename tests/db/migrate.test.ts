import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { migrateToLatest } from '../../src/db/migrate.js';
import { dialectOf, isUniqueViolation, containsInsensitive } from '../../src/db/dialect.js';
import { createTestDb, testEngine, type TestDb } from '../support/test-db.js';

describe(`database on ${testEngine()}`, () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(async () => {
    await t.close();
  });

  it('reports the engine it runs on', () => {
    expect(dialectOf(t.db)).toBe(testEngine());
    expect(t.dialect).toBe(testEngine());
  });

  it('applies nothing on a second migration run', async () => {
    const again = await migrateToLatest(t.db);
    expect(again.applied).toEqual([]);
  });

  it('enforces foreign keys', async () => {
    const now = new Date().toISOString();
    await expect(
      t.db
        .insertInto('units')
        .values({ id: 'x1', code: null, kind: 'kelurahan', name: 'X', slug: 'x-fk', parent_id: 'missing', region_code: '99.99', settings: '{}', is_demo: 0, created_at: now, updated_at: now })
        .execute(),
    ).rejects.toThrow();
  });

  it('recognises unique violations the same way on both engines', async () => {
    const now = new Date().toISOString();
    const row = { code: null, kind: 'opd' as const, name: 'Dinas', slug: 'dinas-uniq', parent_id: null, region_code: '99.99', settings: '{}', is_demo: 0, created_at: now, updated_at: now };
    await t.db.insertInto('units').values({ id: 'u1', ...row }).execute();
    let caught: unknown;
    try {
      await t.db.insertInto('units').values({ id: 'u2', ...row }).execute();
    } catch (e) {
      caught = e;
    }
    expect(isUniqueViolation(caught)).toBe(true);
  });

  it('matches case-insensitively on both engines', async () => {
    const rows = await t.db
      .selectFrom('units')
      .select('slug')
      .where(containsInsensitive(t.db, 'name', 'DINAS'))
      .execute();
    expect(rows.map((r) => r.slug)).toContain('dinas-uniq');
    const none = await t.db.selectFrom('units').select('slug').where(containsInsensitive(t.db, 'name', '%')).execute();
    expect(none).toEqual([]);
  });

  it('keeps ISO timestamps sortable as text', async () => {
    const r = await sql<{ c: number }>`select count(*) as c from units where created_at > ${'2000-01-01T00:00:00.000Z'}`.execute(t.db);
    expect(Number(r.rows[0]!.c)).toBeGreaterThan(0);
  });
});
