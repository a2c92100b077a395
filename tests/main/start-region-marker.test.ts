import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Config, loadConfig } from '../../src/config/index.js';
import { bootstrap } from '../../src/main/bootstrap.js';
import { getCitySetting, regionImported, setCitySetting } from '../../src/modules/units/index.js';
import { systemClock } from '../../src/shared/clock.js';
import { createTestDb, testEngine, type TestDb } from '../support/test-db.js';

// Issue 20: a start on an existing database does not read the region's CSV files again. The
// import marks the city unit with the data edition it imported; start-up trusts that mark, and
// imports again only when the mark is missing or names another edition of idn-area-data.
describe(`start-up region import marker on ${testEngine()}`, () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'beranda-region-marker-'));
  const logger = pino({ level: 'silent' });
  let t: TestDb;
  let config: Config;

  beforeAll(async () => {
    t = await createTestDb();
    config = { ...loadConfig({ DATA_DIR: dir, BERANDA_DEMO: '0', BERANDA_SECRET: 's'.repeat(40), LOG_LEVEL: 'silent' }, dir), database: t.config };
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const start = async () => (await bootstrap(config, systemClock, logger, { issueSetupToken: false })).database.close();
  const villages = async () => (await t.db.selectFrom('units').select('code').where('region_code', '=', '19.71').where('kind', '=', 'kelurahan').execute()).length;
  const dropOneVillage = () => t.db.deleteFrom('units').where('code', '=', '19.71.01.1006').execute();

  it('the first start imports the region and marks it imported with the data edition', async () => {
    expect(await regionImported(t.db, '19.71')).toBe(false);
    await start();
    expect(await villages()).toBe(42);
    expect(await regionImported(t.db, '19.71')).toBe(true);
    expect(await getCitySetting(t.db, '19.71', 'regionDataImported')).toMatch(/^idn-area-data \d+\.\d+\.\d+$/);
  });

  it('a later start trusts the mark and does not import (a unit removed behind its back stays removed)', async () => {
    await dropOneVillage();
    await start();
    expect(await villages()).toBe(41);
  });

  it('a mark of another data edition makes the next start import again, and mark the current edition', async () => {
    await setCitySetting(t.db, '19.71', 'regionDataImported', 'idn-area-data 0.0.1', systemClock);
    expect(await regionImported(t.db, '19.71')).toBe(false);
    await start();
    expect(await villages()).toBe(42);
    expect(await regionImported(t.db, '19.71')).toBe(true);
  });
});
