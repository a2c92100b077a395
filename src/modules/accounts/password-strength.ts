import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { lazyPackage } from '../../shared/lazy-package.js';

// Password strength by a maintained estimator (zxcvbn-ts) with its common-password list, the
// Indonesian dictionary, a list of passwords Indonesians often choose, and the person's and
// unit's own names (issue 16 point 8). Everything is in the npm packages; nothing is fetched.

/** Passwords and words common in Indonesia that the packages' lists may miss. */
const INDONESIAN_COMMON = [
  'sayang', 'sayangku', 'cinta', 'cintaku', 'bismillah', 'alhamdulillah', 'indonesia', 'merdeka', 'rahasia', 'katasandi',
  'kata sandi', 'sandi', 'garuda', 'pancasila', 'bhinneka', 'jakarta', 'bandung', 'surabaya', 'bangka', 'belitung',
  'pangkalpinang', 'kelurahan', 'kecamatan', 'kabupaten', 'pemkot', 'pemda', 'diskominfo', 'kominfo', 'lurah', 'camat',
  'operator', 'admin', 'beranda', 'persib', 'persija', 'arema', 'doraemon', 'anakku', 'mamaku', 'papaku', 'ibuku',
  'bapakku', 'keluarga', 'semangat', 'sukses', 'selamat', 'masuk', 'rahasiaku', 'qwerty', 'asdfgh', 'sandiku',
];

// The dictionaries cost ~30 MB: loaded the first time a password is checked, not at start.
let built: ZxcvbnFactory | undefined;
function estimator(): ZxcvbnFactory {
  if (!built) {
    const { ZxcvbnFactory: Factory } = lazyPackage<typeof import('@zxcvbn-ts/core')>('@zxcvbn-ts/core');
    const common = lazyPackage<typeof import('@zxcvbn-ts/language-common')>('@zxcvbn-ts/language-common');
    const indonesian = lazyPackage<typeof import('@zxcvbn-ts/language-id')>('@zxcvbn-ts/language-id');
    built = new Factory({
      dictionary: { ...common.dictionary, ...indonesian.dictionary, indonesianCommon: INDONESIAN_COMMON },
      graphs: common.adjacencyGraphs,
    });
  }
  return built;
}

/** zxcvbn's 0–4; 3 is "safely unguessable" for an online attacker slowed by login delays. */
export const MIN_SCORE = 3;

const wordsOf = (inputs: string[]) =>
  [...new Set(inputs.flatMap((i) => [i, ...i.split(/[\s.\-_]+/)]).map((w) => w.trim().toLowerCase()).filter((w) => w.length >= 3))];

/** The estimator's score, with `inputs` (names, the unit, the city) counted as known words. */
export function passwordScore(plain: string, inputs: string[] = []): number {
  return estimator().check(plain.slice(0, 200), wordsOf(inputs)).score;
}

/**
 * "Bacang2026!!" or "lurahbacang1": little is left once the names are taken out. The estimator
 * rates a name plus a year and symbols as fair; for someone who knows where the person works it
 * is the first guess.
 */
export function mostlyNames(plain: string, inputs: string[]): boolean {
  let letters = plain.toLowerCase().replace(/[^a-z]/g, '');
  for (const w of wordsOf(inputs).map((w) => w.replace(/[^a-z]/g, '')).filter((w) => w.length >= 3).sort((a, b) => b.length - a.length)) {
    letters = letters.split(w).join('');
  }
  return letters.length < 4;
}
