import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { loadConfig } from '../../src/config/index.js';
import { ensureDemoUsers } from '../../src/modules/accounts/index.js';
import { importRegion } from '../../src/modules/units/index.js';
import { systemClock } from '../../src/shared/clock.js';
import { createApp } from '../../src/web/app.js';
import { createTestDb } from './test-db.js';
import { withServices } from './test-app.js';

// The app on a real loopback socket in a process of its own, so a test can measure this
// process's memory (/proc/<pid>/status) while it sends hostile requests. Prints one JSON line
// {"port": n} when listening; exits on SIGTERM. Extra config comes as JSON in CHILD_CONFIG.

const t = await createTestDb();
const overrides = JSON.parse(process.env.CHILD_CONFIG ?? '{}') as Record<string, unknown>;
const config = { ...loadConfig({ BERANDA_SECRET: 'x'.repeat(40), LOG_LEVEL: 'silent' }), ...overrides };
await importRegion(t.db, config.region, systemClock);
await ensureDemoUsers(t.db, systemClock, config.region);
const app = createApp(withServices({ db: t.db, dialect: t.dialect, config, clock: systemClock, logger: pino({ level: 'silent' }) }));
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
  process.stdout.write(`${JSON.stringify({ port: info.port })}\n`);
});
process.on('SIGTERM', () => {
  server.close();
  void t.close().then(() => process.exit(0));
});
