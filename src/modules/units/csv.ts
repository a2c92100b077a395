import { CsvError, parse } from 'csv-parse/sync';
import { type Result, err, ok } from '../../shared/result.js';

// The one CSV reader (csv-parse, a kept library; decision 0016): the OPD import staff upload and
// the Kemendagri codes of idn-area-data both go through it.

/** A record with the file line it starts on, so messages point where staff look in the file. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/**
 * Reads CSV text: quoted fields (over several lines too), doubled quotes, a byte-order mark,
 * blank lines skipped. The separator is `;` when the first line has more of them than commas
 * (Excel in id-ID saves CSV that way), else `,`. A stray quote inside an unquoted field is kept
 * as text ("Soka\"an" is a real desa name). An unclosed quote is the one failure, with its line.
 */
export function readCsv(text: string): Result<CsvRecord[], 'malformed'> {
  // One line ending, so csv-parse's line count is the line number an editor shows.
  const src = text.replace(/\r\n?/g, '\n');
  let parsed: { record: string[]; raw: string; info: { lines: number } }[];
  let lastEnd = 0;
  try {
    // With info and raw set, csv-parse returns these objects; its types only know string[][].
    parsed = parse(src, {
      ...options(src), info: true, raw: true,
      on_record: (rec, context) => { lastEnd = context.lines; return rec; },
    }) as unknown as typeof parsed;
  } catch (e) {
    if (!(e instanceof CsvError)) throw e;
    // csv-parse names the line where it gave up (the end); staff need the line the quote opened
    // on: the first non-blank line after the last record read.
    const lines = src.split('\n');
    let i = lastEnd;
    while (i < lines.length - 1 && lines[i]!.trim() === '') i++;
    return err('malformed', String(i + 1));
  }
  const records: CsvRecord[] = [];
  for (const { record, raw, info } of parsed) {
    if (!record.some((f) => f.trim() !== '')) continue;
    // info.lines is where the record ends; a quoted field may span lines, and the raw text
    // carries the blank lines skipped before it.
    const spans = raw.replace(/^\n+/, '').replace(/\n$/, '').split('\n').length - 1;
    records.push({ line: info.lines - spans, fields: record });
  }
  return ok(records);
}

/** The same reading without line numbers, for data we ship (83,000 desa rows: several times faster). */
export function readCsvRows(text: string): Result<string[][], 'malformed'> {
  try {
    return ok((parse(text, options(text)) as string[][]).filter((r) => r.some((f) => f.trim() !== '')));
  } catch (e) {
    if (e instanceof CsvError) return err('malformed', String((e as CsvError & { lines?: number }).lines ?? ''));
    throw e;
  }
}

function options(src: string) {
  const firstLine = src.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  return { delimiter, bom: true, relax_quotes: true, relax_column_count: true, skip_empty_lines: true };
}
