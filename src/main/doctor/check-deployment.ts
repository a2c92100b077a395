import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, statfs } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'kysely';
import { type Config, MAKE_SECRET, servingProblems } from '../../config/index.js';
import { type Database, DatabaseUnreachableError, openDatabase, redact } from '../../db/database.js';
import { pendingMigrations } from '../../db/migrate.js';
import { hasActiveAdmin } from '../../modules/accounts/index.js';
import { platformName, tokenKeyFrom, unreadableTokens } from '../../modules/channels/index.js';
import { countAccounts } from '../demo/demo-data.js';

// `npm run beranda -- doctor` (issue 13, point 7): checks a deployment the way a careful admin
// would before opening it to the city, and says for each problem what to do. It reads and
// probes, and changes nothing: no migration, no database file created, a probe file removed.

export type Level = 'ok' | 'info' | 'warn' | 'fail';
export interface Finding {
  level: Level;
  text: string;
}

export interface DoctorOptions {
  /** Free and total bytes of the file system holding `dir` (injected in tests). */
  diskSpace?: (dir: string) => Promise<{ free: number; total: number }>;
  /** Major version of the pg_dump on PATH, or null when it is missing (injected in tests). */
  pgDumpMajor?: () => number | null;
}

const GB = 1024 ** 3;
const LOOPBACK = /^(127\.|::1$|localhost$)/;

export async function checkDeployment(config: Config, opts: DoctorOptions = {}): Promise<Finding[]> {
  const out: Finding[] = [];
  const add = (level: Level, text: string) => out.push({ level, text });

  // Settings: what `npm start` would refuse, checked as for a real deployment even in demo mode.
  if (config.demo) add('fail', 'BERANDA_DEMO=1: mode demo memakai akun dengan kata sandi yang diketahui umum. Setel BERANDA_DEMO=0 untuk layanan sungguhan.');
  else add('ok', 'Mode demo mati (BERANDA_DEMO=0).');
  const secrets = servingProblems({ ...config, demo: false });
  for (const p of secrets) add('fail', p);
  if (config.secretProvided) add('ok', 'BERANDA_SECRET diisi.');
  if (config.tokenEncryptionKey) add('ok', 'TOKEN_ENCRYPTION_KEY diisi.');
  else if (!secrets.some((p) => p.startsWith('TOKEN_ENCRYPTION_KEY'))) add('info', `TOKEN_ENCRYPTION_KEY kosong: token media sosial dikunci dengan kunci turunan BERANDA_SECRET (lebih baik kunci sendiri — ${MAKE_SECRET}).`);
  if (config.publicUrl.startsWith('https://')) add('ok', `PUBLIC_URL ${config.publicUrl} memakai https.`);
  else add('fail', `PUBLIC_URL ${config.publicUrl} bukan https: kata sandi dan sesi staf terkirim tanpa enkripsi. Pasang TLS di nginx dan setel PUBLIC_URL=https://… (docs/deploy.md).`);
  if (!LOOPBACK.test(config.host) && config.trustedProxies.includes('loopback')) {
    add('warn', `HOST=${config.host}: Beranda menerima sambungan langsung, tidak hanya lewat nginx. Setel HOST=127.0.0.1 bila nginx berjalan di mesin yang sama.`);
  }

  const serverMajor = await checkDatabase(config, add);
  for (const [name, dir] of [['MEDIA_DIR', config.mediaDir], ['PELAYANAN_DIR', config.pelayananDir], ['DATA_DIR', config.dataDir]] as const) {
    await checkWritable(name, dir, add);
  }
  await checkDisk(config.dataDir, opts.diskSpace ?? realDiskSpace, add);
  checkMessaging(config, add);
  if (config.database.kind === 'postgres') checkPgDump(opts.pgDumpMajor ?? realPgDumpMajor, serverMajor, add);
  return out;
}

