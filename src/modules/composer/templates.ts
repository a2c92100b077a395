import type { ComposerTemplate } from '../../db/schema/composer.js';

// The six starting points of "Tulis kabar". Each pre-fills a structure the writer only has to
// complete (blanks in [brackets]), a few tips in plain words, and topic hashtags. The Indonesian
// texts live in src/i18n/messages/composer.ts under composer.tpl.<name>.* so they stay editable
// in one place; this file holds what code needs: the order, the content kind and the card layout.

export const TEMPLATE_NAMES: readonly ComposerTemplate[] = ['pengumuman', 'kegiatan', 'layanan', 'himbauan', 'ucapan', 'berita'];

export interface TemplateInfo {
  name: ComposerTemplate;
  /** Which list of the public site the post lands in. */
  contentKind: 'berita' | 'pengumuman';
  /** Topic hashtags added after the city's and the kelurahan's own; `{Kel}` is the unit's word (Kelurahan, Desa …). */
  hashtags: string[];
}

const INFO: Record<ComposerTemplate, TemplateInfo> = {
  pengumuman: { name: 'pengumuman', contentKind: 'pengumuman', hashtags: ['Pengumuman', 'InfoWarga'] },
  kegiatan: { name: 'kegiatan', contentKind: 'berita', hashtags: ['Kegiatan{Kel}', 'GotongRoyong'] },
  layanan: { name: 'layanan', contentKind: 'pengumuman', hashtags: ['LayananPublik', 'PelayananPrima'] },
  himbauan: { name: 'himbauan', contentKind: 'pengumuman', hashtags: ['Himbauan', 'WargaPeduli'] },
  ucapan: { name: 'ucapan', contentKind: 'berita', hashtags: ['Ucapan', 'HariBesar'] },
  berita: { name: 'berita', contentKind: 'berita', hashtags: ['Berita{Kel}'] },
};

export const templateInfo = (name: ComposerTemplate): TemplateInfo => INFO[name];

export const isTemplate = (v: unknown): v is ComposerTemplate => typeof v === 'string' && (TEMPLATE_NAMES as readonly string[]).includes(v);

/**
 * City, kecamatan and kelurahan hashtags first (house order), then the template's topics. `unitWord`
 * is the unit's own word ("Kelurahan", "Desa", "Kecamatan" …, from the region's terms), so a desa
 * posts #DesaX and #KegiatanDesa, not #KelurahanX (issue 14 point 11).
 */
export function houseHashtags(args: { cityName?: string | null; kecamatanName?: string | null; unitName: string; unitWord: string; template: ComposerTemplate }): string[] {
  const tags: string[] = [];
  if (args.cityName) tags.push(args.cityName.replace(/^(kota|kabupaten)\s+/i, ''));
  tags.push(`${args.unitWord} ${args.unitName}`);
  if (args.kecamatanName && args.unitWord !== 'Kecamatan') tags.push(`Kecamatan ${args.kecamatanName}`);
  return [...tags, ...INFO[args.template].hashtags.map((h) => h.replace('{Kel}', args.unitWord))];
}
