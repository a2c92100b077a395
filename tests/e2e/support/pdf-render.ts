import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { BrowserHandle } from './browser.js';

// Draws one page of a PDF to a PNG in Chromium with pdfjs-dist (a devDependency): the machine
// has no poppler or Ghostscript, and a headless browser shows no PDF viewer. The pdfjs files
// are served from node_modules under a made-up origin, so nothing is fetched from outside.

const require = createRequire(import.meta.url);
const PDFJS_DIR = path.join(path.dirname(require.resolve('pdfjs-dist/package.json')), 'build');
const ORIGIN = 'http://pdfjs.local';

export async function renderPdfPage(b: BrowserHandle, pdf: Uint8Array, pageNo = 1, scale = 1.5): Promise<Buffer> {
  const ctx = await b.browser.newContext({ viewport: { width: 1000, height: 1400 } });
  const page = await ctx.newPage();
  try {
    await page.route(`${ORIGIN}/**`, async (route) => {
      const name = new URL(route.request().url()).pathname.slice(1);
      if (name === 'index.html') return route.fulfill({ contentType: 'text/html', body: '<!doctype html><canvas id="c"></canvas>' });
      if (name === 'doc.pdf') return route.fulfill({ contentType: 'application/pdf', body: Buffer.from(pdf) });
      if (/^pdf(\.worker)?\.mjs$/.test(name)) return route.fulfill({ contentType: 'text/javascript', body: readFileSync(path.join(PDFJS_DIR, name)) });
      return route.fulfill({ status: 404, body: '' });
    });
    await page.goto(`${ORIGIN}/index.html`);
    // A string, not a function: the test runner rewrites import() inside functions it compiles.
    await page.evaluate(`(async () => {
      const pdfjs = await import('${ORIGIN}/pdf.mjs');
      pdfjs.GlobalWorkerOptions.workerSrc = '${ORIGIN}/pdf.worker.mjs';
      const doc = await pdfjs.getDocument('${ORIGIN}/doc.pdf').promise;
      const p = await doc.getPage(${pageNo});
      const viewport = p.getViewport({ scale: ${scale} });
      const canvas = document.getElementById('c');
      canvas.width = viewport.width;
      canvas.height = viewport.height;
      await p.render({ canvasContext: canvas.getContext('2d'), viewport }).promise;
    })()`);
    return await page.locator('#c').screenshot();
  } finally {
    await ctx.close();
  }
}
