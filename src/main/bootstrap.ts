import type { Logger } from 'pino';
import type { Config } from '../config/index.js';
import { type Database, openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { type DemoLogin, hasActiveAdmin, issueSetupToken } from '../modules/accounts/index.js';
import { importRegion, regionImported } from '../modules/units/index.js';
import type { Clock } from '../shared/clock.js';
import { demoLoginsOf, loadDemo, resumeDemo } from './demo.js';
import { countAccounts, databaseIsEmpty } from './demo/demo-data.js';

export class StartupError extends Error {}

export interface Booted {
  database: Database;
  /** Demo mode: the demo accounts, for the start-up banner. */
  demoLogins: DemoLogin[];
  /** Demo off: demo accounts still in the database (a warning at every start until removed). */
  leftoverDemoAccounts: number;
  /** Demo off and no admin kota yet: the one-time token of the set-up page (/admin/pasang). */
  setupToken: string | null;
}

/**
 * What `npm start` needs before serving: the database opened and migrated, the configured
 * region imported (a no-op when present), and then either the demo — loaded only on an empty
 * database, refused where it would be a trap — or, for a real deployment without an admin yet,
 * a one-time set-up token. `issueSetupToken: false` for a process that serves no HTTP.
 */
export async function bootstrap(config: Config, clock: Clock, logger: Logger, opts: { issueSetupToken?: boolean } = {}): Promise<Booted> {
  const database = await openDatabase(config.database);
  try {
    const { applied } = await migrateToLatest(database.db);
    if (applied.length) logger.info({ applied }, 'migrations applied');

    // Imported once (marked in the database): a start then reads none of the region's CSV files.
    if (!(await regionImported(database.db, config.region))) {
      const imported = await importRegion(database.db, config.region, clock);
      if (!imported.ok) {
        throw new StartupError(unknownRegionMessage(config.region));
      }
      if (imported.value.created > 0) logger.info(imported.value, 'region imported');
    }

    const db = database.db;
    const accounts = await countAccounts(db);
    const booted: Booted = { database, demoLogins: [], leftoverDemoAccounts: 0, setupToken: null };
    if (config.demo) {
      const refusal = demoRefusal(config, accounts.real);
      if (refusal) throw new StartupError(refusal);
      const deps = { db, config, clock, logger };
      if (accounts.demo === 0 && (await databaseIsEmpty(db))) await loadDemo(deps);
      else if (accounts.demo > 0) await resumeDemo(deps);
      else logger.warn('database is not empty: demo content and logins were not loaded');
      booted.demoLogins = await demoLoginsOf(db);
    } else {
      booted.leftoverDemoAccounts = accounts.demo;
      // Their password is public: whatever sessions they had end now (`demo remove` deletes them).
      if (accounts.demo > 0) {
        await db.deleteFrom('sessions').where('user_id', 'in', db.selectFrom('users').select('id').where('is_demo', '=', 1)).execute();
      }
      if (opts.issueSetupToken !== false && !(await hasActiveAdmin(db, config.region))) {
        booted.setupToken = await issueSetupToken(db, clock);
      }
    }
    return booted;
  } catch (error) {
    await database.close();
    throw error;
  }
}

/** Why demo mode must not start here, in one line, or null. */
export function demoRefusal(config: Config, realAccounts: number): string | null {
  if (config.publicUrl.startsWith('https://')) {
    return `Mode demo ditolak: PUBLIC_URL ${config.publicUrl} adalah alamat publik (https), sedangkan akun demo memakai kata sandi yang diketahui umum. Setel BERANDA_DEMO=0 (lihat docs/deploy.md).`;
  }
  if (realAccounts > 0) {
    return `Mode demo ditolak: database ini sudah berisi ${realAccounts} akun sungguhan. Jalankan dengan BERANDA_DEMO=0 (akun demo yang tersisa dapat dihapus dengan: npm run beranda -- demo remove).`;
  }
  return null;
}

/** The warning of every start (and of the admin home) while demo accounts remain with demo off. */
export const leftoverDemoWarning = (n: number) =>
  `Peringatan: masih ada ${n} akun demo (kata sandinya diketahui umum; akun itu tidak dapat masuk selama BERANDA_DEMO=0). Hapus akun dan isi demo dengan: npm run beranda -- demo remove`;

/** One line that says what is wrong and how to find the right code. */
export function unknownRegionMessage(code: string): string {
  const hint = 'Cari kode yang benar dengan: npm run beranda -- units regions <nama kota/kabupaten> (contoh: npm run beranda -- units regions pangkalpinang)';
  return `Kode wilayah "${code}" tidak dikenal (unknown region code). ${hint}`;
}
