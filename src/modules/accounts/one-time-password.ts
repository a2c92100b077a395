import { randomInt } from 'node:crypto';
import { passwordProblem } from './password.js';

// One-time passwords that older staff can read off a sheet of paper and type on a phone: short
// common Indonesian words and digits, no look-alike characters, lower case (phones capitalise
// the first letter; the words carry no capitals so that does not matter to anyone reading it).
// 3 words of 128 and 3 digits: 2^21 × 1000 ≈ 2e9 — enough for a password that is changed at the
// first sign-in and sits behind login throttling (five tries per 15 minutes), and short enough
// (about 22 characters) to stay on one line of a 360 px phone or a printed sheet; `words` raises
// it for the admin password the CLI generates.
const WORDS = [
  'air', 'angin', 'apel', 'awan', 'bambu', 'bangku', 'batu', 'bayam', 'bebek', 'belut', 'benih', 'bintang',
  'bola', 'buku', 'bulan', 'bunga', 'buah', 'cabai', 'camar', 'candi', 'cerah', 'cumi', 'danau', 'daun',
  'delima', 'dermaga', 'duku', 'durian', 'elang', 'embun', 'gajah', 'garam', 'gelas', 'gitar', 'gula', 'gunung',
  'hujan', 'hutan', 'ikan', 'jagung', 'jahe', 'jambu', 'jendela', 'jeruk', 'kabut', 'kain', 'kancil', 'kapal',
  'karang', 'kayu', 'kebun', 'kelapa', 'kemiri', 'kenari', 'kepiting', 'kerang', 'kijang', 'kopi', 'kota', 'kuda',
  'kunyit', 'lada', 'langit', 'laut', 'lilin', 'lobak', 'madu', 'mangga', 'manggis', 'matahari', 'melati', 'merpati',
  'meja', 'nanas', 'nangka', 'padi', 'pagi', 'pantai', 'pasir', 'pelangi', 'pena', 'perahu', 'pinang', 'pisang',
  'pohon', 'pulau', 'rambutan', 'rotan', 'rusa', 'sagu', 'salak', 'sapi', 'sawah', 'sejuk', 'semut', 'senja',
  'sepeda', 'sirih', 'sungai', 'surya', 'talas', 'tanah', 'tebu', 'teh', 'teluk', 'tempe', 'terang', 'timah',
  'tiram', 'tomat', 'topi', 'udang', 'ubi', 'ulat', 'umbi', 'waru', 'wortel', 'zaitun', 'kacang', 'kemangi',
  'kenanga', 'cemara', 'belimbing', 'dahan', 'lembah', 'muara', 'ombak', 'payung',
];

/** A password for `username` that passes the password rules (it never contains the username). */
export function oneTimePassword(username: string, words = 3): string {
  for (;;) {
    const picked = Array.from({ length: words }, () => WORDS[randomInt(WORDS.length)]!);
    const candidate = `${picked.join('-')}-${String(randomInt(1000)).padStart(3, '0')}`;
    if (!passwordProblem(candidate, username)) return candidate;
  }
}
