import { createRequire } from 'node:module';
import path from 'node:path';

// pdfmake's server API (pdfkit + fontkit underneath) reads TTF, OTF and WOFF, so the bundled
// @fontsource/noto-sans WOFF files work as they are: no font download at install or run time.
// The latin subset covers Indonesian; it lacks symbols such as ≥ and ✓, so the rapor's texts
// avoid them.
const require = createRequire(import.meta.url);

let dir: string | null = null;
function fontDir(): string {
  // The package's "exports" hides its files from require.resolve, but package.json resolves.
  dir ??= path.join(path.dirname(require.resolve('@fontsource/noto-sans/package.json')), 'files');
  return dir;
}

export function notoSansFonts() {
  const f = (weight: number, style: 'normal' | 'italic') => path.join(fontDir(), `noto-sans-latin-${weight}-${style}.woff`);
  return {
    NotoSans: { normal: f(400, 'normal'), bold: f(700, 'normal'), italics: f(400, 'italic'), bolditalics: f(700, 'italic') },
  };
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
