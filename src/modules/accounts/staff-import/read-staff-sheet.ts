import { parse } from 'csv-parse/sync';
import type { SheetProblem, StaffColumn } from './staff-problems.js';

// Reading the staff list an admin kota uploads (issue 13, point 6): CSV — as Excel and LibreOffice
// save it in Indonesia, with a comma or a semicolon, with or without a BOM — through csv-parse, or
// an XLSX workbook's first sheet through exceljs. Every row keeps the line number a person sees
// in their editor (for a CSV the line where the row begins; for a workbook the row number), so
// each problem can be reported "baris 12".

export type { StaffColumn } from './staff-problems.js';

export interface SheetRow {
  line: number;
  values: Partial<Record<StaffColumn, string>>;
}

export type SheetResult = { ok: true; rows: SheetRow[]; columns: StaffColumn[] } | { ok: false; problem: SheetProblem };

export const MAX_IMPORT_ROWS = 2000;

/** Header texts people write, lower-cased with punctuation folded to spaces. */
const HEADERS: Record<StaffColumn, string[]> = {
  name: ['nama', 'nama lengkap', 'name', 'full name'],
  username: ['nama pengguna', 'username', 'pengguna', 'user', 'login'],
  role: ['peran', 'role', 'jabatan'],
  unit: ['unit', 'kelurahan', 'desa', 'kelurahan desa', 'kecamatan', 'wilayah', 'opd', 'unit kerja'],
  email: ['email', 'e mail', 'surel', 'alamat email'],
  phone: ['whatsapp', 'wa', 'no wa', 'nomor wa', 'nomor whatsapp', 'no whatsapp', 'telepon', 'no telepon', 'hp', 'no hp', 'nomor hp', 'phone'],
};
const REQUIRED: StaffColumn[] = ['name', 'role', 'unit'];

const fold = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

function columnsOf(header: string[]): { map: (StaffColumn | null)[]; missing: StaffColumn[] } {
  const map = header.map((h) => (Object.entries(HEADERS).find(([, names]) => names.includes(fold(h)))?.[0] as StaffColumn | undefined) ?? null);
  return { map, missing: REQUIRED.filter((c) => !map.includes(c)) };
}

function toRows(records: { line: number; cells: string[] }[]): SheetResult {
  const headerAt = records.findIndex((r) => r.cells.some((c) => c.trim() !== ''));
  if (headerAt < 0) return { ok: false, problem: { code: 'empty' } };
  const { map, missing } = columnsOf(records[headerAt]!.cells);
  if (missing.length) return { ok: false, problem: { code: 'missing_columns', line: records[headerAt]!.line, columns: missing } };
  const rows: SheetRow[] = [];
  for (const r of records.slice(headerAt + 1)) {
    if (r.cells.every((c) => c.trim() === '')) continue;
    const values: SheetRow['values'] = {};
    r.cells.forEach((cell, i) => {
      const col = map[i];
      if (col && cell.trim() !== '') values[col] = cell.trim();
    });
    rows.push({ line: r.line, values });
  }
  if (rows.length === 0) return { ok: false, problem: { code: 'header_only' } };
  if (rows.length > MAX_IMPORT_ROWS) return { ok: false, problem: { code: 'too_many', rows: rows.length, max: MAX_IMPORT_ROWS } };
  return { ok: true, rows, columns: [...new Set(map.filter((c): c is StaffColumn => c !== null))] };
}

function decode(bytes: Uint8Array): string {
  const utf8 = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  // Older Excel saves "CSV" in Windows-1252; a replacement character means it was not UTF-8.
  return utf8.includes('\uFFFD') ? new TextDecoder('windows-1252').decode(bytes) : utf8;
}

export function readCsv(bytes: Uint8Array): SheetResult {
  const text = decode(bytes).replace(/^\uFEFF/, '');
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  // Indonesian Excel separates with semicolons (the comma is the decimal sign there).
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  try {
    const parsed = parse(text, { delimiter, raw: true, relax_column_count: true, skip_empty_lines: false, trim: false }) as unknown as { record: string[]; raw: string }[];
    // Line numbers from the raw text of each record (csv-parse's own count goes astray after a
    // quoted value holding a CRLF): a record starts after every line break before it.
    const breaks = (s: string) => s.match(/\r\n|\n|\r/g)?.length ?? 0;
    let consumed = 0;
    const records = parsed.map((p) => {
      const line = 1 + consumed + breaks(/^[\r\n]*/.exec(p.raw)![0]);
      consumed += breaks(p.raw);
      return { line, cells: p.record };
    });
    return toRows(records);
  } catch (error) {
    const e = error as { lines?: number; code?: string };
    const line = e.code === 'CSV_QUOTE_NOT_CLOSED' ? openQuoteLine(text) : e.lines;
    return { ok: false, problem: { code: e.code === 'CSV_QUOTE_NOT_CLOSED' ? 'csv_open_quote' : 'csv_unreadable', line: line || null } };
  }
}

/** Where the quote that never closes was opened (csv-parse names the end of the file). */
function openQuoteLine(text: string): number {
  let inQuote = false;
  let opened = 0;
  text.split(/\r\n|\n|\r/).forEach((l, i) => {
    for (const ch of l) {
      if (ch !== '"') continue;
      if (!inQuote) opened = i + 1;
      inQuote = !inQuote;
    }
  });
  return opened;
}

export async function readXlsx(bytes: Uint8Array): Promise<SheetResult> {
  const { default: Excel } = await import('exceljs');
  const book = new Excel.Workbook();
  try {
    await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    return { ok: false, problem: { code: 'xlsx_unreadable' } };
  }
  const sheet = book.worksheets[0];
  if (!sheet) return { ok: false, problem: { code: 'xlsx_no_sheet' } };
  const records: { line: number; cells: string[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: string[] = [];
    for (let i = 1; i <= row.cellCount; i++) cells.push(row.getCell(i).text ?? '');
    records.push({ line, cells });
  });
  return toRows(records);
}

/** By the file's name and first bytes: an XLSX is a ZIP ("PK"), anything else is read as CSV. */
export async function readStaffSheet(fileName: string, bytes: Uint8Array): Promise<SheetResult> {
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (zip || /\.xlsx$/i.test(fileName)) return zip ? readXlsx(bytes) : { ok: false, problem: { code: 'xlsx_not_workbook' } };
  if (/\.xls$/i.test(fileName)) return { ok: false, problem: { code: 'xls_old' } };
  return readCsv(bytes);
}
