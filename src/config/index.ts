import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { type ObjectStoreConfig, parseObjectStore } from './object-store.js';

export type { ObjectStoreConfig } from './object-store.js';

// The only reader of process.env. Everything else receives a validated Config. Each mistake is
// reported in one clear line so a newcomer can fix it without reading code.

export type DatabaseConfig =
  | { kind: 'sqlite'; file: string; url: string }
  | { kind: 'postgres'; url: string; /** Connections in this process's pool (default 10). */ poolMax?: number };

export interface Config {
  port: number;
  host: string;
  database: DatabaseConfig;
  publicUrl: string;
  region: string;
  siteDomain: string | null;
  demo: boolean;
  mediaDir: string;
  /** MEDIA_STORE=s3: photos (and citizens' documents, privately) in an S3-compatible bucket; null: the folders. */
  objectStore: ObjectStoreConfig | null;
  dataDir: string;
  /** Citizens' documents and issued letters (issue 17): never inside mediaDir, which /media serves. */
  pelayananDir: string;
  /** Signs media URLs and derives other keys. Random per start when not set (demo only). */
  secret: string;
  /** BERANDA_SECRET was given; without it the secret above is random and lost at restart. */
  secretProvided: boolean;
  /** 32-byte key (hex or base64) for encrypting platform tokens at rest. */
  tokenEncryptionKey: string | null;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Which process roles run here: web, worker or both (the default). */
  roles: { web: boolean; worker: boolean };
  /**
   * WEB_PROCESSES: how many web processes `npm start` runs on the one port (1: one process with
   * both roles; more: that many web processes plus the job worker in the parent, decision 0014).
   */
  webProcesses: number;
  /** PAGE_CACHE=0 turns the public page cache off (measuring renders, finding a stale page). */
  pageCache: boolean;
  /**
   * How long work a process holds (a delivery, a unit of a monitoring sweep) stays its own
   * without progress; a live run renews it, a killed process's work goes to another worker after
   * this. WORK_LEASE_SECONDS, default 120.
   */
  workLeaseMs: number;
  /** Cookies get `Secure` when the public URL is https. */
  secureCookies: boolean;
  smtpUrl: string | null;
  mailFrom: string;
  telegramBotToken: string | null;
  telegramApiBase: string;
  whatsappToken: string | null;
  whatsappPhoneNumberId: string | null;
  graphApiBase: string;
  tiktokApiBase: string;
  facebookAppId: string | null;
  facebookAppSecret: string | null;
  tiktokClientKey: string | null;
  tiktokClientSecret: string | null;
  /** The TikTok app passed TikTok's audit; unaudited apps may only post private ("Hanya saya") posts. */
  tiktokAudited: boolean;
  /**
   * Networks (CIDR or address) and host suffixes the site monitor may reach although they are not
   * public — only for a test fleet on loopback (MONITOR_ALLOW="127.0.0.0/8,.test"). Empty in production.
   */
  monitorAllow: string[];
  /**
   * Sites one worker process checks at once in a monitoring sweep (MONITOR_SWEEP_SITES, default
   * 32). A site takes ~8 s at one request a second (politeness), so a worker sweeps about this
   * ÷ 8 sites a second; docs/deploy.md §11 sizes it (a national install needs several hundred).
   */
  monitorSweepSites: number;
  /** How long finished or stale rows are kept before the hourly clean-up deletes them (issue 13). */
  retention: RetentionConfig;
  /**
   * Reverse proxies whose X-Forwarded-For is believed (addresses or CIDR ranges; "loopback" is
   * 127.0.0.0/8 and ::1). The client is the rightmost entry that is not one of them.
   */
  trustedProxies: string[];
}

export interface RetentionConfig {
  /** Finished jobs (completed or failed for good). */
  jobsDays: number;
  /** Raw monitoring observations; the daily roll-ups and weekly verdicts stay for trends. */
  observationsDays: number;
  /** In-app notifications once read. */
  notificationsDays: number;
  /** Audit log; 0 keeps it forever. Older rows are written to an archive file before deletion. */
  auditDays: number;
  /** Rows per table per run at the most, so a clean-up never holds the database for long. */
  batch: number;
}

