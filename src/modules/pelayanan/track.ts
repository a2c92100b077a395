import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import { type Result, err, ok } from '../../shared/result.js';
import { type CodeKind, codeKindOf, normaliseTrackingCode, verifyPin } from './codes.js';
import type { PelayananDeps } from './deps.js';
import { clearPinMisses, countPinMiss, pinKeysFor, pinWait } from './pin-throttle.js';

// Opening a request or complaint with its code and PIN. There is no lock a stranger who knows a
// code could set off to keep its owner out: wrong PINs grow delays per address, per code and per
// known browser (pin-throttle.ts), so guessing a 6-digit PIN takes a very long time while the
// owner waits at most a minute, or not at all on a phone that opened the code before. Whether a
// code exists is never told: an unknown code is a miss like a wrong PIN.

export interface Opened {
  kind: CodeKind;
  id: string;
  code: string;
}

export type OpenError = 'bad_code' | 'wrong' | 'wait';

type Row = { id: string; pin_hash: string; unit: string };

async function findByCode(db: Kysely<DB>, kind: CodeKind, code: string): Promise<Row | undefined> {
  if (kind === 'layanan') {
    return db.selectFrom('pelayanan_requests').select(['id', 'pin_hash', 'unit_id as unit']).where('tracking_code', '=', code).executeTakeFirst();
  }
  // A complaint is followed on the site it was filed on, wherever it was forwarded.
  return db.selectFrom('pelayanan_complaints').select(['id', 'pin_hash', 'origin_unit_id as unit']).where('tracking_code', '=', code).executeTakeFirst();
}

/**
 * `known`: the browser holds the signed cookie of a code it sent or opened before. A 'wait'
 * error carries the seconds to wait in `detail`.
 */
export async function openTracking(deps: PelayananDeps, args: { unitId: string; code: string; pin: string; ip: string | null; known?: boolean }): Promise<Result<Opened, OpenError>> {
  const code = normaliseTrackingCode(args.code);
  if (!code) return err('bad_code');
  const now = deps.clock.now();
  const keys = pinKeysFor(code, args.ip, args.known === true);
  const wait = await pinWait(deps.db, deps.secret, keys, now);
  if (wait > 0) return err('wait', String(Math.ceil(wait / 1000)));
  const kind = codeKindOf(code);
  const row = await findByCode(deps.db, kind, code);
  const pin = args.pin.trim();
  if (!row || row.unit !== args.unitId || !/^\d{6}$/.test(pin) || !verifyPin(pin, row.pin_hash)) {
    await countPinMiss(deps.db, deps.secret, keys, now);
    return err('wrong');
  }
  await clearPinMisses(deps.db, deps.secret, code, args.ip);
  return ok({ kind, id: row.id, code });
}
