import { normaliseText, wordCount } from './text-rules.js';

// What does not count as activity (issue 15 §3), in one place: the posts and pages every fresh
// install of WordPress, OpenSID and Blogger (and their themes) comes with, in Indonesian and
// English; placeholder text; and posts too trivial to inform anyone ("tes", "coba"). Each rule
// returns a reason the evidence shows next to the ignored item.

export type IgnoreReason = 'platform_default' | 'placeholder' | 'trivial';

interface PlatformDefaults {
  platform: 'wordpress' | 'opensid' | 'blogger' | 'theme';
  /** Whole titles (compared after normalising case, punctuation and spaces). */
  titles: string[];
  /** Phrases whose presence in the body marks the default text. */
  bodies: string[];
}

/** The defaults each platform installs; id_ID first, then the English originals. */
export const PLATFORM_DEFAULTS: PlatformDefaults[] = [
  {
    platform: 'wordpress',
    titles: [
      'Halo dunia!', 'Halo Dunia', 'Laman Contoh', 'Halaman Contoh', 'Contoh Halaman', 'Kebijakan Privasi', 'Tak Berkategori',
      'Hello world!', 'Sample Page', 'Privacy Policy', 'Uncategorized', 'Auto Draft', 'Draf Otomatis',
    ],
    bodies: [
      'selamat datang di wordpress ini adalah pos pertama anda',
      'selamat datang di wordpress ini adalah tulisan pertama anda',
      'sunting atau hapus kemudian mulai menulis',
      'ini adalah laman contoh', 'ini adalah halaman contoh',
      'seorang komentator wordpress',
      'welcome to wordpress this is your first post',
      'edit or delete it then start writing',
      'this is an example page',
      'a wordpress commenter',
    ],
  },
  {
    // OpenSID's starting data (donjo-app sample articles of "Desa Terong").
    platform: 'opensid',
    titles: [
      'Awal mula SID', 'Profil Desa', 'Profil Masyarakat Desa', 'Kontak Kami', 'Badan Permusyawaratan Desa',
      'Lembaga Kemasyarakatan', 'Undang Undang', 'Peraturan Pemerintah', 'Peraturan Desa', 'Peraturan Kepala Desa',
      'Keputusan Kepala Desa', 'Panduan', 'Pengaduan', 'Sejarah Desa', 'Profil Wilayah Desa', 'Profil Potensi Desa',
      'Pemerintah Desa', 'Visi dan Misi',
    ],
    bodies: [
      'sila edit halaman ini', 'contoh sila edit', 'desa terong', 'awalnya ada keinginan dari pemerintah desa balerante',
      'berisi data lembaga yang ada di desa', 'kontak kami berisi cara menghubungi desa', 'isi peraturan',
    ],
  },
  {
    platform: 'blogger',
    titles: ['Judul Postingan', 'Posting Pertama', 'Contoh Postingan', 'Postingan Contoh', 'Sample Post', 'Post Title', 'Tanpa judul', 'Untitled', '(no title)', '(tanpa judul)'],
    bodies: ['ini adalah contoh postingan', 'this is a sample post', 'posting ini adalah contoh'],
  },
  {
    // Theme demo content and CMS starter posts seen on kelurahan sites.
    platform: 'theme',
    titles: ['Judul Berita', 'Contoh Berita', 'Berita Contoh', 'Artikel Contoh', 'Contoh Artikel', 'Judul Artikel', 'Post Format: Standard', 'Template: Sticky', 'Markup: HTML Tags and Formatting'],
    bodies: ['ini adalah contoh berita', 'ini adalah contoh artikel', 'tulis isi berita di sini', 'isi berita di sini', 'tulis konten di sini'],
  },
];

