import type { Kysely } from 'kysely';
import { unitRepository } from '../../units/index.js';
import * as z from 'zod';
import type { DB, Role } from '../../../db/schema/index.js';
import type { Clock } from '../../../shared/clock.js';
import { newId } from '../../../shared/ids.js';
import { servedRegency } from '../../../shared/region-scope.js';
import { type Result, err, ok } from '../../../shared/result.js';
import { type Actor, ROLES } from '../actor.js';
import { accountRepository } from '../account-repository.js';
import { recordAudit } from '../audit.js';
import { unitsProblem, userInputSchema } from '../manage-users.js';
import { oneTimePassword } from '../one-time-password.js';
import { problemsOf } from '../../../shared/field-problems.js';
import { hashPassword } from '../password.js';
import { canManageCity } from '../policy.js';
import type { StaffInput } from './check-staff-rows.js';
import type { StaffProblem } from './staff-problems.js';

// Creating the accounts of a checked staff list (issue 13, point 6). The lines come back from
// the dry-run page, so each is checked again here (the database may have changed, the page may
// have been edited); a line that no longer passes is skipped and named. Every account gets a
// one-time password that must be changed at the first sign-in; the passwords exist only in
// this call's result (the handover page and sheet), never in the database.

export const staffInputSchema = z.array(
  z.object({
    line: z.number().int().positive(),
    displayName: z.string(),
    username: z.string(),
    role: z.enum(ROLES as [Role, ...Role[]]),
    unitIds: z.array(z.string()).max(500),
    email: z.string().optional(),
    phone: z.string().optional(),
  }),
).max(2000);

/**
 * The "Buat N akun" form: the checked lines come back as JSON in its one field `rows`. Text that
 * is not JSON, or lines that are not staff lines, are a problem of `rows`, never an exception.
 */
export const createStaffFormSchema = z.object({
  rows: z
    .string()
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'not_json' });
        return z.NEVER;
      }
    })
    .pipe(staffInputSchema.min(1)),
});

export interface Handover {
  line: number;
  displayName: string;
  username: string;
  password: string;
  role: Role;
  unitNames: string[];
}

export interface ImportOutcome {
  created: Handover[];
  skipped: { line: number; username: string; problem: StaffProblem }[];
}

/** `region`: the regency served, where a province or national admin imports (decision 0017). */
export async function createImportedStaff(db: Kysely<DB>, clock: Clock, actor: Actor, inputs: StaffInput[], region?: string): Promise<Result<ImportOutcome, 'forbidden'>> {
  const served = servedRegency(actor.regionCode, region);
  if (!canManageCity(actor) || !served) return err('forbidden');
  const units = await unitRepository.ofRegion(db, served);
  const unitById = new Map(units.map((u) => [u.id, u]));
  const kinds = new Map(units.map((u) => [u.id, u.kind]));
  const taken = new Set((await db.selectFrom('users').select('username').execute()).map((u) => u.username));
  const outcome: ImportOutcome = { created: [], skipped: [] };
  const accepted: (StaffInput & { password: string })[] = [];

  for (const input of inputs) {
    const parsed = userInputSchema.safeParse(input);
    const skip = (problem: StaffProblem) => outcome.skipped.push({ line: input.line, username: input.username, problem });
    if (!parsed.success) skip({ code: 'account', problem: problemsOf(parsed.error.issues)[0]! });
    else if (taken.has(parsed.data.username)) skip({ code: 'username_taken', username: parsed.data.username });
    else if (input.unitIds.some((id) => !unitById.has(id))) skip({ code: 'account', problem: { path: 'unitIds', code: 'unknown' } });
    else {
      const problem = unitsProblem(input.role, input.unitIds, kinds);
      if (problem) skip({ code: 'account', problem: { path: 'unitIds', code: problem } });
      else {
        taken.add(parsed.data.username);
        accepted.push({ ...input, username: parsed.data.username, displayName: parsed.data.displayName, email: parsed.data.email, phone: parsed.data.phone, password: oneTimePassword(parsed.data.username) });
      }
    }
  }

  // argon2 is slow by design; four at a time keeps a 260-line import to seconds.
  const hashes: string[] = [];
  for (let i = 0; i < accepted.length; i += 4) hashes.push(...(await Promise.all(accepted.slice(i, i + 4).map((a) => hashPassword(a.password)))));

  const now = clock.now().toISOString();
  await db.transaction().execute(async (trx) => {
    for (const [i, a] of accepted.entries()) {
      const id = newId(clock.now().getTime());
      await trx
        .insertInto('users')
        .values({
          id, username: a.username, display_name: a.displayName, password_hash: hashes[i]!, role: a.role, region_code: served,
          email: a.email ?? null, phone: a.phone ?? null, status: 'active',
          must_change_password: 1, is_demo: 0, created_at: now, updated_at: now, last_login_at: null,
        })
        .execute();
      await accountRepository.setUnits(trx, id, a.unitIds);
      await recordAudit(trx, clock, { actorUserId: actor.id, action: 'user.create', target: a.username, detail: { role: a.role, unitIds: a.unitIds, via: 'import', line: a.line } });
    }
  });
  outcome.created = accepted.map((a) => ({
    line: a.line, displayName: a.displayName, username: a.username, password: a.password, role: a.role, unitNames: a.unitIds.map((id) => unitById.get(id)!.name),
  }));
  return ok(outcome);
}
