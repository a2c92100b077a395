import { createHash, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import * as z from 'zod';
import type { DB } from '../../db/schema/index.js';
import type { Clock } from '../../shared/clock.js';
import { type FieldProblem, problemsOf } from '../../shared/field-problems.js';
import { newId, newToken } from '../../shared/ids.js';
import { unitRepository } from '../units/index.js';
import { NATIONAL_SCOPE } from '../../shared/region-scope.js';
import { type Result, err, ok } from '../../shared/result.js';
import { accountRepository, type UserRow } from './account-repository.js';
import { recordAudit } from './audit.js';
import { userInputSchema } from './manage-users.js';
import { hashPassword, passwordProblem } from './password.js';

// The first admin kota of a city that starts without demo (issue 13): from the CLI
// (`npm run beranda -- users create-admin`) or from the set-up page, which works only while no
// active admin exists and only with the one-time token the server printed on its console.

export interface AdminInput {
  username: string;
  displayName: string;
  email?: string;
  password: string;
}

export type CreateAdminError = 'invalid' | 'username_taken';
export type CreateAdminResult = Result<UserRow, CreateAdminError> & { problems?: FieldProblem[] };
export type SetUpError = CreateAdminError | 'admin_exists' | 'bad_token';

const adminSchema = userInputSchema.pick({ username: true, displayName: true, email: true });

/** The set-up page's form, parsed at the web edge (the password is checked by adminInputProblems). */
export const setUpFormSchema = adminSchema.extend({ token: z.string().trim(), password: z.string(), confirm: z.string() });

/** Problems by field as codes (accounts.user.<field>, accounts.password.<code>); none when acceptable. */
export function adminInputProblems(input: AdminInput): FieldProblem[] {
  const parsed = adminSchema.safeParse(input);
  const problems = parsed.success ? [] : problemsOf(parsed.error.issues);
  const pw = passwordProblem(input.password, input.username.trim().toLowerCase() || '\u0000', [input.displayName ?? '']);
  if (pw) problems.push({ path: 'password', code: pw });
  return problems;
}

/**
 * Whether an active admin covers the install's regency (decision 0017): one of that regency, of
 * its province or of the whole country. A national install's first admin (scope `ID`) closes the
 * set-up page as a regency admin always did.
 */
export async function hasActiveAdmin(db: Kysely<DB>, region: string): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('role', '=', 'admin_kota')
    .where('status', '=', 'active')
    .where('region_code', 'in', [region, region.split('.')[0]!, NATIONAL_SCOPE])
    .limit(1)
    .executeTakeFirst();
  return !!row;
}

/**
 * The scope the install's first admin gets (decision 0017): the narrowest one holding the
 * install's regency and every imported one — that regency alone (as before), their province
 * when they are of one, else the whole country — so the first admin can reach every unit and
 * make the other admins. Read from the regency rows (514 at most), not the units.
 */
export async function firstAdminScope(db: Kysely<DB>, region: string): Promise<string> {
  const regencies = new Set([region, ...(await unitRepository.regencyCodes(db))]);
  if (regencies.size === 1) return region;
  const provinces = new Set([...regencies].map((c) => c.split('.')[0]!));
  return provinces.size === 1 ? [...provinces][0]! : NATIONAL_SCOPE;
}

/**
 * Creates an admin kota (never a demo account). `mustChangePassword` for a generated password
 * that was shown on a terminal; a password the admin typed is theirs already.
 */
export async function createAdmin(
  db: Kysely<DB>,
  clock: Clock,
  input: AdminInput & { region: string; mustChangePassword: boolean; via: 'cli' | 'setup' },
): Promise<CreateAdminResult> {
  const problems = adminInputProblems(input);
  if (problems.length > 0) return { ...err('invalid'), problems };
  const v = adminSchema.parse(input);
  if (await accountRepository.userByUsername(db, v.username)) return err('username_taken');
  const now = clock.now().toISOString();
  const id = newId(clock.now().getTime());
  const hash = await hashPassword(input.password);
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('users')
      .values({
        id, username: v.username, display_name: v.displayName, password_hash: hash, role: 'admin_kota', region_code: input.region,
        email: v.email ?? null, phone: null, status: 'active',
        must_change_password: input.mustChangePassword ? 1 : 0, is_demo: 0, created_at: now, updated_at: now, last_login_at: null,
      })
      .execute();
    await recordAudit(trx, clock, { actorUserId: null, action: 'user.create', target: v.username, detail: { role: 'admin_kota', via: input.via } });
    // Any set-up code printed earlier is spent: the set-up page is for a city without an admin.
    await trx.deleteFrom('setup_tokens').execute();
  });
  return ok((await accountRepository.userById(db, id))!);
}

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * A new one-time set-up token (the caller prints it). Tokens of earlier starts stay valid until
 * an admin is created, so a web process started in parallel does not invalidate another's token.
 */
export async function issueSetupToken(db: Kysely<DB>, clock: Clock): Promise<string> {
  const token = newToken(24);
  await db.insertInto('setup_tokens').values({ token_hash: hashOf(token), created_at: clock.now().toISOString() }).execute();
  return token;
}

async function tokenValid(db: Kysely<DB>, token: string): Promise<boolean> {
  if (!token || token.length > 100) return false;
  const wanted = Buffer.from(hashOf(token));
  const rows = await db.selectFrom('setup_tokens').select('token_hash').execute();
  return rows.some((r) => r.token_hash.length === wanted.length && timingSafeEqual(Buffer.from(r.token_hash), wanted));
}

/** The set-up page may be shown: no active admin yet (the token is checked on submit). */
export async function setUpOpen(db: Kysely<DB>, region: string): Promise<boolean> {
  return !(await hasActiveAdmin(db, region));
}

export const setUpTokenSchema = z.string().trim();

/**
 * The set-up page's one action: token checked, first admin created (with `firstAdminScope`;
 * `region` is the install's regency), every token spent.
 */
export async function setUpFirstAdmin(
  db: Kysely<DB>,
  clock: Clock,
  input: AdminInput & { token: string; region: string; ip?: string | null },
): Promise<Result<UserRow, SetUpError> & { problems?: FieldProblem[] }> {
  if (await hasActiveAdmin(db, input.region)) return err('admin_exists');
  if (!(await tokenValid(db, setUpTokenSchema.parse(input.token)))) return err('bad_token');
  const region = await firstAdminScope(db, input.region);
  const created = await createAdmin(db, clock, { ...input, region, mustChangePassword: false, via: 'setup' });
  if (!created.ok) return created;
  await recordAudit(db, clock, { actorUserId: created.value.id, action: 'setup.first_admin', target: created.value.username, ip: input.ip ?? null });
  return created;
}
