import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { type Config, loadConfig } from '../../../src/config/index.js';
import type { DB } from '../../../src/db/schema/index.js';
import { bootstrap } from '../../../src/main/bootstrap.js';
import { createLogger } from '../../../src/main/logger.js';
import { type Services, composeServices } from '../../../src/main/compose.js';
import { publicPagesChanged, startWeb } from '../../../src/main/web.js';
import { systemClock } from '../../../src/shared/clock.js';

export interface RunningServer {
  url: string;
  /** The server's own database and configuration, for tests that set up data before a journey. */
  db: Kysely<DB>;
  config: Config;
  services: Services;
  /** The server's DATA_DIR (its SQLite file is beranda.db there), for tests that set up accounts as a city would. */
  dataDir: string;
  close(): Promise<void>;
}

/**
 * The real server as `npm start` runs it (bootstrap, demo content, HTTP on loopback), on a fresh
 * SQLite file and an ephemeral port.
 */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'beranda-e2e-'));
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dir, LOG_LEVEL: 'silent', BERANDA_SECRET: 'e'.repeat(40), ...env }, dir);
  const logger = createLogger(config);
  const { database } = await bootstrap(config, systemClock, logger);
  const webConfig = { ...config, publicUrl: `http://127.0.0.1:${config.port || 0}` };
  const services = composeServices({ db: database.db, clock: systemClock, config: webConfig, onPublicChange: publicPagesChanged });
  const { server, port } = await startWeb({ db: database.db, dialect: database.dialect, config: webConfig, clock: systemClock, logger, services });
  return {
    url: `http://127.0.0.1:${port}`,
    db: database.db,
    config,
    services,
    dataDir: dir,
    close: async () => {
      await new Promise<void>((r) => server.close(() => r()));
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
