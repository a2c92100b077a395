import { renderPdf } from '../reports/index.js';
import type { LetterContent } from './letter-content.js';

// The letter on A4 in the shape every kelurahan letter has: the letterhead with its double
// rule, the title and number, the opening, the applicant's identity block, the body, the place
// and date, the signature block, and in the corner a QR code to the public verification page
// (pdfmake draws the QR itself; no image library and no network).

const A4_WIDTH = 595.28;
const MARGIN = 56;

export function letterDocDefinition(c: LetterContent, opts: { watermark?: string } = {}) {
  const inner = A4_WIDTH - MARGIN * 2;
  const paragraphs = (text: string) => text.split(/\n+/).filter((p) => p.trim()).map((p) => ({ text: p.trim(), margin: [0, 0, 0, 8], alignment: 'justify' }));
  return {
    pageSize: 'A4',
    pageMargins: [MARGIN, 40, MARGIN, 56],
    info: { title: `${c.judul} ${c.nomor}`, subject: c.judul, creator: 'Beranda' },
    defaultStyle: { font: 'NotoSans', fontSize: 11, lineHeight: 1.25 },
    ...(opts.watermark ? { watermark: { text: opts.watermark, opacity: 0.12, bold: true } } : {}),
    footer: () => ({ text: `Keaslian surat ini dapat diperiksa di ${c.verifyUrl}`, fontSize: 8, color: '#444444', alignment: 'center', margin: [MARGIN, 16, MARGIN, 0] }),
    content: [
      ...c.kop.upper.map((line) => ({ text: line, alignment: 'center', bold: true, fontSize: 12 })),
      { text: c.kop.name, alignment: 'center', bold: true, fontSize: 16 },
      ...(c.kop.address ? [{ text: c.kop.address, alignment: 'center', fontSize: 9 }] : []),
      {
        canvas: [
          { type: 'line', x1: 0, y1: 6, x2: inner, y2: 6, lineWidth: 2.2 },
          { type: 'line', x1: 0, y1: 9.5, x2: inner, y2: 9.5, lineWidth: 0.6 },
        ],
        margin: [0, 0, 0, 16],
      },
      { text: c.judul, alignment: 'center', bold: true, fontSize: 13, decoration: 'underline' },
      { text: `Nomor: ${c.nomor}`, alignment: 'center', margin: [0, 2, 0, 18] },
      ...paragraphs(c.pembuka),
      {
        table: { widths: [130, 10, '*'], body: c.identitas.map(([label, value]) => [label, ':', { text: value, bold: label === 'Nama' }]) },
        layout: 'noBorders',
        margin: [24, 2, 0, 12],
      },
      ...paragraphs(c.isi),
      ...paragraphs(c.penutup),
      {
        columns: [
          {
            width: 150,
            stack: [
              { qr: c.verifyUrl, fit: 92, margin: [0, 6, 0, 4] },
              { text: `Kode verifikasi: ${c.verifyCode}`, fontSize: 8 },
              { text: 'Pindai untuk memeriksa keaslian', fontSize: 8, color: '#444444' },
            ],
          },
          { width: '*', text: '' },
          {
            width: 220,
            stack: [
              { text: c.tempatTanggal },
              { text: c.penandatangan.jabatan, margin: [0, 0, 0, 54] },
              { text: c.penandatangan.nama, bold: true, decoration: 'underline' },
              ...(c.penandatangan.nip ? [{ text: `NIP. ${c.penandatangan.nip}` }] : []),
            ],
          },
        ],
        margin: [0, 18, 0, 0],
        unbreakable: true,
      },
    ],
  };
}

export function renderLetterPdf(c: LetterContent, opts: { watermark?: string } = {}): Promise<Buffer> {
  return renderPdf(letterDocDefinition(c, opts));
}
