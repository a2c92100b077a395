import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Config } from '../config/index.js';
import type { DB } from '../db/schema/index.js';
import type { Clock } from '../shared/clock.js';
import { seedSiteDemo } from './demo/site-content.js';
import { seedChannelsDemo } from './demo/channels-demo.js';
import { seedMonitoringDemo } from './demo/monitoring-demo.js';

export interface DemoDeps {
  db: Kysely<DB>;
  config: Config;
  clock: Clock;
  logger: Logger;
}

/**
 * Demo content for `npm start` on an empty database (BERANDA_DEMO=1). Each seeder is idempotent
 * and marks what it creates as demo; capabilities add their own seeders here.
 */
export async function seedDemo(deps: DemoDeps): Promise<void> {
  const seeders: [string, (d: DemoDeps) => Promise<void>][] = [
    ['site', async (d) => void (await seedSiteDemo(d.db, d.clock))],
    ['channels', seedChannelsDemo],
    ['monitoring', async (d) => void (await seedMonitoringDemo(d.db, d.clock, { region: d.config.region, publicUrl: d.config.publicUrl }))],
  ];
  for (const [name, seed] of seeders) {
    try {
      await seed(deps);
    } catch (error) {
      deps.logger.error({ err: error, seeder: name }, 'demo content could not be loaded');
    }
  }
}
