import { readFileSync } from 'node:fs';
import { ConfigError, loadConfig } from '../config/index.js';
import { DatabaseUnreachableError, openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { importOpdCsv, searchRegencies } from '../modules/units/index.js';
import { systemClock } from '../shared/clock.js';
import { t } from '../i18n/index.js';
import { opdCsvProblemText } from '../i18n/opd-csv-problems.js';
import { registrationContext, syncRegistrations } from '../modules/monitoring/index.js';
import { backupCommand, restoreCommand } from './cli/backup.js';
import { demoRemoveCommand } from './cli/demo.js';
import { doctorCommand } from './cli/doctor.js';
import { type CliContext, type CliIo, option, positional } from './cli/io.js';
import { interactive, readSecretLine } from './cli/prompt.js';
import { keysRotateCommand } from './cli/keys.js';
import { mediaMigrateCommand } from './cli/media.js';
import { createAdminCommand } from './cli/users.js';
import { unitsImportCommand } from './cli/units.js';

// `npm run beranda -- <command>`: operations an admin runs from a terminal.
const HELP = `Pemakaian: npm run beranda -- <perintah>

  migrate                              jalankan migrasi database (sama dengan npm run migrate)
  units import [19.71 19.01 …]         impor kecamatan dan kelurahan/desa kabupaten/kota (bawaan: BERANDA_REGION)
  units import --province 19           impor semua kabupaten/kota satu provinsi
  units import --national              impor seluruh Indonesia (514 kabupaten/kota, 83.762 kelurahan/desa)
  units regions <nama>                 cari kode kabupaten/kota, contoh: units regions aceh selatan
  opd import <berkas.csv> [--region]   impor OPD dari CSV (nama,singkatan,website,facebook,instagram,tiktok,youtube)
  users create-admin --username <u> --name "<Nama>" [--email <e>] [--generate] [--scope 19|ID]
                                       buat admin kota (kata sandi diketik, atau --generate: dibuat dan ditampilkan sekali);
                                       --scope 19: admin provinsi, --scope ID: admin nasional
  demo remove [--yes]                  hapus semua akun, isi, kanal dan riwayat demo (tanpa --yes: hanya menghitung)
  backup <berkas.tar>                  cadangan lengkap (database + media + pelayanan) selagi server berjalan
  restore <berkas.tar>                 pulihkan cadangan ke folder data / database yang kosong
  doctor                               periksa pemasangan (rahasia, demo, https, database, folder, disk, pesan)
                                       dan tampilkan apa yang harus diperbaiki
  media migrate --to s3|local          pindahkan media dan dokumen pelayanan dari folder ke bucket S3 (atau
                                       sebaliknya); aman diulang — yang sudah tersalin dilewati
  keys rotate                          enkripsi ulang token media sosial dari kunci lama (OLD_TOKEN_ENCRYPTION_KEY
                                       atau OLD_BERANDA_SECRET) ke kunci yang sekarang dipasang
`;

type Command = (ctx: CliContext, args: string[]) => Promise<number>;

/** Commands that need the configured, migrated database, by "group command". */
const COMMANDS: Record<string, Command> = {
  migrate: async () => 0,
  'units import': unitsImportCommand,
  'opd import': async (ctx, args) => {
    const region = option(args, '--region') ?? ctx.config.region;
    const file = positional(args, ['--region'])[0];
    if (!file) {
      ctx.out('Sebutkan berkas CSV, contoh: npm run beranda -- opd import daftar-opd.csv');
      return 2;
    }
    const outcome = await importOpdCsv(ctx.database.db, region, readFileSync(file, 'utf8'), systemClock);
    ctx.out(`OPD baru: ${outcome.created}, sudah ada: ${outcome.unchanged}.`);
    // The imported websites and handles are monitored from now on (issue 15 §1).
    const sync = await syncRegistrations(ctx.database.db, systemClock, registrationContext({ ...ctx.config, region }));
    ctx.out(`Pemantauan: ${sync.added} situs/akun didaftarkan, ${sync.removed} dilepas.`);
    for (const r of sync.refused) ctx.out(`Situs ${r.url} tidak dipantau: ${t(`mon.error.url_${r.problem}`, { detail: '' })}`);
    for (const p of outcome.problems) ctx.out(opdCsvProblemText(p));
    return outcome.problems.length ? 1 : 0;
  },
  'users create-admin': createAdminCommand,
  'demo remove': demoRemoveCommand,
  'keys rotate': keysRotateCommand,
  'media migrate': mediaMigrateCommand,
};

export async function runCli(args: string[], out: (line: string) => void = console.log, io: Partial<CliIo> = {}): Promise<number> {
  const [group, command, ...rest] = args;
  if (group === 'units' && command === 'regions') {
    const query = rest.join(' ').trim();
    if (!query) {
      out('Tulis sebagian nama, contoh: npm run beranda -- units regions pangkal');
      return 2;
    }
    const found = searchRegencies(query, 20);
    if (found.length === 0) out(`Tidak ada kabupaten/kota yang namanya memuat "${query}".`);
    for (const r of found) out(`${r.code}  ${r.name}`);
    return found.length ? 0 : 1;
  }
  // Backup and restore read the configuration only: no migration of the database they copy,
  // nothing created where a restore needs emptiness.
  if (group === 'backup' || group === 'restore') {
    const run = group === 'backup' ? backupCommand : restoreCommand;
    return run(loadConfig(), [command, ...rest].filter((a): a is string => a !== undefined), out);
  }
  // The doctor checks whether the database is migrated, so it must not migrate it itself.
  if (group === 'doctor') return doctorCommand(loadConfig(), out);
  const key = group === 'migrate' ? 'migrate' : `${group} ${command}`;
  const run = COMMANDS[key];
  if (!run) {
    out(HELP);
    return group ? 2 : 0;
  }

  const config = loadConfig();
  const database = await openDatabase(config.database);
  try {
    const { applied } = await migrateToLatest(database.db);
    if (group === 'migrate') {
      out(applied.length ? `Migrasi diterapkan: ${applied.join(', ')}` : 'Database sudah mutakhir.');
      return 0;
    }
    const ctx: CliContext = { out, readSecret: io.readSecret ?? readSecretLine, interactive: io.interactive ?? interactive(), config, database };
    return await run(ctx, rest);
  } finally {
    await database.close();
  }
}

const isMain = process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/').split('/').pop()!);
if (isMain) {
  runCli(process.argv.slice(2))
    .then((code) => process.exit(code))
    .catch((error) => {
      if (error instanceof ConfigError) error.problems.forEach((p) => console.error(`Konfigurasi salah: ${p}`));
      else if (error instanceof DatabaseUnreachableError) console.error(error.message);
      else console.error(error instanceof Error ? error.message : error);
      process.exit(error instanceof ConfigError ? 2 : 1);
    });
}
