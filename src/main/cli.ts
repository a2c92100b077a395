import { readFileSync } from 'node:fs';
import { ConfigError, loadConfig } from '../config/index.js';
import { DatabaseUnreachableError, openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { importOpdCsv, importRegion, searchRegencies } from '../modules/units/index.js';
import { systemClock } from '../shared/clock.js';
import { t } from '../i18n/index.js';
import { registrationContext, syncRegistrations } from '../modules/monitoring/index.js';
import { unknownRegionMessage } from './bootstrap.js';

// `npm run beranda -- <command>`: operations an admin runs from a terminal.
const HELP = `Pemakaian: npm run beranda -- <perintah>

  migrate                              jalankan migrasi database (sama dengan npm run migrate)
  units import [--region 19.71]        impor kecamatan dan kelurahan/desa satu kabupaten/kota
  units regions <nama>                 cari kode kabupaten/kota, contoh: units regions aceh selatan
  opd import <berkas.csv> [--region]   impor OPD dari CSV (nama,singkatan,website,facebook,instagram,tiktok,youtube)
`;

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

export async function runCli(args: string[], out: (line: string) => void = console.log): Promise<number> {
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
  if (!(group === 'migrate' || (group === 'units' && command === 'import') || (group === 'opd' && command === 'import'))) {
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
    const region = option(rest, '--region') ?? config.region;
    if (group === 'units') {
      const r = await importRegion(database.db, region, systemClock);
      if (!r.ok) {
        out(unknownRegionMessage(region));
        return 2;
      }
      const v = r.value;
      out(`${v.regencyName} (${v.region}): ${v.kecamatan} kecamatan, ${v.kelurahan} kelurahan, ${v.desa} desa — ${v.created} unit baru, ${v.unchanged} sudah ada.`);
      return 0;
    }
    const file = rest.find((a, i) => !a.startsWith('--') && rest[i - 1] !== '--region');
    if (!file) {
      out('Sebutkan berkas CSV, contoh: npm run beranda -- opd import daftar-opd.csv');
      return 2;
    }
    const outcome = await importOpdCsv(database.db, region, readFileSync(file, 'utf8'), systemClock);
    out(`OPD baru: ${outcome.created}, sudah ada: ${outcome.unchanged}.`);
    // The imported websites and handles are monitored from now on (issue 15 §1).
    const sync = await syncRegistrations(database.db, systemClock, registrationContext({ ...config, region }));
    out(`Pemantauan: ${sync.added} situs/akun didaftarkan, ${sync.removed} dilepas.`);
    for (const r of sync.refused) out(`Situs ${r.url} tidak dipantau: ${t(`mon.error.url_${r.problem}`, { detail: '' })}`);
    for (const p of outcome.problems) out(p);
    return outcome.problems.length ? 1 : 0;
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