/** Placeholder text, in titles or bodies: lorem ipsum and its variants, and "dummy" text. */
const PLACEHOLDER = [
  'lorem ipsum', 'ipsum dolor', 'dolor sit amet', 'consectetur adipiscing', 'consectetur adipisicing', 'sed do eiusmod',
  'tempor incididunt', 'ut labore et dolore', 'duis aute irure', 'excepteur sint occaecat', 'li europan lingues',
  'far far away behind the word mountains', 'the quick brown fox', 'dummy text', 'teks dummy', 'teks contoh', 'contoh teks',
  'placeholder text', 'isi konten di sini', 'ketik di sini', 'masukkan teks', 'teks di sini', 'lipsum',
];

/** Titles that are a test, not information: "tes", "test 2", "coba posting", "asdf". */
const TRIVIAL_TITLE = /^(tes|test|testing|tst|coba|cobain|coba coba|percobaan|uji coba|ujicoba|tes tes|test test|tes posting|test post|coba posting|coba upload|tes upload|tes berita|test berita|coba berita|asdf|qwerty|aaa+|xxx+|abc|judul|title|draft|draf|baru|new post|posting baru|berita baru|untitled)( ?\d+)?$/;

const norm = (s: string) => normaliseText(s).replace(/[^\p{L}\p{N} ]/gu, ' ').replace(/\s+/g, ' ').trim();

const DEFAULT_TITLES = new Map<string, string>();
for (const d of PLATFORM_DEFAULTS) for (const t of d.titles) DEFAULT_TITLES.set(norm(t), d.platform);
const DEFAULT_BODIES = PLATFORM_DEFAULTS.flatMap((d) => d.bodies.map((b) => [norm(b), d.platform] as const));

/** The fewest words (title and body together) that can inform anyone. */
export const MIN_WORDS = 6;

export interface Ignored {
  reason: IgnoreReason;
  /** What matched, shown in the evidence ("Halo dunia!", "lorem ipsum", "tes"). */
  detail: string;
}

/**
 * Why a post does not count, or null. `body` is what the source carried (feed description,
 * article text, our own post); undefined when the source has no text, so length is not judged.
 */
export function ignoreReason(title: string, body?: string): Ignored | null {
  const t = norm(title);
  const b = body === undefined ? '' : norm(body);
  const platform = DEFAULT_TITLES.get(t);
  // A platform's default title alone is not enough for generic words ("Pengaduan"): OpenSID's
  // static pages count as defaults only when their body is the default body too, or missing.
  if (platform && (platform !== 'opensid' || body === undefined || DEFAULT_BODIES.some(([p]) => b.includes(p)))) {
    return { reason: 'platform_default', detail: title.trim() };
  }
  for (const [phrase] of DEFAULT_BODIES) if (b.includes(phrase)) return { reason: 'platform_default', detail: phrase };
  for (const p of PLACEHOLDER) if (t.includes(p) || b.includes(p)) return { reason: 'placeholder', detail: p };
  if (TRIVIAL_TITLE.test(t) || (t.length > 0 && t.length <= 2)) return { reason: 'trivial', detail: title.trim() };
  if (body !== undefined) {
    const words = wordCount(`${t} ${b === t ? '' : b}`);
    if (words < MIN_WORDS) return { reason: 'trivial', detail: `${words}` };
    if (TRIVIAL_TITLE.test(b)) return { reason: 'trivial', detail: body.trim().slice(0, 40) };
  }
  return null;
}

/** The same post in other words: a title key for recognising re-posts of an older article. */
export function titleKey(title: string): string | null {
  const t = norm(title)
    .replace(/\b(repost|re post|update|updated|diperbarui|ulang)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  // Very short titles ("Pengumuman", "Agenda") repeat honestly; they identify nothing.
  return wordCount(t) >= 3 ? t : null;
}

/** A fingerprint of the beginning of a text, for re-posts under a new title. */
export function textKey(body: string | undefined): string | null {
  if (!body) return null;
  const words = norm(body).split(' ').filter(Boolean);
  return words.length >= 25 ? words.slice(0, 40).join(' ') : null;
}
