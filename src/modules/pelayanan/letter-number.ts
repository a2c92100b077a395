import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema/index.js';

// Letter numbers: one sequence per unit per year, in the unit's own format
// ("{kode}/{nomor}/{singkatan}/{bulan}/{tahun}" → 470/012/BACANG/XI/2026). A number is taken in
// the same transaction that approves the request and writes the letter, so a failed approval
// gives its number back (no gap) and two approvals at the same moment never share one.
//
// Why this is safe on both engines: the sequence row is created if missing (a no-op when it
// exists) and then incremented with UPDATE … RETURNING. On PostgreSQL the UPDATE takes the
// row's lock, so a concurrent approval waits and then reads the committed value. On SQLite the
// first statement of the approving transaction is a write, so the database's single writer lock
// is held from there to COMMIT (other processes wait on busy_timeout; in one process Kysely runs
// transactions on its one connection in turn). tests/pelayanan/letter-number*.test.ts prove it.

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];

export function formatLetterNumber(format: string, v: { seq: number; kode: string; singkatan: string; month: number; year: number }): string {
  return format
    .replace(/\{nomor\}/g, String(v.seq).padStart(3, '0'))
    .replace(/\{kode\}/g, v.kode)
    .replace(/\{singkatan\}/g, v.singkatan)
    .replace(/\{bulan\}/g, ROMAN[v.month - 1] ?? String(v.month))
    .replace(/\{tahun\}/g, String(v.year))
    .replace(/\/{2,}/g, '/')
    .replace(/^\/|\/$/g, '');
}

/** Takes the next number of a unit's year. Must run inside the approving transaction, after its first write. */
export async function nextLetterSeq(trx: Transaction<DB> | Kysely<DB>, unitId: string, year: number): Promise<number> {
  await trx
    .insertInto('pelayanan_letter_sequences')
    .values({ unit_id: unitId, year, last_seq: 0 })
    .onConflict((oc) => oc.columns(['unit_id', 'year']).doNothing())
    .execute();
  const row = await trx
    .updateTable('pelayanan_letter_sequences')
    .set((eb) => ({ last_seq: eb('last_seq', '+', 1) }))
    .where('unit_id', '=', unitId)
    .where('year', '=', year)
    .returning('last_seq')
    .executeTakeFirstOrThrow();
  return Number(row.last_seq);
}

/** "Kelurahan Bacang" → "BACANG": the default short name in numbers until the unit sets its own. */
export const defaultAbbreviation = (unitName: string): string =>
  unitName.toUpperCase().normalize('NFKD').replace(/[^A-Z0-9]+/g, '').slice(0, 12) || 'UNIT';
