import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { inflateSync } from 'node:zlib';

// pdfmake's server API (pdfkit + fontkit underneath) reads TTF, OTF and WOFF, so the bundled
// @fontsource/noto-sans files need no font download at install or run time. fontkit re-inflates
// a WOFF's glyph table for every glyph it reads, which made a 42-unit rapor take seconds, so the
// WOFF files are unpacked once into plain TrueType in memory (woffToSfnt below).
// The latin subset covers Indonesian; it lacks symbols such as ≥ and ✓, so the rapor's texts
// avoid them.
const require = createRequire(import.meta.url);

let dir: string | null = null;
function fontDir(): string {
  // The package's "exports" hides its files from require.resolve, but package.json resolves.
  dir ??= path.join(path.dirname(require.resolve('@fontsource/noto-sans/package.json')), 'files');
  return dir;
}

/** WOFF 1.0 → SFNT (TrueType/OpenType) bytes: the same tables, inflated, with a fresh directory. */
export function woffToSfnt(woff: Buffer): Buffer {
  if (woff.toString('latin1', 0, 4) !== 'wOFF') throw new Error('not a WOFF 1.0 file');
  const flavor = woff.readUInt32BE(4);
  const numTables = woff.readUInt16BE(12);
  const tables: { tag: number; checksum: number; data: Buffer }[] = [];
  for (let i = 0; i < numTables; i++) {
    const e = 44 + i * 20;
    const offset = woff.readUInt32BE(e + 4);
    const compLength = woff.readUInt32BE(e + 8);
    const origLength = woff.readUInt32BE(e + 12);
    const raw = woff.subarray(offset, offset + compLength);
    tables.push({
      tag: woff.readUInt32BE(e),
      checksum: woff.readUInt32BE(e + 16),
      data: compLength < origLength ? inflateSync(raw) : Buffer.from(raw),
    });
  }
  const pow2 = 2 ** Math.floor(Math.log2(numTables));
  const dirSize = 12 + 16 * numTables;
  const total = dirSize + tables.reduce((n, t) => n + ((t.data.length + 3) & ~3), 0);
  const out = Buffer.alloc(total);
  out.writeUInt32BE(flavor, 0);
  out.writeUInt16BE(numTables, 4);
  out.writeUInt16BE(pow2 * 16, 6);
  out.writeUInt16BE(Math.log2(pow2), 8);
  out.writeUInt16BE(numTables * 16 - pow2 * 16, 10);
  let offset = dirSize;
  tables.forEach((t, i) => {
    const r = 12 + i * 16;
    out.writeUInt32BE(t.tag, r);
    out.writeUInt32BE(t.checksum, r + 4);
    out.writeUInt32BE(offset, r + 8);
    out.writeUInt32BE(t.data.length, r + 12);
    t.data.copy(out, offset);
    offset += (t.data.length + 3) & ~3;
  });
  return out;
}

let fonts: { NotoSans: Record<'normal' | 'bold' | 'italics' | 'bolditalics', Buffer> } | null = null;

export function notoSansFonts() {
  const f = (weight: number, style: 'normal' | 'italic') =>
    woffToSfnt(readFileSync(path.join(fontDir(), `noto-sans-latin-${weight}-${style}.woff`)));
  fonts ??= { NotoSans: { normal: f(400, 'normal'), bold: f(700, 'normal'), italics: f(400, 'italic'), bolditalics: f(700, 'italic') } };
  return fonts;
}

export interface PdfKitDoc {
  on(event: 'data', cb: (chunk: Buffer) => void): void;
  on(event: 'end', cb: () => void): void;
  on(event: 'error', cb: (e: Error) => void): void;
  end(): void;
}

interface PdfPrinterCtor {
  new (fonts: ReturnType<typeof notoSansFonts>): { createPdfKitDocument(doc: unknown, options?: unknown): PdfKitDoc };
}

let printer: InstanceType<PdfPrinterCtor> | null = null;

/** Renders a pdfmake document definition to a Buffer. */
export function renderPdf(docDefinition: unknown): Promise<Buffer> {
  printer ??= new (require('pdfmake') as PdfPrinterCtor)(notoSansFonts());
  const doc = printer.createPdfKitDocument(docDefinition);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}
