/** Templates of the composer (issue 4); each gets a layout and a label colour. */
export type CardTemplate = 'pengumuman' | 'kegiatan' | 'layanan' | 'himbauan' | 'ucapan' | 'berita';

/** portrait: Instagram/Facebook 4:5; story: TikTok photo mode 9:16; og: link previews 1.91:1. */
export type CardSize = 'portrait' | 'story' | 'og';

export const CARD_SIZES: Record<CardSize, { width: number; height: number }> = {
  portrait: { width: 1080, height: 1350 },
  story: { width: 1080, height: 1920 },
  og: { width: 1200, height: 630 },
};

export interface CardColors {
  /** The city's main colour: header band, date block. Hex #rrggbb. */
  primary: string;
  /** Second colour: the accent strip and the announcement label. Hex #rrggbb. */
  accent: string;
}

export interface CardInput {
  template: CardTemplate;
  size: CardSize;
  title: string;
  /** Short text under the title (a plain-text summary; clamped). */
  text?: string;
  /** Publication date, or for "kegiatan" the day of the event. Shown in WIB. */
  date: Date;
  /** e.g. "Kelurahan Bacang". */
  unitName: string;
  /** e.g. "Pemerintah Kota Pangkalpinang". */
  authority?: string;
  /** Unit logo: PNG, JPEG or WebP bytes. */
  logo?: Buffer;
  colors?: Partial<CardColors>;
  /** Shown in the footer, without https:// (e.g. "bacang.pangkalpinangkota.go.id"). */
  siteLabel?: string;
  /** For "kegiatan": where it happens (e.g. "Kantor Lurah Bacang, pukul 08.00 WIB"). */
  place?: string;
}
