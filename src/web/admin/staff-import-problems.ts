import type { SheetProblem, StaffProblem } from '../../modules/accounts/index.js';
import { accountProblemText } from '../../i18n/account-problems.js';
import { type Locale, t } from '../../i18n/index.js';

// The words for a staff import's problem codes (issue 19 point 2): the module answers
// { code, …facts }, this one mapping says them on the import pages.

export function sheetProblemText(p: SheetProblem, locale: Locale = 'id'): string {
  switch (p.code) {
    case 'missing_columns':
      return t('staff_import.sheet.missing_columns', { line: p.line, columns: p.columns.map((c) => `"${t(`staff_import.col.${c}`, {}, locale)}"`).join(', ') }, locale);
    case 'too_many':
      return t('staff_import.sheet.too_many', { rows: p.rows, max: p.max }, locale);
    case 'csv_open_quote':
    case 'csv_unreadable': {
      const what = t(`staff_import.sheet.${p.code}`, {}, locale);
      return p.line ? t('staff_import.sheet.at_line', { line: p.line, what }, locale) : what.charAt(0).toUpperCase() + what.slice(1);
    }
    default:
      return t(`staff_import.sheet.${p.code}`, {}, locale);
  }
}

/** `skipped`: said at the creation step, where a taken username reads shorter. */
export function staffProblemText(p: StaffProblem, locale: Locale = 'id', skipped = false): string {
  switch (p.code) {
    case 'account':
      return accountProblemText(p.problem, locale);
    case 'role_unknown':
      return t('staff_import.line.role_unknown', { role: p.role }, locale);
    case 'unit_not_found':
      return t('staff_import.line.unit_not_found', { unit: p.unit }, locale);
    case 'unit_ambiguous':
      return t('staff_import.line.unit_ambiguous', { unit: p.unit, matches: p.matches.map((m) => `${m.name} — ${m.kind}`).join(', ') }, locale);
    case 'username_taken':
      return t(skipped ? 'staff_import.skipped.username_taken' : 'staff_import.line.username_taken', { username: p.username }, locale);
    case 'username_in_file':
      return t('staff_import.line.username_in_file', { username: p.username, line: p.line }, locale);
    default:
      return t(`staff_import.line.${p.code}`, {}, locale);
  }
}