/** Variable, default, lowest allowed value (and whether 0 means "forever"). */
const RETENTION: Record<keyof RetentionConfig, [string, number, number, boolean?]> = {
  jobsDays: ['RETENTION_JOBS_DAYS', 14, 1],
  // The dashboard's current state reads the last 30 days of observations.
  observationsDays: ['RETENTION_OBSERVATIONS_DAYS', 90, 35],
  notificationsDays: ['RETENTION_NOTIFICATIONS_DAYS', 90, 1],
  // Government records: at least two years (0 = never delete).
  auditDays: ['RETENTION_AUDIT_DAYS', 730, 730, true],
  batch: ['RETENTION_BATCH', 5000, 100],
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

/** Reads NAME, or the contents of the file named by NAME_FILE (Docker/Kubernetes secrets). */
function readSecret(env: Env, name: string, problems: string[]): string | undefined {
  const file = env[`${name}_FILE`];
  if (file) {
    try {
      return readFileSync(file, 'utf8').trim();
    } catch {
      problems.push(`${name}_FILE: berkas "${file}" tidak dapat dibaca (file cannot be read).`);
      return undefined;
    }
  }
  const v = env[name];
  return v === undefined || v === '' ? undefined : v;
}

const REGION = /^\d{2}\.\d{2}$/;

export function loadConfig(env: Env = process.env, cwd: string = process.cwd()): Config {
  const problems: string[] = [];
  const get = (name: string) => readSecret(env, name, problems);

  const portRaw = get('PORT') ?? '3000';
  const port = Number(portRaw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    problems.push(`PORT: "${portRaw}" bukan nomor port yang sah (use a whole number 0–65535).`);
  }
  const demoRaw = get('BERANDA_DEMO') ?? '1';
  if (!['0', '1', 'true', 'false'].includes(demoRaw)) {
    problems.push(`BERANDA_DEMO: "${demoRaw}" harus 1 atau 0 (1 loads demo content and logins).`);
  }
  const demo = demoRaw === '1' || demoRaw === 'true';
  // Demo logins share a published password: the demo listens on this machine only unless HOST
  // says otherwise. A real deployment keeps the old default (behind nginx, HOST=127.0.0.1).
  const host = get('HOST') ?? (demo ? '127.0.0.1' : '0.0.0.0');
  const dataDir = path.resolve(cwd, get('DATA_DIR') ?? 'data');

  const dbUrl = get('DATABASE_URL') ?? `sqlite:${path.join(dataDir, 'beranda.db')}`;
  let database: DatabaseConfig = { kind: 'sqlite', file: path.join(dataDir, 'beranda.db'), url: dbUrl };
  if (/^postgres(ql)?:\/\//.test(dbUrl)) {
    try {
      new URL(dbUrl);
      database = { kind: 'postgres', url: dbUrl };
    } catch {
      problems.push('DATABASE_URL: alamat PostgreSQL tidak sah (expected postgres://user:pass@host:5432/db).');
    }
  } else if (dbUrl.startsWith('sqlite:') || dbUrl.startsWith('file:')) {
    const file = dbUrl.replace(/^(sqlite|file):(\/\/)?/, '');
    database = { kind: 'sqlite', file: file === ':memory:' ? file : path.resolve(cwd, file), url: dbUrl };
  } else {
    problems.push(
      `DATABASE_URL: "${dbUrl.slice(0, 40)}" tidak dikenal (use sqlite:path/to/file.db or postgres://…).`,
    );
  }

  const publicUrlRaw = get('PUBLIC_URL') ?? `http://localhost:${Number.isInteger(port) ? port : 3000}`;
  let publicUrl = publicUrlRaw.replace(/\/+$/, '');
  try {
    const u = new URL(publicUrl);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('protocol');
  } catch {
    problems.push(`PUBLIC_URL: "${publicUrlRaw}" bukan URL http(s) yang sah (e.g. https://beranda.example.go.id).`);
    publicUrl = 'http://localhost:3000';
  }

  const region = get('BERANDA_REGION') ?? '19.71';
  if (!REGION.test(region)) {
    problems.push(
      `BERANDA_REGION: "${region}" bukan kode kabupaten/kota (expected two numbers like 19.71; find yours with "npm run beranda -- units regions <nama>").`,
    );
  }

  const siteDomainRaw = get('SITE_DOMAIN');
  let siteDomain: string | null = null;
  if (siteDomainRaw) {
    const d = siteDomainRaw.toLowerCase().replace(/^\.+|\.+$/g, '');
    if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$|^localhost$/.test(d)) {
      problems.push(`SITE_DOMAIN: "${siteDomainRaw}" bukan nama domain (e.g. pangkalpinangkota.go.id).`);
    } else siteDomain = d;
  }

  const mediaDir = path.resolve(cwd, get('MEDIA_DIR') ?? path.join(dataDir, 'media'));
  const pelayananDir = path.resolve(cwd, get('PELAYANAN_DIR') ?? path.join(dataDir, 'pelayanan'));
  const relToMedia = path.relative(mediaDir, pelayananDir);
  if (relToMedia === '' || (!relToMedia.startsWith('..') && !path.isAbsolute(relToMedia))) {
    problems.push(`PELAYANAN_DIR: "${pelayananDir}" berada di dalam MEDIA_DIR yang terbuka untuk umum (citizens' documents must live outside the public media folder).`);
  }

  const objectStore = parseObjectStore(get, problems);

  const logLevel = (get('LOG_LEVEL') ?? 'info') as Config['logLevel'];
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    problems.push(`LOG_LEVEL: "${logLevel}" tidak dikenal (use info, debug, warn, error or silent).`);
  }

  const rolesRaw = get('BERANDA_ROLES') ?? 'web,worker';
  const roleList = rolesRaw.split(',').map((s) => s.trim());
  if (roleList.some((r) => r !== 'web' && r !== 'worker') || roleList.length === 0) {
    problems.push(`BERANDA_ROLES: "${rolesRaw}" harus web, worker atau web,worker.`);
  }

  // 'auto': one web process per core. Each costs ~90 MB at rest, so the default stays 1.
  const webRaw = get('WEB_PROCESSES') ?? '1';
  const webProcesses = webRaw === 'auto' ? Math.max(1, availableParallelism()) : Number(webRaw);
  if (!Number.isInteger(webProcesses) || webProcesses < 1 || webProcesses > 64) {
    problems.push(`WEB_PROCESSES: "${webRaw}" harus angka 1–64 atau auto (one web process per core).`);
  }

  const pageCacheRaw = get('PAGE_CACHE') ?? '1';
  if (pageCacheRaw !== '0' && pageCacheRaw !== '1') problems.push(`PAGE_CACHE: "${pageCacheRaw}" harus 1 atau 0 (0 turns the public page cache off).`);

  const sweepSitesRaw = get('MONITOR_SWEEP_SITES') ?? '32';
  if (!/^\d+$/.test(sweepSitesRaw) || Number(sweepSitesRaw) < 1 || Number(sweepSitesRaw) > 2000) problems.push(`MONITOR_SWEEP_SITES: "${sweepSitesRaw}" harus angka 1–2000.`);

  // The PostgreSQL pool (decision 0015): a worker's sweep keeps MONITOR_SWEEP_SITES checks in
  // flight, each reading, reserving host slots and committing on the pool; at 600 sites 10
  // connections made checks wait past the 5 s connect limit. A worker's pool grows with the
  // setting (one connection per 20 sites, at least 10); DATABASE_POOL_MAX sets it outright.
  const poolRaw = get('DATABASE_POOL_MAX');
  if (poolRaw !== undefined && (!/^\d+$/.test(poolRaw) || Number(poolRaw) < 1 || Number(poolRaw) > 500)) problems.push(`DATABASE_POOL_MAX: "${poolRaw}" harus angka 1–500.`);
  if (database.kind === 'postgres') {
    const sweepPool = roleList.includes('worker') && /^\d+$/.test(sweepSitesRaw) ? Math.ceil(Number(sweepSitesRaw) / 20) : 0;
    database = { ...database, poolMax: poolRaw !== undefined ? Number(poolRaw) : Math.max(10, sweepPool) };
  }

  const leaseRaw = get('WORK_LEASE_SECONDS') ?? '120';
  if (!/^\d+$/.test(leaseRaw) || Number(leaseRaw) < 1 || Number(leaseRaw) > 3600) problems.push(`WORK_LEASE_SECONDS: "${leaseRaw}" harus angka 1–3600.`);

  const secret = get('BERANDA_SECRET') ?? '';
  if (secret && secret.length < 32) {
    problems.push(`BERANDA_SECRET: terlalu pendek (minimal 32 karakter acak) — ${MAKE_SECRET}`);
  }
  const tokenEncryptionKey = get('TOKEN_ENCRYPTION_KEY') ?? null;
  if (tokenEncryptionKey && !isKey32(tokenEncryptionKey)) {
    problems.push(`TOKEN_ENCRYPTION_KEY: harus 32 byte dalam hex (64 karakter) atau base64 — ${MAKE_SECRET}`);
  }

  const tiktokAuditedRaw = get('TIKTOK_APP_AUDITED') ?? '0';
  if (!['0', '1', 'true', 'false'].includes(tiktokAuditedRaw)) {
    problems.push(`TIKTOK_APP_AUDITED: "${tiktokAuditedRaw}" harus 1 atau 0 (1 only after TikTok approved the app's audit).`);
  }

  const smtpUrl = get('SMTP_URL') ?? null;
  if (smtpUrl && !/^smtps?:\/\//.test(smtpUrl)) {
    problems.push(`SMTP_URL: "${smtpUrl}" harus diawali smtp:// atau smtps://.`);
  }

  const monitorAllow = (get('MONITOR_ALLOW') ?? '').split(',').map((x) => x.trim()).filter(Boolean);
  for (const entry of monitorAllow) {
    const ok = /^[0-9.]+(\/\d{1,2})?$|^[0-9a-f:]+(\/\d{1,3})?$|^\.?[a-z0-9-]+(\.[a-z0-9-]+)*$/i.test(entry);
    if (!ok) problems.push(`MONITOR_ALLOW: "${entry}" bukan jaringan (127.0.0.0/8, ::1) atau akhiran nama (.test).`);
  }
  const proxiesRaw = get('TRUSTED_PROXIES') ?? 'loopback';
  const trustedProxies = proxiesRaw.split(',').map((p) => p.trim()).filter((p) => p && p !== 'none');
  for (const p of trustedProxies) {
    if (!isProxyEntry(p)) problems.push(`TRUSTED_PROXIES: "${p}" bukan alamat IP atau rentang CIDR (e.g. loopback, 10.0.0.5, 172.18.0.0/16, none).`);
  }

  const retention = {} as RetentionConfig;
  for (const [key, [name, fallback, min, zeroForever]] of Object.entries(RETENTION) as [keyof RetentionConfig, [string, number, number, boolean?]][]) {
    const raw = get(name);
    const n = raw === undefined ? fallback : Number(raw);
    if (!Number.isInteger(n) || (n < min && !(zeroForever && n === 0))) {
      problems.push(`${name}: "${raw}" harus bilangan bulat ≥ ${min}${zeroForever ? ' (atau 0 = simpan selamanya)' : ''}.`);
    }
    retention[key] = n;
  }

  if (problems.length > 0) throw new ConfigError(problems);

  return {
    port,
    host,
    database,
    publicUrl,
    region,
    siteDomain,
    demo,
    mediaDir,
    objectStore,
    dataDir,
    pelayananDir,
    secret: secret || randomDevSecret(),
    secretProvided: secret !== '',
    tokenEncryptionKey,
    logLevel,
    roles: { web: roleList.includes('web'), worker: roleList.includes('worker') },
    webProcesses,
    pageCache: pageCacheRaw !== '0',
    workLeaseMs: Number(leaseRaw) * 1000,
    monitorSweepSites: Number(sweepSitesRaw),
    secureCookies: publicUrl.startsWith('https://'),
    smtpUrl,
    mailFrom: get('MAIL_FROM') ?? 'Beranda <noreply@localhost>',
    telegramBotToken: get('TELEGRAM_BOT_TOKEN') ?? null,
    telegramApiBase: get('TELEGRAM_API_BASE') ?? 'https://api.telegram.org',
    whatsappToken: get('WHATSAPP_TOKEN') ?? null,
    whatsappPhoneNumberId: get('WHATSAPP_PHONE_NUMBER_ID') ?? null,
    graphApiBase: get('GRAPH_API_BASE') ?? 'https://graph.facebook.com/v23.0',
    tiktokApiBase: get('TIKTOK_API_BASE') ?? 'https://open.tiktokapis.com',
    facebookAppId: get('FACEBOOK_APP_ID') ?? null,
    facebookAppSecret: get('FACEBOOK_APP_SECRET') ?? null,
    tiktokClientKey: get('TIKTOK_CLIENT_KEY') ?? null,
    tiktokClientSecret: get('TIKTOK_CLIENT_SECRET') ?? null,
    tiktokAudited: tiktokAuditedRaw === '1' || tiktokAuditedRaw === 'true',
    monitorAllow,
    retention,
    trustedProxies,
  };
}

