import { performance } from 'node:perf_hooks';
import { type ImportSummary, type RegionSelection, allProvinces, importRegions } from '../../modules/units/index.js';
import { systemClock } from '../../shared/clock.js';
import { unknownRegionMessage } from '../bootstrap.js';
import { type CliContext, flag, option, positional } from './io.js';

/** Beyond this many regencies the command prints one line per province, not per regency. */
const LINES_PER_REGENCY_UP_TO = 10;

/**
 * `units import [19.71 19.01 …] [--region 19.71] [--province 19] [--national]`: one regency (the
 * configured one by default), several, every regency of a province, or the whole country.
 * Safe to repeat: what exists is matched by official code and left as it is.
 */
export async function unitsImportCommand(ctx: CliContext, args: string[]): Promise<number> {
  const sel = selection(args, ctx.config.region);
  const started = performance.now();
  const done: ImportSummary[] = [];
  const r = await importRegions(ctx.database.db, sel, systemClock, (s) => {
    done.push(s);
    if (!('national' in sel) && !('province' in sel) && done.length <= LINES_PER_REGENCY_UP_TO) ctx.out(line(s));
  });
  if (!r.ok) {
    ctx.out(unknownRegionMessage(r.detail ?? ''));
    return 2;
  }
  if (r.value.length > LINES_PER_REGENCY_UP_TO || 'national' in sel || 'province' in sel) {
    const names = new Map(allProvinces().map((p) => [p.code, p.name]));
    for (const [code, list] of byProvince(r.value)) ctx.out(`Provinsi ${names.get(code) ?? code} (${code}): ${list.length} kabupaten/kota — ${totals(list)}.`);
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  ctx.out(`Jumlah ${r.value.length} kabupaten/kota: ${totals(r.value)}. Waktu ${seconds} detik.`);
  return 0;
}

function selection(args: string[], configured: string): RegionSelection {
  if (flag(args, '--national')) return { national: true };
  const province = option(args, '--province');
  if (province) return { province };
  const region = option(args, '--region');
  const codes = [...(region ? [region] : []), ...positional(args, ['--region'])];
  return { regencies: codes.length ? codes : [configured] };
}

const line = (v: ImportSummary) =>
  `${v.regencyName} (${v.region}): ${v.kecamatan} kecamatan, ${v.kelurahan} kelurahan, ${v.desa} desa — ${v.created} unit baru, ${v.unchanged} sudah ada.`;

function totals(list: ImportSummary[]): string {
  const sum = (k: 'kecamatan' | 'kelurahan' | 'desa' | 'created' | 'unchanged') => list.reduce((n, s) => n + s[k], 0);
  return `${sum('kecamatan')} kecamatan, ${sum('kelurahan')} kelurahan, ${sum('desa')} desa — ${sum('created')} unit baru, ${sum('unchanged')} sudah ada`;
}

function byProvince(list: ImportSummary[]): Map<string, ImportSummary[]> {
  const out = new Map<string, ImportSummary[]>();
  for (const s of list) {
    const code = s.region.split('.')[0]!;
    out.set(code, [...(out.get(code) ?? []), s]);
  }
  return out;
}
