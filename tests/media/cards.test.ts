import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import {
  CARD_SIZES,
  type CardInput,
  type CardSize,
  type CardTemplate,
  formatDateWib,
  renderCard,
  renderCardSvg,
  titleFontSize,
} from '../../src/modules/cards/index.js';
import { textOn } from '../../src/modules/cards/card-templates.js';

const base: Omit<CardInput, 'template' | 'size' | 'title'> = {
  unitName: 'Kelurahan Bacang',
  authority: 'Pemerintah Kota Pangkalpinang',
  text: 'Kantor kelurahan tetap buka untuk surat pengantar. Perekaman KTP-el di Disdukcapil Senin–Kamis.',
  date: new Date('2026-05-04T02:00:00Z'),
  siteLabel: 'bacang.pangkalpinangkota.go.id',
};

interface TextBox { x: number; y: number; width: number; height: number; size: number; text: string }

/** The <text> elements satori writes when fonts are not embedded: one per word or space. */
function textBoxes(svg: string): TextBox[] {
  const out: TextBox[] = [];
  const re = /<text x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"[^>]*font-size="([\d.]+)"[^>]*>([^<]*)<\/text>/g;
  for (const m of svg.matchAll(re)) {
    out.push({ x: +m[1]!, y: +m[2]!, width: +m[3]!, height: +m[4]!, size: +m[5]!, text: m[6]! });
  }
  return out;
}

const TEMPLATES: CardTemplate[] = ['pengumuman', 'kegiatan', 'layanan', 'himbauan', 'ucapan', 'berita'];
const SIZES: CardSize[] = ['portrait', 'story', 'og'];

describe('image cards', () => {
  it('renders every template at Instagram 4:5, TikTok 9:16 and og:image sizes as PNG', async () => {
    for (const template of TEMPLATES) {
      for (const size of SIZES) {
        const card = await renderCard({ ...base, template, size, title: 'Posyandu balita di RW 04' });
        const meta = await sharp(card.data).metadata();
        expect([meta.format, meta.width, meta.height], `${template}/${size}`).toEqual([
          'png', CARD_SIZES[size].width, CARD_SIZES[size].height,
        ]);
      }
    }
  }, 60_000);

  it('gives JPEG for platforms that refuse PNG (Instagram, TikTok)', async () => {
    const card = await renderCard({ ...base, template: 'pengumuman', size: 'story', title: 'Jadwal vaksinasi' }, { format: 'jpeg' });
    const meta = await sharp(card.data).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 1080, 1920]);
  });

  it('wraps and clamps a very long Indonesian title inside the card, ending with an ellipsis', async () => {
    const title =
      'Pemberitahuan kepada seluruh warga Kelurahan Bacang mengenai penyelenggaraan pemeriksaan kesehatan gratis, ' +
      'vaksinasi lanjutan, pembagian bantuan sosial pangan, dan pendataan ulang keluarga penerima manfaat yang ' +
      'akan dilaksanakan serentak di seluruh rukun warga selama dua minggu penuh mulai awal bulan depan';
    for (const size of SIZES) {
      for (const template of ['pengumuman', 'kegiatan', 'ucapan'] as const) {
        const svg = await renderCardSvg({ ...base, template, size, title }, { embedFont: false });
        const { width, height } = CARD_SIZES[size];
        const boxes = textBoxes(svg);
        expect(boxes.length).toBeGreaterThan(10);
        for (const b of boxes) {
          expect(b.x, `${size}/${template} "${b.text}"`).toBeGreaterThanOrEqual(0);
          expect(b.x + b.width, `${size}/${template} "${b.text}"`).toBeLessThanOrEqual(width + 0.5);
          expect(b.y, `${size}/${template} "${b.text}"`).toBeLessThanOrEqual(height);
        }
        // The title's first word fixes its font size; every box of that size is the title.
        const titleSize = boxes.find((b) => b.text === 'Pemberitahuan')!.size;
        const titleBoxes = boxes.filter((b) => b.size === titleSize);
        const lines = new Set(titleBoxes.map((b) => b.y)).size;
        expect(lines, `${size}/${template}`).toBeGreaterThan(1);
        expect(lines, `${size}/${template}`).toBeLessThanOrEqual(size === 'story' ? 7 : 5);
        expect(titleBoxes.some((b) => b.text.includes('…')), `${size}/${template}`).toBe(true);
        // The title stays above the date, which is always shown.
        const date = boxes.find((b) => b.text === 'Senin')!;
        expect(Math.max(...titleBoxes.map((b) => b.y))).toBeLessThan(date.y);
      }
    }
  }, 60_000);

  it('shows a short title whole, in bigger type than a long one', async () => {
    const svg = await renderCardSvg({ ...base, template: 'berita', size: 'portrait', title: 'Kerja bakti Minggu pagi' }, { embedFont: false });
    expect(svg).not.toContain('…');
    expect(textBoxes(svg).filter((b) => b.size === titleFontSize('portrait', 'Kerja bakti Minggu pagi')).map((b) => b.text).join('')).toBe(
      'Kerja bakti Minggu pagi',
    );
    expect(titleFontSize('portrait', 'Kerja bakti')).toBeGreaterThan(titleFontSize('portrait', 'x'.repeat(120)));
  });

  it('breaks a long word (a pasted link) instead of letting it run off the card', async () => {
    const title = 'Daftar di https://bacang.pangkalpinangkota.go.id/layanan/surat-keterangan-tidak-mampu-online-sekarang';
    const svg = await renderCardSvg({ ...base, template: 'pengumuman', size: 'portrait', title }, { embedFont: false });
    for (const b of textBoxes(svg)) expect(b.x + b.width).toBeLessThanOrEqual(1080);
  });

  it('dates cards in WIB with Indonesian names, across midnight UTC', () => {
    expect(formatDateWib(new Date('2026-05-03T18:30:00Z'))).toBe('Senin, 4 Mei 2026');
    expect(formatDateWib(new Date('2026-05-03T16:59:00Z'))).toBe('Minggu, 3 Mei 2026');
    expect(formatDateWib(new Date('2026-08-17T00:00:00Z'))).toBe('Senin, 17 Agustus 2026');
  });

  it('uses the city colours, ignores malformed ones, and keeps text readable on light colours', async () => {
    const svg = await renderCardSvg(
      { ...base, template: 'pengumuman', size: 'og', title: 'Uji warna', colors: { primary: '#7a1f2b', accent: 'red;}' } },
      { embedFont: false },
    );
    expect(svg).toContain('#7a1f2b');
    expect(svg).toContain('#f2b705');
    expect(svg).not.toContain('red;}');
    expect(textOn('#fdf6b2')).toBe('#1a1a1a');
    expect(textOn('#0b4f8a')).toBe('#ffffff');
  });

  it('draws the unit logo when given and still draws the card when the logo is broken', async () => {
    const logo = await sharp({ create: { width: 300, height: 300, channels: 4, background: '#c00000' } }).png().toBuffer();
    const withLogo = await renderCardSvg({ ...base, template: 'pengumuman', size: 'portrait', title: 'Logo', logo });
    expect(withLogo).toContain('data:image/png;base64,');
    const broken = await renderCard({ ...base, template: 'pengumuman', size: 'portrait', title: 'Logo', logo: Buffer.from('not an image') });
    expect((await sharp(broken.data).metadata()).width).toBe(1080);
  });
});