/** Returns the PostgreSQL server's major version (0 when unknown or SQLite), for the pg_dump check. */
async function checkDatabase(config: Config, add: (level: Level, text: string) => void): Promise<number> {
  const target = redact(config.database.url);
  if (config.database.kind === 'sqlite' && config.database.file !== ':memory:' && !existsSync(config.database.file)) {
    add('fail', `Database ${config.database.file} belum ada: jalankan npm run migrate (atau pulihkan cadangan dengan npm run beranda -- restore <berkas>).`);
    return 0;
  }
  let database: Database;
  try {
    database = await openDatabase(config.database);
  } catch (error) {
    const why = error instanceof DatabaseUnreachableError ? (error.message.split('): ')[1] ?? error.message) : (error as Error).message;
    add('fail', `Database ${target} tidak dapat dihubungi (${why}): periksa DATABASE_URL dan pastikan server database berjalan.`);
    return 0;
  }
  try {
    const pending = await pendingMigrations(database.db);
    if (pending.length) {
      add('fail', `Database ${target}: ${pending.length} migrasi belum dijalankan (${pending.slice(0, 3).join(', ')}${pending.length > 3 ? ', …' : ''}): jalankan npm run migrate.`);
      return 0;
    }
    add('ok', `Database ${target} terhubung dan mutakhir.`);
    const db = database.db;
    if (await hasActiveAdmin(db, config.region)) add('ok', `Ada admin kota aktif untuk wilayah ${config.region}.`);
    else add('warn', 'Belum ada admin kota aktif: buat dengan npm run beranda -- users create-admin --username <nama> --name "<Nama Lengkap>".');
    const accounts = await countAccounts(db);
    if (accounts.demo > 0) add('fail', `Masih ada ${accounts.demo} akun demo (kata sandinya diketahui umum): hapus dengan npm run beranda -- demo remove.`);
    const simulated = Number((await db.selectFrom('channel_accounts').select((eb) => eb.fn.countAll<number>().as('n')).where('is_simulation', '=', 1).executeTakeFirstOrThrow()).n);
    if (simulated > 0) add('warn', `${simulated} kanal media sosial tersambung ke platform simulasi (demo): hapus dengan npm run beranda -- demo remove.`);
    const unreadable = await unreadableTokens(db, tokenKeyFrom(config));
    if (unreadable.length) {
      add('fail', `Token ${unreadable.length} akun media sosial tidak terbuka dengan kunci sekarang (${unreadable.slice(0, 5).join(', ')}${unreadable.length > 5 ? ', …' : ''}): pasang kembali kunci lama, atau jalankan npm run beranda -- keys rotate dengan OLD_TOKEN_ENCRYPTION_KEY/OLD_BERANDA_SECRET, atau hubungkan ulang akunnya.`);
    }
    if (config.database.kind !== 'postgres') return 0;
    const row = await sql<{ v: string }>`show server_version_num`.execute(db);
    return Math.floor(Number(row.rows[0]?.v ?? 0) / 10000);
  } finally {
    await database.close();
  }
}

async function checkWritable(name: string, dir: string, add: (level: Level, text: string) => void): Promise<void> {
  // A missing folder is made by `npm start`, below the nearest one that exists: probe that one.
  let at = dir;
  while (!existsSync(at) && path.dirname(at) !== at) at = path.dirname(at);
  try {
    // A real write, not only a permission bit: a read-only mount, a full disk or a file standing
    // where a folder should be shows here (and root passes every permission bit).
    const probe = await mkdtemp(path.join(at, '.doctor-'));
    await rm(probe, { recursive: true });
    add(at === dir ? 'ok' : 'info', at === dir ? `${name} ${dir} dapat ditulisi.` : `${name} ${dir} belum ada; dibuat saat Beranda berjalan.`);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    add('fail', at === dir
      ? `${name} ${dir} tidak dapat ditulisi (${code}): berikan folder itu kepada pengguna layanan (chown -R beranda:beranda ${dir}).`
      : `${name} ${dir} belum ada dan tidak dapat dibuat di ${at} (${code}): buat foldernya dan berikan kepada pengguna layanan (chown beranda:beranda).`);
  }
}

