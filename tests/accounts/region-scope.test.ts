import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inScope, scopeFilter, scopeKind } from '../../src/modules/accounts/index.js';
import { importRegion, regencyFigures } from '../../src/modules/units/index.js';
import { FixedClock } from '../../src/shared/clock.js';
import { regionFor } from '../../src/web/middleware/served-region.js';
import { createTestDb, testEngine, type TestDb } from '../support/test-db.js';

// Scopes as Kemendagri code prefixes (decision 0017): the same answer in code and in SQL.
describe('region scopes', () => {
  it('a regency, a province and the country contain what they should', () => {
    expect(['19.71', '19', 'ID'].map(scopeKind)).toEqual(['regency', 'province', 'national']);
    expect(inScope('19.71', '19.71')).toBe(true);
    expect(inScope('19.71', '19.01')).toBe(false);
    expect(inScope('19', '19.01')).toBe(true);
    // "1" is not the prefix of province 19, nor "19.7" of 19.71: prefixes end at a dot.
    expect(inScope('1', '19.01')).toBe(false);
    expect(inScope('19.7', '19.71')).toBe(false);
    expect(inScope('19', '11.01')).toBe(false);
    expect(inScope('ID', '11.01')).toBe(true);
  });

  it('serves a regency scope its regency whatever is chosen, a wider scope only a choice inside it', () => {
    expect(regionFor('19.01', '19.71', '19.71')).toBe('19.01');
    expect(regionFor('19', '19.01', '19.71')).toBe('19.01');
    expect(regionFor('19', '11.01', '19.71')).toBe('19.71');
    expect(regionFor('19', '19.99', '19.71')).toBe('19.71');
    expect(regionFor('11', undefined, '19.71')).toBe('11.01');
    expect(regionFor('ID', '11.01', '19.71')).toBe('11.01');
  });
});

describe(`region scopes in SQL on ${testEngine()}`, () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
    for (const code of ['19.71', '19.01', '11.01']) await importRegion(t.db, code, new FixedClock('2026-12-05T00:00:00Z'));
  });
  afterAll(async () => t.close());

  it('filters by the same rule as inScope', async () => {
    const all = await t.db.selectFrom('units').select('region_code').execute();
    for (const scope of ['19.71', '19', '11', 'ID', '1', '19.7']) {
      const rows = await t.db.selectFrom('units').select('region_code').where(scopeFilter(scope, 'region_code')).execute();
      expect(rows.length, scope).toBe(all.filter((u) => inScope(scope, u.region_code)).length);
    }
  });

  it('counts every regency of a scope from the units themselves', async () => {
    const province = await regencyFigures(t.db, '19');
    expect(province.map((f) => [f.code, f.name, f.kecamatan, f.villages])).toEqual([
      ['19.01', 'Kabupaten Bangka', ...(await counts('19.01'))],
      ['19.71', 'Kota Pangkalpinang', 7, 42],
    ]);
    expect((await regencyFigures(t.db, 'ID')).map((f) => f.code)).toEqual(['11.01', '19.01', '19.71']);
  });

  async function counts(region: string): Promise<[number, number]> {
    const rows = await t.db.selectFrom('units').select('kind').where('region_code', '=', region).execute();
    return [rows.filter((r) => r.kind === 'kecamatan').length, rows.filter((r) => r.kind === 'kelurahan' || r.kind === 'desa').length];
  }
});
