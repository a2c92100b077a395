import cluster from 'node:cluster';
import { type Config, ConfigError, loadConfig, servingProblems } from '../config/index.js';
import { type Database, DatabaseUnreachableError, openDatabase, redact } from '../db/database.js';
import { createQueue } from '../jobs/create-queue.js';
import { DEMO_PASSWORD } from '../modules/accounts/index.js';
import { systemClock } from '../shared/clock.js';
import { asRecord } from '../shared/json-record.js';
import { StartupError, bootstrap, leftoverDemoWarning } from './bootstrap.js';
import { composeServices } from './compose.js';
import { createLogger } from './logger.js';
import { shutdown } from './shutdown.js';
import { registerJobs } from './worker.js';
import { demoDialogSimulator, simulationNotice, startChannelsDemo } from './demo/channels-demo.js';
import { type PageInvalidation, inProcessPageInvalidation } from '../modules/page-invalidation/index.js';
import { childPageInvalidation, parentPageInvalidation } from './cluster-page-invalidation.js';
import { pgPageInvalidation } from './pg-page-invalidation.js';
import { type WebProcesses, forkWebProcesses } from './web-processes.js';

// `npm start`: one process with both roles (web and worker) unless BERANDA_ROLES says otherwise;
// with WEB_PROCESSES > 1 this process migrates, runs the one job worker and forks that many web
// processes (web-processes.ts), each of which runs webProcess() below.
async function main(): Promise<void> {
  const startedAt = performance.now();
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      for (const p of error.problems) console.error(`Konfigurasi salah: ${p}`);
      process.exit(2);
    }
    throw error;
  }
  // A real deployment must keep its keys across restarts, or connected accounts stop working.
  const missing = servingProblems(config);
  if (missing.length) {
    for (const p of missing) console.error(`Konfigurasi salah: ${p}`);
    process.exit(2);
  }
  const logger = createLogger(config);
  const clock = systemClock;
  if (cluster.isWorker) return webProcess(config, logger);
  let several = config.roles.web && config.webProcesses > 1;
  if (several && config.demo) {
    // The demo's simulated social platforms live in one process's memory.
    logger.warn({ webProcesses: config.webProcesses }, 'demo mode runs one process; WEB_PROCESSES applies with BERANDA_DEMO=0');
    several = false;
  }
  // Demo without internet: social platforms simulated on loopback (no-op when apps are configured).
  config = await startChannelsDemo(config, logger);

  let booted;
  try {
    booted = await bootstrap(config, clock, logger, { issueSetupToken: config.roles.web });
  } catch (error) {
    if (error instanceof DatabaseUnreachableError) {
      console.error(`Database tidak dapat dihubungi: ${redact(config.database.url)} — periksa DATABASE_URL dan pastikan server PostgreSQL berjalan. (${asRecord(error.cause)?.message ?? error.message})`);
      process.exit(3);
    }
    if (error instanceof StartupError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const { database } = booted;
  const jobs = createQueue(config.database, database.db, clock, (e) => logger.error({ err: e }, 'job failed'), config.retention.jobsDays);
  // The web role is loaded only when this process serves HTTP: a worker process never loads routes.
  const web = config.roles.web && !several ? await import('./web.js') : null;
  const onError = (err: unknown) => logger.error({ err }, 'page cache invalidation failed');
  const pages = (await pgPagesFor(config, database, onError)) ?? (several ? parentPageInvalidation(onError) : inProcessPageInvalidation(onError));
  const services = composeServices({ db: database.db, clock, config, pages });
  const deps = { db: database.db, dialect: database.dialect, config, clock, logger, jobs, services };

  // The queue starts before the web (pg-boss takes jobs only once started); the job handlers are
  // registered after the port answers — their preparation (dashboard, pelayanan, monitoring
  // registrations) is not needed to serve, and a job enqueued meanwhile waits in the queue.
  if (config.roles.worker) await jobs.start();
  let port = config.port;
  let server: Awaited<ReturnType<NonNullable<typeof web>['startWeb']>>['server'] | undefined;
  let webProcesses: WebProcesses | undefined;
  if (web) {
    const started = await web.startWeb(deps, { dialogSimulator: demoDialogSimulator() });
    server = started.server;
    port = started.port;
    logger.info({ pid: process.pid, port }, 'web process listening');
  } else if (several) {
    webProcesses = await forkWebProcesses(config.webProcesses, logger);
    port = webProcesses.port;
  }
  if (config.roles.worker) {
    await registerJobs(deps);
    logger.info({ pid: process.pid }, 'job worker started');
  }

  // The signal handlers go in before the banner: whoever reads "Beranda berjalan" may stop us at
  // once, and a SIGTERM that arrives before a handler exists kills the process without a clean stop.
  // A worker-only process (BERANDA_ROLES=worker, its own systemd unit) has no server holding it
  // open, and the embedded queue's poll timer is unref'd: without this it would exit at once on
  // SQLite, silently, with status 0 (tsx's IPC channel used to hide that). Cleared on stop.
  const keepAlive = server || webProcesses ? null : setInterval(() => {}, 60_000);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    if (keepAlive) clearInterval(keepAlive);
    logger.info({ signal }, 'stopping');
    await webProcesses?.stop();
    await shutdown({ server, jobs: config.roles.worker ? jobs : undefined, database }, { logger });
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  const url = config.publicUrl.includes('localhost') ? `http://localhost:${port}` : config.publicUrl;
  console.log(`\nBeranda berjalan di ${url} (database: ${database.dialect}, wilayah ${config.region}, siap dalam ${Math.round(performance.now() - startedAt)} ms)`);
  if (booted.demoLogins.length) {
    console.log(`\nAkun demo (kata sandi semua: ${DEMO_PASSWORD}) — masuk di ${url}/admin`);
    const shown = booted.demoLogins.filter((l) => l.role !== 'operator' || l.username === 'operator.bacang');
    for (const l of shown) console.log(`  ${l.username.padEnd(22)} ${l.note}`);
    console.log(`  operator.<slug>        operator untuk setiap kelurahan/desa (${booted.demoLogins.filter((l) => l.role === 'operator').length} akun)\n`);
  }
  const simulated = simulationNotice();
  if (simulated) console.log(`${simulated}\n`);
  if (booted.leftoverDemoAccounts) {
    logger.warn({ demoAccounts: booted.leftoverDemoAccounts }, 'demo accounts remain with demo off');
    console.error(leftoverDemoWarning(booted.leftoverDemoAccounts));
  }
  if (booted.setupToken) {
    console.log(`\nBelum ada admin kota. Buat admin pertama dengan salah satu cara:`);
    console.log(`  npm run beranda -- users create-admin --username <nama> --name "<Nama Lengkap>"`);
    console.log(`  atau buka ${url}/admin/pasang?kode=${booted.setupToken}`);
    console.log(`  Kode pemasangan (sekali pakai): ${booted.setupToken}\n`);
  }
}

/**
 * One of several web processes (WEB_PROCESSES > 1): the parent has migrated and runs the jobs;
 * this one serves HTTP on the shared port and enqueues, and hears page changes over IPC.
 */
async function webProcess(config: Config, logger: ReturnType<typeof createLogger>): Promise<void> {
  const clock = systemClock;
  const database = await openDatabase(config.database);
  const jobs = createQueue(config.database, database.db, clock, (e) => logger.error({ err: e }, 'job failed'), config.retention.jobsDays);
  const onError = (err: unknown) => logger.error({ err }, 'page cache invalidation failed');
  const pages = (await pgPagesFor(config, database, onError)) ?? childPageInvalidation(onError);
  const services = composeServices({ db: database.db, clock, config, pages });
  const { startWeb } = await import('./web.js');
  const { server, port } = await startWeb({ db: database.db, dialect: database.dialect, config, clock, logger, jobs, services });
  logger.info({ pid: process.pid, port }, 'web process listening');
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    await shutdown({ server, database }, { logger });
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  // The parent is gone (crashed or killed): nobody relays page changes any more, so stop too.
  process.on('disconnect', () => void stop('disconnect'));
}

main().catch((error) => {
  console.error('Beranda gagal berjalan:', error instanceof Error ? error.message : error);
  process.exit(1);
});

/**
 * On PostgreSQL every process — this machine's and other machines' (BERANDA_ROLES=web on several
 * hosts) — hears page changes through LISTEN/NOTIFY (decision 0015); the cluster's IPC relay is
 * then not needed. SQLite is one machine: IPC or in-process.
 */
async function pgPagesFor(config: Config, database: { db: Database['db'] }, onError: (err: unknown) => void): Promise<PageInvalidation | null> {
  if (config.database.kind !== 'postgres') return null;
  return pgPageInvalidation({ db: database.db, url: config.database.url, onError });
}
