import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import type { Clock } from '../../shared/clock.js';
import { t } from '../../i18n/index.js';
import { addOpd } from './add-opd.js';
import { readCsv } from './csv.js';

export interface OpdCsvOutcome {
  created: number;
  unchanged: number;
  /** One Indonesian line per refused row (from the catalogue), with its line number, so staff can fix the file. */
  problems: string[];
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
    outcome.problems.push(t('units.opd_csv.open_quote', { line: String(read.detail) }));
    return outcome;
  }
  const rows = read.value;
  if (rows.length === 0) {
    outcome.problems.push(t('units.opd_csv.empty'));
    return outcome;
  }
  const header = rows[0]!.fields.map((h) => HEADER_ALIASES[h.trim().toLowerCase()] ?? '');
  if (!header.includes('name')) {
    outcome.problems.push(t('units.opd_csv.no_name'));
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
      const why = result.error === 'slug_taken' ? t('units.opd_csv.slug_taken', { slug: result.detail ?? '' }) : t(`units.opd_csv.${result.error}`);
      outcome.problems.push(t('units.opd_csv.row', { line: row.line, why }));
    } else if (result.value.created) outcome.created++;
    else outcome.unchanged++;
  }
  return outcome;
}
