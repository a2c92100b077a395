import type { FieldProblem } from '../../../shared/field-problems.js';

// What a staff import says back (issue 19 point 2): codes with the facts each needs, never a
// sentence. The web edge says them from the catalogue (src/web/admin/staff-import-problems.ts).

export type StaffColumn = 'name' | 'username' | 'role' | 'unit' | 'email' | 'phone';

/** Why a whole file could not be read; `line` is the line a person sees in their editor. */
export type SheetProblem =
  | { code: 'missing_columns'; line: number; columns: StaffColumn[] }
  | { code: 'empty' | 'header_only' | 'xlsx_unreadable' | 'xlsx_no_sheet' | 'xlsx_not_workbook' | 'xls_old' }
  | { code: 'too_many'; rows: number; max: number }
  | { code: 'csv_open_quote' | 'csv_unreadable'; line: number | null };

/** What is wrong with one line of the list (the check) or kept it from being created. */
export type StaffProblem =
  | { code: 'role_missing' | 'unit_missing' | 'name_missing' | 'username_unmakeable' }
  | { code: 'role_unknown'; role: string }
  | { code: 'unit_not_found'; unit: string }
  | { code: 'unit_ambiguous'; unit: string; matches: { name: string; kind: string }[] }
  | { code: 'username_taken'; username: string }
  | { code: 'username_in_file'; username: string; line: number }
  /** The user form's own check of a field (accountProblemText says it). */
  | { code: 'account'; problem: FieldProblem };
