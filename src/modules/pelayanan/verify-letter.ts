import type { Kysely } from 'kysely';
import { findUnitById } from '../units/index.js';
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
    .select(['number', 'issued_at', 'subject', 'signer_title', 'unit_id'])
    .where('verify_code', '=', code)
    .executeTakeFirst();
  const unit = row ? await findUnitById(db, row.unit_id) : undefined;
  if (!row || !unit || unit.region_code !== region) return null;
  return { number: row.number, issuedAt: row.issued_at, subject: row.subject, unitName: unit.name, unitKind: unit.kind, signerTitle: row.signer_title, unitSlug: unit.slug };
}