/** The keys before a rotation (`npm run beranda -- keys rotate`): the old token key or, when tokens were sealed with the key derived from it, the old BERANDA_SECRET. */
export interface OldKeys {
  tokenEncryptionKey: string | null;
  secret: string | null;
}

export function loadOldKeys(env: Env = process.env): OldKeys {
  const problems: string[] = [];
  const tokenEncryptionKey = readSecret(env, 'OLD_TOKEN_ENCRYPTION_KEY', problems) ?? null;
  if (tokenEncryptionKey && !isKey32(tokenEncryptionKey)) problems.push('OLD_TOKEN_ENCRYPTION_KEY: harus 32 byte dalam hex (64 karakter) atau base64.');
  const secret = readSecret(env, 'OLD_BERANDA_SECRET', problems) ?? null;
  if (problems.length > 0) throw new ConfigError(problems);
  return { tokenEncryptionKey, secret };
}

/** How to make a secret, said in every line that asks for one. */
export const MAKE_SECRET = 'buat dengan: openssl rand -hex 32';

/**
 * What a real deployment (demo off) must have before serving, one line each; empty when fine.
 * Without BERANDA_SECRET the signing secret and the token key derived from it change at every
 * start, so connected social accounts stop working after a restart. Checked by `npm start` and
 * `npm run beranda -- doctor`, not by every CLI command (a backup needs no secret).
 */
