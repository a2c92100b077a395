import type { Actor } from './actor.js';
import { type AuditedChangeDeps, cityAuditedChange } from './audited-change.js';
import { clearThrottle } from './login-throttle.js';
import { type OpdInput, addOpd, importOpdCsv } from '../units/index.js';
import * as z from 'zod';
import { ok } from '../../shared/result.js';

// City-level changes made by a person (issue 19 point 2): each is given the actor, refuses anyone
// but admin kota itself ('forbidden', whichever route or job calls it) and writes the change and
// its audit entry in one transaction. They live here rather than in their own modules because
// those modules sit below accounts (units → accounts would be an import cycle).

interface ByAdmin {
  actor: Actor;
  ip?: string | null;
}

/** "Tambah OPD": a new OPD unit in the region; an OPD of the same name is answered, not audited. */
export const addOpdAsAdmin = (deps: AuditedChangeDeps, args: ByAdmin & { region: string; input: OpdInput }) =>
  cityAuditedChange(
    deps,
    args,
    (trx) => addOpd(trx, args.region, args.input, deps.clock),
    (v) => (v.created ? { action: 'unit.create', unitId: v.unit.id, target: v.unit.slug, ip: args.ip ?? null } : null),
  );

/** The "Hapus" form on the throttle list: one entry's key, or a username (every entry of it). */
export const throttleClearSchema = z
  .object({ key: z.string().max(300), username: z.string().trim().toLowerCase().max(100) })
  .transform((v): { key: string } | { username: string } | null => (v.key ? { key: v.key } : v.username ? { username: v.username } : null));

/** A login throttle lifted by hand (one key, or every non-address entry of a username). */
export const clearThrottleAsAdmin = (deps: AuditedChangeDeps, args: ByAdmin & { target: { key: string } | { username: string } }) =>
  cityAuditedChange(
    deps,
    args,
    async (trx) => ok(await clearThrottle(trx, args.target)),
    (cleared) => ({ action: 'login.throttle_cleared', target: 'key' in args.target ? args.target.key : args.target.username, ip: args.ip ?? null, detail: { cleared } }),
  );

/**
 * "Impor OPD dari CSV": every row's OPD and one 'unit.import' entry (counts) together. Rows with
 * a problem are skipped and named; the others are kept, as before.
 */
export const importOpdCsvAsAdmin = (deps: AuditedChangeDeps, args: ByAdmin & { region: string; csv: string }) =>
  cityAuditedChange(
    deps,
    args,
    async (trx) => ok(await importOpdCsv(trx, args.region, args.csv, deps.clock)),
    (out) => ({ action: 'unit.import', ip: args.ip ?? null, detail: { created: out.created, problems: out.problems.length } }),
  );
