import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { readCsvRows } from './csv.js';

// Reads the official Kemendagri codes shipped in the idn-area-data package (CSV files, no
// network). Village codes whose fourth part starts with 1 are kelurahan, with 2 desa.

export interface RegencyRecord { code: string; name: string; provinceCode: string }
export interface DistrictRecord { code: string; regencyCode: string; name: string }
export interface VillageRecord { code: string; districtCode: string; name: string; kind: 'kelurahan' | 'desa' }

const require = createRequire(import.meta.url);
const packageFile = require.resolve('idn-area-data/package.json');
const dataDir = path.join(path.dirname(packageFile), 'data');

/** Which edition of the data this install ships ("idn-area-data 3.1.2"): an import is complete for that edition only. */
export function regionDataEdition(): string {
  return `idn-area-data ${(JSON.parse(readFileSync(packageFile, 'utf8')) as { version: string }).version}`;
}

/** The rows of one of the package's files (or of some of its lines), without its header. */
function rows(file: string, lines?: string[]): string[][] {
  let text = lines ? lines.join('\n') : readFileSync(path.join(dataDir, file), 'utf8');
  if (!lines) text = text.slice(text.indexOf('\n') + 1);
  const read = readCsvRows(text);
  // The package's files are data we ship: an unreadable one is a bug, not a user's mistake.
  if (!read.ok) throw new Error(`idn-area-data ${file}: unclosed quote at line ${read.detail}`);
  return read.value;
}

/**
 * The lines of a CSV that start with `prefix`, without splitting the whole file: villages.csv
 * has 83,000 lines and every start-up looks up one regency's (~0.1 s and ~10 MB of garbage when
 * every line was split). The file is sorted by code, but this does not rely on it.
 */
function linesStartingWith(file: string, prefix: string): string[] {
  const text = readFileSync(path.join(dataDir, file), 'utf8');
  const out: string[] = [];
  for (let at = text.indexOf(`\n${prefix}`); at !== -1; at = text.indexOf(`\n${prefix}`, at + 1)) {
    const end = text.indexOf('\n', at + 1);
    out.push(text.slice(at + 1, end === -1 ? undefined : end).replace(/\r$/, ''));
  }
  return out;
}

let regencies: RegencyRecord[] | undefined;
export function allRegencies(): RegencyRecord[] {
  regencies ??= rows('regencies.csv').map(([code, provinceCode, name]) => ({ code: code!, provinceCode: provinceCode!, name: name! }));
  return regencies;
}

export function findRegency(code: string): RegencyRecord | undefined {
  return allRegencies().find((r) => r.code === code);
}

let districtCodes: Set<string> | undefined;
/**
 * True when six digits (no dots, "197101") are a real kecamatan code: province, regency and
 * district — the first six digits of every NIK and KK number.
 */
export function isDistrictCode(sixDigits: string): boolean {
  districtCodes ??= new Set(rows('districts.csv').map(([code]) => code!.replace(/\./g, '')));
  return districtCodes.has(sixDigits);
}

export function districtsOf(regencyCode: string): DistrictRecord[] {
  return rows('districts.csv')
    .filter(([, rc]) => rc === regencyCode)
    .map(([code, rc, name]) => ({ code: code!, regencyCode: rc!, name: name! }));
}

const village = ([code, districtCode, name]: string[]): VillageRecord => ({
  code: code!,
  districtCode: districtCode!,
  name: name!,
  kind: code!.split('.')[3]!.startsWith('1') ? 'kelurahan' : 'desa',
});

export function villagesOf(regencyCode: string): VillageRecord[] {
  const prefix = `${regencyCode}.`;
  // Every record of these files is one line, so the regency's lines can be picked before parsing.
  return rows('villages.csv', linesStartingWith('villages.csv', prefix)).map(village);
}

/** The regencies of one province ("19"), in code order. */
export function regenciesOf(provinceCode: string): RegencyRecord[] {
  return allRegencies().filter((r) => r.provinceCode === provinceCode);
}

const byRegency = <T>(list: T[], regencyOf: (x: T) => string): Map<string, T[]> => {
  const out = new Map<string, T[]>();
  for (const x of list) {
    const key = regencyOf(x);
    const group = out.get(key);
    if (group) group.push(x);
    else out.set(key, [x]);
  }
  return out;
};

/**
 * Every district and village grouped by regency, each file parsed once: importing a province or
 * the whole country must not rescan the 83,000-line file per regency. Not cached (a one-off
 * import must not keep ~30 MB alive in a serving process).
 */
export function allAreasByRegency(): { districts: Map<string, DistrictRecord[]>; villages: Map<string, VillageRecord[]> } {
  const districts = rows('districts.csv').map(([code, rc, name]) => ({ code: code!, regencyCode: rc!, name: name! }));
  const villages = rows('villages.csv').map(village);
  return {
    districts: byRegency(districts, (d) => d.regencyCode),
    villages: byRegency(villages, (v) => v.code.split('.').slice(0, 2).join('.')),
  };
}

/** "KABUPATEN ACEH SELATAN" → "Kabupaten Aceh Selatan" (keeps short words like "dan" lower). */
export function titleCase(name: string): string {
  return name
    .toLowerCase()
    .split(/\s+/)
    .map((w, i) => (i > 0 && ['dan'].includes(w) ? w : w.replace(/(^|[-(])(\p{L})/gu, (_m, p, c: string) => p + c.toUpperCase())))
    .join(' ');
}

/** Regencies whose name contains the words, for "which code is mine?" help. */
export function searchRegencies(query: string, limit = 10): RegencyRecord[] {
  // "pangkalpinang" must find "KOTA PANGKAL PINANG": compare without spaces as well.
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return allRegencies()
    .filter((r) => {
      const name = r.name.toLowerCase();
      const squashed = name.replace(/\s+/g, '');
      return words.every((w) => name.includes(w) || squashed.includes(w));
    })
    .slice(0, limit);
}

let provinces: Map<string, string> | undefined;
/** Province code → its title-cased name; titled once (the beranda asks on every render). */
function provinceNames(): Map<string, string> {
  provinces ??= new Map(rows('provinces.csv').map(([code, name]) => [code!, titleCase(name!).replace(/^Dki\b/, 'DKI')]));
  return provinces;
}

/** "19.71" → "Kepulauan Bangka Belitung": the province of a regency (or of "19"), for addresses. */
export function provinceNameOf(regencyCode: string): string | undefined {
  return provinceNames().get(regencyCode.split('.')[0]!);
}

/** Every province, in code order. */
export function allProvinces(): { code: string; name: string }[] {
  return [...provinceNames()].map(([code, name]) => ({ code, name }));
}
