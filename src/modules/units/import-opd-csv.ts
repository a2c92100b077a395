import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import type { Clock } from '../../shared/clock.js';
import { type AddOpdError, addOpd } from './add-opd.js';
import { readCsv } from './csv.js';

/**
 * Why the file or one of its rows was refused, as a code with the file line, so staff can fix
 * the file; the web page and the CLI say it (src/i18n/opd-csv-problems.ts).
 */
export type OpdCsvProblem =
  | { code: 'open_quote'; line: string }
  | { code: 'empty' | 'no_name' }
  | { code: AddOpdError; line: number; slug?: string };

export interface OpdCsvOutcome {
  created: number;
  unchanged: number;
  problems: OpdCsvProblem[];
}

const HEADER_ALIASES: Record<string, string> = {
  nama: 'name', name: 'name', singkatan: 'slug', slug: 'slug', website: 'website', situs: 'website',
  facebook: 'facebook', instagram: 'instagram', tiktok: 'tiktok', youtube: 'youtube',
};

/** Imports OPD from a CSV with a header row (nama, singkatan, website, facebook, instagram, tiktok, youtube). */
export async function importOpdCsv(db: Kysely<DB>, region: string, csv: string, clock: Clock): Promise<OpdCsvOutcome> {
  const read = readCsv(csv);
  const outcome: OpdCsvOutcome = { created: 0, unchanged: 0, problems: [] };
  if (!read.ok) {
    outcome.problems.push({ code: 'open_quote', line: String(read.detail) });
    return outcome;
  }
  const rows = read.value;
  if (rows.length === 0) {
    outcome.problems.push({ code: 'empty' });
    return outcome;
  }
  const header = rows[0]!.fields.map((h) => HEADER_ALIASES[h.trim().toLowerCase()] ?? '');
  if (!header.includes('name')) {
    outcome.problems.push({ code: 'no_name' });
    return outcome;
  }
  for (const row of rows.slice(1)) {
    const rec: Record<string, string> = {};
    row.fields.forEach((v, j) => {
      const key = header[j];
      if (key && v.trim() !== '') rec[key] = v.trim();
    });
    const { name = '', slug, ...links } = rec;
    const result = await addOpd(db, region, { name, slug, links }, clock);
    if (!result.ok) {
      outcome.problems.push(result.error === 'slug_taken' ? { code: 'slug_taken', line: row.line, slug: result.detail ?? '' } : { code: result.error, line: row.line });
    } else if (result.value.created) outcome.created++;
    else outcome.unchanged++;
  }
  return outcome;
}
