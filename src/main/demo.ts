import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Config } from '../config/index.js';
import type { DB } from '../db/schema/index.js';
import { type DemoLogin, ROLES, ensureDemoUsers } from '../modules/accounts/index.js';
import { roleLabel } from '../i18n/role-label.js';
import type { Clock } from '../shared/clock.js';
import { seedSiteDemo } from './demo/site-content.js';
import { reattachChannelsDemo, seedChannelsDemo } from './demo/channels-demo.js';
import { markSeededRowsAsDemo } from './demo/demo-data.js';
import { seedMonitoringDemo } from './demo/monitoring-demo.js';

export interface DemoDeps {
  db: Kysely<DB>;
  config: Config;
  clock: Clock;
  logger: Logger;
}

/**
 * Demo logins and content for `npm start` (BERANDA_DEMO=1), loaded once, on an empty database
 * (the caller checks): demo accounts, then each capability's seeder, then every row the seeders
 * wrote is marked as demo so `npm run beranda -- demo remove` can find it.
 */
export async function loadDemo(deps: DemoDeps): Promise<void> {
  await ensureDemoUsers(deps.db, deps.clock, deps.config.region);
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
  await markSeededRowsAsDemo(deps.db);
}

/** A later start of a demo database: the simulated platforms run in memory, so channels are re-attached. */
export async function resumeDemo(deps: DemoDeps): Promise<void> {
  await reattachChannelsDemo(deps).catch((error) => deps.logger.error({ err: error }, 'simulated channels could not be re-attached'));
}

/** The demo accounts in the database, for the start-up banner. */
export async function demoLoginsOf(db: Kysely<DB>): Promise<DemoLogin[]> {
  const rows = await db.selectFrom('users').select(['username', 'role', 'display_name']).where('is_demo', '=', 1).orderBy('username').execute();
  const order: string[] = ROLES;
  // By role; within a role the query's username order stays (the sort is stable). No
  // localeCompare: it would build an ICU collator (~2 MB of RSS) in every demo start (issue 20).
  return rows
    .sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role))
    .map((r) => ({ username: r.username, role: r.role, note: `${roleLabel(r.role)}: ${r.display_name}` }));
}
