import pino from 'pino';
import { loadConfig } from '../src/config/index.js';
import { openDatabase } from '../src/db/database.js';
import { registerDeclaredJobs } from '../src/jobs/define-job.js';
import { PgBossQueue } from '../src/jobs/pg-boss-queue.js';
import { composeServices } from '../src/main/compose.js';
import { monitoringSweepJobs, sweepJob } from '../src/main/monitoring-sweep-jobs.js';
import { Fetcher, staticLookup } from '../src/modules/monitoring/index.js';
import { systemClock } from '../src/shared/clock.js';

// One worker process of bench/scale-sweep.ts: the production sweep jobs (sweep, batches, rescue)
// on pg-boss, composed as src/main does, except that the crawler resolves the simulated fleet's
// *.test names to loopback (a spawned `npm start` would ask the real DNS). Stops on disconnect.
// The allow-list must name the loopback network, not only the .test names: a host suffix lets
// the crawler try a name, the address guard still refuses 127.0.0.1 unless a network allows it
// (with ['.test'] alone every site was "refused", retried twice 2 s apart: ~4 s of waiting per
// site, which this bench measured as ~170 ms a site with 2 × 16 units at once).
const config = loadConfig(process.env);
const database = await openDatabase(config.database);
const jobs = new PgBossQueue(config.database.url, { pollingIntervalSeconds: 1 });
await jobs.start();
// Otherwise the production crawler: its limits and politeness as compose.ts sets them.
const composed = composeServices({ db: database.db, clock: systemClock, config });
const fetcher = new Fetcher({ ...composed.fetcher.options, lookup: staticLookup('127.0.0.1', (h) => h.endsWith('.test')), allowNetworks: ['127.0.0.0/8', '.test'] });
const services = { ...composed, fetcher };
const logger = pino({ level: 'warn' });
// Without the six-hourly schedule: the bench queues its own sweeps, and a scheduled one firing
// mid-run (18:20 WIB did, at 11:20 UTC) would add a second national sweep to the one being timed.
const declared = monitoringSweepJobs.map((j) => (j === sweepJob ? { ...sweepJob, schedule: undefined } : j));
await registerDeclaredJobs(jobs, declared, { db: database.db, config, clock: systemClock, logger, jobs, services }, { log: logger, now: () => new Date() });
process.send?.('ready');
process.on('disconnect', () => void jobs.stop({ graceMs: 1_000 }).finally(() => database.close().finally(() => process.exit(0))));
