import { mkdir, readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import { withTerms } from '../../i18n/index.js';
import { buildDashboard, raporPdf, raporXlsx } from '../reports/index.js';
import { regionKinds } from '../units/index.js';
import type { Clock } from '../../shared/clock.js';
import { type Result, err, ok } from '../../shared/result.js';
import { loadReportInput } from './report-input.js';
import { periodContaining, previousPeriod } from './period.js';
import { getRule } from './manage-rule.js';

// The rapor for the weekly meeting, made by the worker on a schedule and kept on disk, so the
// Monday meeting has last week's PDF and spreadsheet ready even when nobody opened the
// dashboard. Files are named by region and period: running the job twice rewrites the same two
// files (written to a temporary name first, so a reader never sees half a file).

export interface StoredRapor {
  name: string;
  periodKey: string;
  format: 'pdf' | 'xlsx';
  bytes: number;
  createdAt: string;
}

const NAME = /^rapor-(\d{2}\.\d{2})-(\d{4}-(?:W\d{2}|\d{2}))\.(pdf|xlsx)$/;

export const raporFileName = (region: string, periodKey: string, format: 'pdf' | 'xlsx') => `rapor-${region}-${periodKey}.${format}`;

/** Makes and stores the rapor of a period (default: the last finished period). */
export async function generateRapor(
  db: Kysely<DB>,
  o: { region: string; clock: Clock; dir: string; periodKey?: string },
): Promise<Result<StoredRapor[], 'invalid_period'>> {
  let key = o.periodKey;
  if (!key) {
    const rule = await getRule(db, o.region);
    key = previousPeriod(periodContaining(rule.periodKind, o.clock.now())).key;
  }
  const ctx = await loadReportInput(db, { region: o.region, clock: o.clock, periodKey: key });
  if (!ctx) return err('invalid_period');
  // Made by the worker, outside any request: the region's own words (desa, kabupaten …) are set here.
  const kinds = await regionKinds(db, o.region);
  const [pdf, xlsx] = await withTerms({ unit: kinds.villages, region: kinds.region }, () => {
    const data = buildDashboard(ctx.input);
    return Promise.all([raporPdf(data), raporXlsx(data)]);
  });
  await mkdir(o.dir, { recursive: true });
  const out: StoredRapor[] = [];
  for (const [format, body] of [['pdf', pdf], ['xlsx', xlsx]] as const) {
    const name = raporFileName(o.region, key, format);
    const tmp = path.join(o.dir, `.${name}.${process.pid}.tmp`);
    await writeFile(tmp, body);
    await rename(tmp, path.join(o.dir, name));
    out.push({ name, periodKey: key, format, bytes: body.length, createdAt: o.clock.now().toISOString() });
  }
  return ok(out);
}

/** Stored rapor of the region, newest period first. */
export async function listStoredRapor(dir: string, region: string): Promise<StoredRapor[]> {
  let names: string[] = [];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const out: StoredRapor[] = [];
  for (const name of names) {
    const m = NAME.exec(name);
    if (!m || m[1] !== region) continue;
    const s = await stat(path.join(dir, name));
    out.push({ name, periodKey: m[2]!, format: m[3] as 'pdf' | 'xlsx', bytes: s.size, createdAt: s.mtime.toISOString() });
  }
  return out.sort((a, b) => b.periodKey.localeCompare(a.periodKey) || a.format.localeCompare(b.format));
}

/** One stored file; only names this module wrote are accepted (no path tricks). */
export async function readStoredRapor(dir: string, region: string, name: string): Promise<Buffer | null> {
  const m = NAME.exec(name);
  if (!m || m[1] !== region) return null;
  try {
    return await readFile(path.join(dir, name));
  } catch {
    return null;
  }
}
