import { type Locale, t } from './index.js';

// The words of an OPD CSV import's problem codes (issue 19 points 2 and 3): the units module
// answers { code, line }, and the Tambah OPD page and `npm run beranda -- opd import` say them
// here, from the account-problems catalogue's units.opd_csv.* keys. The shape is the module's
// OpdCsvProblem, written out because src/i18n sits below the modules.

export interface OpdCsvProblemWords {
  code: string;
  line?: number | string;
  slug?: string;
}

/** "Baris 4: Nama OPD minimal 3 dan maksimal 150 huruf." */
export function opdCsvProblemText(p: OpdCsvProblemWords, locale: Locale = 'id'): string {
  if (p.code === 'open_quote') return t('units.opd_csv.open_quote', { line: String(p.line ?? '') }, locale);
  if (p.code === 'empty' || p.code === 'no_name') return t(`units.opd_csv.${p.code}`, {}, locale);
  const why = p.code === 'slug_taken' ? t('units.opd_csv.slug_taken', { slug: p.slug ?? '' }, locale) : t(`units.opd_csv.${p.code}`, {}, locale);
  return t('units.opd_csv.row', { line: String(p.line ?? ''), why }, locale);
}
