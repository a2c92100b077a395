import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema/index.js';

// Read model. Reads composer_settings (composer): whether a unit's posts need approval before they
// go public. The switch is the composer's (composer/approval-policy.ts writes it), but the one
// publishing policy here must read it, and the composer depends on accounts — importing the
// composer back would make a cycle — so this one read lives here, named.

export async function approvalRequired(db: Kysely<DB>, unitId: string): Promise<boolean> {
  const r = await db.selectFrom('composer_settings').select('approval_required').where('unit_id', '=', unitId).executeTakeFirst();
  return Number(r?.approval_required ?? 0) === 1;
}
