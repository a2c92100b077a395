import type Argon2 from '@node-rs/argon2';
import { lazyPackage } from '../../shared/lazy-package.js';
import { t } from '../../i18n/index.js';

// Loaded at the first sign-in or password change, not at start.
const argon2 = lazyPackage<typeof Argon2>('@node-rs/argon2');
const hash: typeof Argon2.hash = (...args) => argon2.hash(...args);
const verify: typeof Argon2.verify = (...args) => argon2.verify(...args);
import { MIN_SCORE, mostlyNames, passwordScore } from './password-strength.js';

// argon2id with the library defaults (19 MiB, t=2), as OWASP recommends for interactive logins.
export const hashPassword = (plain: string): Promise<string> => hash(plain);

export async function verifyPassword(stored: string, plain: string): Promise<boolean> {
  try {
    return await verify(stored, plain);
  } catch {
    return false;
  }
}

// Verifying against a real hash when the user does not exist keeps the response time the same,
// so timing does not reveal which usernames exist.
let dummy: Promise<string> | undefined;
export async function burnVerify(plain: string): Promise<void> {
  dummy ??= hash('beranda-dummy-password-for-timing');
  await verifyPassword(await dummy, plain);
}

export const PASSWORD_MIN = 10;

/**
 * Plain-Indonesian problems with a new password, or null when it is acceptable. `names` are the
 * person's display name and their units' names (and the city's): a password built from them is
 * easy to guess for anyone who knows where they work.
 */
export function passwordProblem(plain: string, username: string, names: string[] = []): string | null {
  if (plain.length < PASSWORD_MIN) return t('accounts.password.too_short', { min: PASSWORD_MIN });
  if (plain.length > 200) return t('accounts.password.too_long', { max: 200 });
  if (plain.toLowerCase().includes(username.toLowerCase())) return t('accounts.password.has_username');
  if (mostlyNames(plain, [username, ...names]) || passwordScore(plain, [username, ...names]) < MIN_SCORE) {
    return t('accounts.password.guessable');
  }
  return null;
}