async function realDiskSpace(dir: string): Promise<{ free: number; total: number }> {
  let at = dir;
  while (!existsSync(at) && path.dirname(at) !== at) at = path.dirname(at);
  const s = await statfs(at);
  return { free: s.bavail * s.bsize, total: s.blocks * s.bsize };
}

async function checkDisk(dir: string, space: NonNullable<DoctorOptions['diskSpace']>, add: (level: Level, text: string) => void): Promise<void> {
  const { free, total } = await space(dir);
  const text = `Ruang disk bebas di ${dir}: ${(free / GB).toFixed(1)} GB dari ${(total / GB).toFixed(1)} GB`;
  // Photos arrive daily and a backup needs room next to the data: below 2 GB or a tenth, act now.
  if (free < 2 * GB || free < total * 0.1) add('fail', `${text} — terlalu sedikit: kosongkan ruang atau perbesar disk (cadangan lama, log).`);
  else if (free < 10 * GB) add('warn', `${text} — mulai sempit untuk foto dan cadangan.`);
  else add('ok', `${text}.`);
}

function checkMessaging(config: Config, add: (level: Level, text: string) => void): void {
  add(config.smtpUrl ? 'ok' : 'info', config.smtpUrl ? `E-mail terpasang (SMTP_URL, pengirim ${config.mailFrom}).` : 'E-mail belum dipasang (SMTP_URL): pengingat dan pemberitahuan tidak dikirim lewat e-mail.');
  if (config.smtpUrl && /localhost/.test(config.mailFrom)) add('warn', `MAIL_FROM ${config.mailFrom}: pakai alamat domain pemerintah kota agar e-mail tidak dianggap spam.`);
  if (Boolean(config.whatsappToken) !== Boolean(config.whatsappPhoneNumberId)) {
    add('fail', 'WhatsApp setengah terpasang: WHATSAPP_TOKEN dan WHATSAPP_PHONE_NUMBER_ID harus diisi keduanya.');
  } else {
    add(config.whatsappToken ? 'ok' : 'info', config.whatsappToken ? 'WhatsApp terpasang.' : 'WhatsApp belum dipasang (WHATSAPP_TOKEN, WHATSAPP_PHONE_NUMBER_ID): pengingat tidak dikirim lewat WhatsApp.');
  }
  add(config.telegramBotToken ? 'ok' : 'info', config.telegramBotToken ? 'Telegram terpasang.' : 'Telegram belum dipasang (TELEGRAM_BOT_TOKEN): pengingat tidak dikirim lewat Telegram.');
  const apps = [config.facebookAppId ? `${platformName('facebook')}/${platformName('instagram')}` : null, config.tiktokClientKey ? platformName('tiktok') : null].filter(Boolean);
  add(apps.length ? 'ok' : 'info', apps.length ? `Aplikasi media sosial terpasang: ${apps.join(', ')}.` : 'Aplikasi Facebook/Instagram/TikTok belum dipasang: petugas memakai kit unggah manual untuk media sosial.');
}

function realPgDumpMajor(): number | null {
  const r = spawnSync('pg_dump', ['--version'], { encoding: 'utf8' });
  const m = /(\d+)(\.\d+)?/.exec(r.stdout ?? '');
  return r.status === 0 && m ? Number(m[1]) : null;
}

function checkPgDump(major: () => number | null, serverMajor: number, add: (level: Level, text: string) => void): void {
  const v = major();
  if (v === null) add('fail', 'pg_dump tidak ditemukan: cadangan PostgreSQL memerlukannya — apt-get install postgresql-client.');
  else if (serverMajor && v < serverMajor) add('fail', `pg_dump ${v} lebih tua dari server PostgreSQL ${serverMajor}: cadangan akan ditolak — pasang postgresql-client-${serverMajor}.`);
  else add('ok', `pg_dump ${v} tersedia untuk cadangan.`);
}
