import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';

// What the public verification page (the QR code's target) may say about a letter: that it was
// issued, its number, date, unit, subject and the signing office. Nothing about the person it
// was issued to — the page is public and the code travels with the paper.

export interface VerifiedLetter {
  number: string;
  issuedAt: string;
  subject: string;
  unitName: string;
  unitKind: string;
  signerTitle: string;
  unitSlug: string;
}

export async function verifyLetter(db: Kysely<DB>, region: string, code: string): Promise<VerifiedLetter | null> {
  if (!/^[2-9A-HJ-NP-Z]{12}$/.test(code)) return null;
  const row = await db
    .selectFrom('pelayanan_letters')
    .innerJoin('units', 'units.id', 'pelayanan_letters.unit_id')
    .select(['pelayanan_letters.number', 'pelayanan_letters.issued_at', 'pelayanan_letters.subject', 'pelayanan_letters.signer_title', 'units.name', 'units.kind', 'units.slug', 'units.region_code'])
    .where('pelayanan_letters.verify_code', '=', code)
    .executeTakeFirst();
  if (!row || row.region_code !== region) return null;
  return { number: row.number, issuedAt: row.issued_at, subject: row.subject, unitName: row.name, unitKind: row.kind, signerTitle: row.signer_title, unitSlug: row.slug };
}
