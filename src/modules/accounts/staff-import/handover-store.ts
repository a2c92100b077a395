import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema/index.js';
import { pruneOldest } from '../../../db/prune.js';
import type { Clock } from '../../../shared/clock.js';
import { newId } from '../../../shared/ids.js';
import type { Actor } from '../actor.js';
import type { ImportOutcome } from './create-staff.js';

// Where a staff import's handover waits for the admin who made it (issue 13): sealed with
// AES-256-GCM under a key derived from BERANDA_SECRET (bound to its row id), readable only by
// its creator, for a day at most. So a reload, a print or a double tap on "Buat" shows the same
// passwords, while a copied database alone reveals none of them.

export const HANDOVER_TTL_MS = 24 * 3_600_000;

const keyOf = (secret: string) => createHash('sha256').update(`beranda-staff-handover:${secret}`).digest();

function seal(secret: string, id: string, data: ImportOutcome): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(secret), iv);
  cipher.setAAD(Buffer.from(id));
  const body = Buffer.concat([cipher.update(JSON.stringify(data), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

function open(secret: string, id: string, sealed: string): ImportOutcome | null {
  try {
    const raw = Buffer.from(sealed, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', keyOf(secret), raw.subarray(0, 12));
    decipher.setAAD(Buffer.from(id));
    decipher.setAuthTag(raw.subarray(12, 28));
    return JSON.parse(Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8')) as ImportOutcome;
  } catch {
    // Another secret (a restart of a demo without BERANDA_SECRET) or a damaged row.
    return null;
  }
}

/** `region`: the regency the accounts were made in (the served one for a province admin). */
export async function keepHandover(db: Kysely<DB>, clock: Clock, actor: Actor, secret: string, data: ImportOutcome, region = actor.regionCode): Promise<string> {
  const id = newId(clock.now().getTime());
  const now = clock.now();
  await db
    .insertInto('staff_handovers')
    .values({ id, region_code: region, created_by: actor.id, created_at: now.toISOString(), expires_at: new Date(now.getTime() + HANDOVER_TTL_MS).toISOString(), sealed: seal(secret, id, data) })
    .execute();
  return id;
}

/** The handover for its creator while it has not expired; null for anyone else or after. */
export async function readHandover(db: Kysely<DB>, clock: Clock, actor: Actor, secret: string, id: string): Promise<(ImportOutcome & { createdAt: string }) | null> {
  const row = await db.selectFrom('staff_handovers').selectAll().where('id', '=', id).where('created_by', '=', actor.id).where('expires_at', '>', clock.now().toISOString()).executeTakeFirst();
  const data = row ? open(secret, id, row.sealed) : null;
  return data && row ? { ...data, createdAt: row.created_at } : null;
}

/** "Selesai": the passwords leave the server now. */
export async function discardHandover(db: Kysely<DB>, actor: Actor, id: string): Promise<boolean> {
  const r = await db.deleteFrom('staff_handovers').where('id', '=', id).where('created_by', '=', actor.id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** Retention: expired handovers go, at most `limit` per run. */
export function pruneHandovers(db: Kysely<DB>, now: Date, limit: number): Promise<number> {
  return pruneOldest(db, { table: 'staff_handovers', time: 'expires_at', before: now.toISOString(), limit });
}
