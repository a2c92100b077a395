import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import { type Result, err, ok } from '../../shared/result.js';
import { type CodeKind, codeKindOf, normaliseTrackingCode, verifyPin } from './codes.js';
import type { PelayananDeps } from './deps.js';
import { SUBMIT_LIMITS, isThrottled, recordThrottle } from './throttle.js';

// Opening a request or complaint with its code and PIN. Five wrong PINs lock that code for 15
// minutes, and one address may miss 30 times an hour, so guessing a 6-digit PIN would take
// years; the owner of the code is told the lock's end, never whether the code exists.

export const PIN_MAX_FAILURES = 5;
export const PIN_LOCK_MS = 15 * 60_000;

export interface Opened {
  kind: CodeKind;
  id: string;
  code: string;
}

export type OpenError = 'bad_code' | 'wrong' | 'locked' | 'throttled';

type Row = { id: string; pin_hash: string; pin_failures: number; pin_locked_until: string | null; unit: string };

async function findByCode(db: Kysely<DB>, kind: CodeKind, code: string): Promise<Row | undefined> {
  if (kind === 'layanan') {
    return db
      .selectFrom('pelayanan_requests')
      .select(['id', 'pin_hash', 'pin_failures', 'pin_locked_until', 'unit_id as unit'])
      .where('tracking_code', '=', code)
      .executeTakeFirst();
  }
  // A complaint is followed on the site it was filed on, wherever it was forwarded.
  return db
    .selectFrom('pelayanan_complaints')
    .select(['id', 'pin_hash', 'pin_failures', 'pin_locked_until', 'origin_unit_id as unit'])
    .where('tracking_code', '=', code)
    .executeTakeFirst();
}

export async function openTracking(deps: PelayananDeps, args: { unitId: string; code: string; pin: string; ip: string | null }): Promise<Result<Opened, OpenError>> {
  const code = normaliseTrackingCode(args.code);
  if (!code) return err('bad_code');
  const ipLimit = args.ip ? { subject: `track:${args.ip}`, ...SUBMIT_LIMITS.trackPerIp } : null;
  if (ipLimit && (await isThrottled(deps.db, deps.clock, deps.secret, ipLimit))) return err('throttled');
  const kind = codeKindOf(code);
  const row = await findByCode(deps.db, kind, code);
  const now = deps.clock.now();
  if (!row || row.unit !== args.unitId) {
    if (ipLimit) await recordThrottle(deps.db, deps.clock, deps.secret, ipLimit.subject);
    return err('wrong');
  }
  if (row.pin_locked_until && row.pin_locked_until > now.toISOString()) return err('locked');
  const table = kind === 'layanan' ? 'pelayanan_requests' : 'pelayanan_complaints';
  if (!/^\d{6}$/.test(args.pin.trim()) || !verifyPin(args.pin.trim(), row.pin_hash)) {
    const failures = row.pin_failures + 1;
    await deps.db
      .updateTable(table)
      .set(failures >= PIN_MAX_FAILURES ? { pin_failures: 0, pin_locked_until: new Date(now.getTime() + PIN_LOCK_MS).toISOString() } : { pin_failures: failures })
      .where('id', '=', row.id)
      .execute();
    if (ipLimit) await recordThrottle(deps.db, deps.clock, deps.secret, ipLimit.subject);
    return err(failures >= PIN_MAX_FAILURES ? 'locked' : 'wrong');
  }
  if (row.pin_failures > 0 || row.pin_locked_until) await deps.db.updateTable(table).set({ pin_failures: 0, pin_locked_until: null }).where('id', '=', row.id).execute();
  return ok({ kind, id: row.id, code });
}
