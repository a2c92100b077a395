import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import type { Clock } from '../../shared/clock.js';
import { addOpd } from './add-opd.js';
import { readCsv } from './csv.js';

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

/** Imports OPD from a CSV with a header row (nama, singkatan, website, facebook, instagram, tiktok, youtube). */
export async function importOpdCsv(db: Kysely<DB>, region: string, csv: string, clock: Clock): Promise<OpdCsvOutcome> {
  const read = readCsv(csv);
  const outcome: OpdCsvOutcome = { created: 0, unchanged: 0, problems: [] };
  if (!read.ok) {
    outcome.problems.push(`Baris ${read.detail}: tanda kutip (") dibuka tetapi tidak ditutup.`);
    return outcome;
  }
  const rows = read.value;
  if (rows.length === 0) {
    outcome.problems.push('Berkas CSV kosong. Baris pertama harus berisi judul kolom: nama,singkatan,website,…');
    return outcome;
  }
  const header = rows[0]!.fields.map((h) => HEADER_ALIASES[h.trim().toLowerCase()] ?? '');
  if (!header.includes('name')) {
    outcome.problems.push('Kolom "nama" tidak ditemukan di baris pertama. Contoh judul: nama,singkatan,website,instagram');
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
      const why = result.error === 'slug_taken' ? `singkatan "${result.detail}" sudah dipakai` : result.detail ?? 'data tidak sah';
      outcome.problems.push(`Baris ${row.line}: ${why}.`);
    } else if (result.value.created) outcome.created++;
    else outcome.unchanged++;
  }
  return outcome;
}
