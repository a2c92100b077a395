import type { Logger } from 'pino';
import type { Config } from '../config/index.js';
import { type Database, openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { type DemoLogin, ensureDemoUsers } from '../modules/accounts/index.js';
import { importRegion } from '../modules/units/index.js';
import type { Clock } from '../shared/clock.js';
import { seedDemo } from './demo.js';

export class StartupError extends Error {}

export interface Booted {
  database: Database;
  demoLogins: DemoLogin[];
}

/**
 * What `npm start` needs before serving: the database opened and migrated, the configured
 * region imported (a no-op when present), and demo content and logins on an empty demo install.
 */
export async function bootstrap(config: Config, clock: Clock, logger: Logger): Promise<Booted> {
  const database = await openDatabase(config.database);
  try {
    const { applied } = await migrateToLatest(database.db);
    if (applied.length) logger.info({ applied }, 'migrations applied');

    const imported = await importRegion(database.db, config.region, clock);
    if (!imported.ok) {
      throw new StartupError(unknownRegionMessage(config.region));
    }
    if (imported.value.created > 0) logger.info(imported.value, 'region imported');

    let demoLogins: DemoLogin[] = [];
    if (config.demo) {
      demoLogins = await ensureDemoUsers(database.db, clock, config.region);
      await seedDemo({ db: database.db, config, clock, logger });
    }
    return { database, demoLogins };
  } catch (error) {
    await database.close();
    throw error;
  }
}

/** One line that says what is wrong and how to find the right code. */
export function unknownRegionMessage(code: string): string {
  const hint = 'Cari kode yang benar dengan: npm run beranda -- units regions <nama kota/kabupaten> (contoh: npm run beranda -- units regions pangkalpinang)';
  return `Kode wilayah "${code}" tidak dikenal (unknown region code). ${hint}`;
}
