import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import type { Clock } from '../../shared/clock.js';
import { addOpd } from './add-opd.js';

export interface OpdCsvOutcome {
  created: number;
  unchanged: number;
  /** One Indonesian line per refused row, with its line number, so staff can fix the file. */
  problems: string[];
}

const HEADER_ALIASES: Record<string, string> = {
  nama: 'name', name: 'name', singkatan: 'slug', slug: 'slug', website: 'website', situs: 'website',
  facebook: 'facebook', instagram: 'instagram', tiktok: 'tiktok', youtube: 'youtube',
};

/** Minimal RFC 4180 parser: quoted fields, doubled quotes, commas or semicolons (Excel id-ID uses ;). */
export function parseCsv(text: string): string[][] {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const sep = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const out: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const src = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === sep) { row.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      row.push(field); field = '';
      if (row.some((f) => f.trim() !== '')) out.push(row);
      row = [];
    } else field += c;
  }
  row.push(field);
  if (row.some((f) => f.trim() !== '')) out.push(row);
  return out;
}

/** Imports OPD from a CSV with a header row (nama, singkatan, website, facebook, instagram, tiktok, youtube). */
export async function importOpdCsv(db: Kysely<DB>, region: string, csv: string, clock: Clock): Promise<OpdCsvOutcome> {
  const rows = parseCsv(csv);
  const outcome: OpdCsvOutcome = { created: 0, unchanged: 0, problems: [] };
  if (rows.length === 0) {
    outcome.problems.push('Berkas CSV kosong. Baris pertama harus berisi judul kolom: nama,singkatan,website,…');
    return outcome;
  }
  const header = rows[0]!.map((h) => HEADER_ALIASES[h.trim().toLowerCase()] ?? '');
  if (!header.includes('name')) {
    outcome.problems.push('Kolom "nama" tidak ditemukan di baris pertama. Contoh judul: nama,singkatan,website,instagram');
    return outcome;
  }
  for (let i = 1; i < rows.length; i++) {
    const rec: Record<string, string> = {};
    rows[i]!.forEach((v, j) => {
      const key = header[j];
      if (key && v.trim() !== '') rec[key] = v.trim();
    });
    const { name = '', slug, ...links } = rec;
    const result = await addOpd(db, region, { name, slug, links }, clock);
    if (!result.ok) {
      const why = result.error === 'slug_taken' ? `singkatan "${result.detail}" sudah dipakai` : result.detail ?? 'data tidak sah';
      outcome.problems.push(`Baris ${i + 1}: ${why}.`);
    } else if (result.value.created) outcome.created++;
    else outcome.unchanged++;
  }
  return outcome;
}
