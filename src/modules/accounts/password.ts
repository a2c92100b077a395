import type Argon2 from '@node-rs/argon2';
import { lazyPackage } from '../../shared/lazy-package.js';

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

import { PASSWORD_MAX, PASSWORD_MIN } from '../../shared/password-limits.js';

export { PASSWORD_MAX, PASSWORD_MIN };

/** What is wrong with a new password, as a code the web turns into words (accounts.password.<code>). */
export type PasswordProblem = 'too_short' | 'too_long' | 'has_username' | 'guessable';

/**
 * The problem with a new password, or null when it is acceptable. `names` are the person's
 * display name and their units' names (and the city's): a password built from them is easy to
 * guess for anyone who knows where they work.
 */
export function passwordProblem(plain: string, username: string, names: string[] = []): PasswordProblem | null {
  if (plain.length < PASSWORD_MIN) return 'too_short';
  if (plain.length > PASSWORD_MAX) return 'too_long';
  if (plain.toLowerCase().includes(username.toLowerCase())) return 'has_username';
  if (mostlyNames(plain, [username, ...names]) || passwordScore(plain, [username, ...names]) < MIN_SCORE) return 'guessable';
  return null;
}