export function servingProblems(config: Config): string[] {
  if (config.demo) return [];
  const problems: string[] = [];
  if (!config.secretProvided) {
    problems.push(`BERANDA_SECRET belum diisi: wajib bila BERANDA_DEMO=0 (minimal 32 karakter acak) — ${MAKE_SECRET}`);
  }
  if ((config.facebookAppId || config.tiktokClientKey) && !config.tokenEncryptionKey) {
    problems.push(`TOKEN_ENCRYPTION_KEY belum diisi: wajib bila aplikasi Facebook/TikTok dipasang (kunci token akun media sosial) — ${MAKE_SECRET}`);
  }
  return problems;
}

function isProxyEntry(p: string): boolean {
  if (p === 'loopback') return true;
  const [addr, bits, extra] = p.split('/');
  const family = isIP(addr ?? '');
  if (!family || extra !== undefined) return false;
  if (bits === undefined) return true;
  const n = Number(bits);
  return /^\d+$/.test(bits) && n >= 0 && n <= (family === 4 ? 32 : 128);
}

function isKey32(k: string): boolean {
  if (/^[0-9a-fA-F]{64}$/.test(k)) return true;
  try {
    return Buffer.from(k, 'base64').length === 32;
  } catch {
    return false;
  }
}

function randomDevSecret(): string {
  // Without BERANDA_SECRET, signed links stop working after a restart; acceptable for a demo.
  return Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('hex');
}
