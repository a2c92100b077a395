import { deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../src/modules/pelayanan/index.js';
import { TAG_GPS_IFD, readExif } from '../media/exif-reader.js';
import { heicLike, jpegBomb, noisyPhoto, phoneJpegWithGps, pngBomb } from '../media/fixtures.js';

// Citizens' uploads are hostile until proven otherwise (issue 17 point 7): the same checks as the
// composer's photos, plus PDFs that must carry nothing active.

const pdf = (body: string) => Buffer.from(`%PDF-1.7\n${body}\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n`, 'latin1');
const plainPdf = pdf('1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj');

function objStmPdf(hidden: string): Buffer {
  const data = deflateSync(Buffer.from(hidden, 'latin1'));
  const head = Buffer.from(`%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n5 0 obj << /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length ${data.length} >>\nstream\n`, 'latin1');
  return Buffer.concat([head, data, Buffer.from('\nendstream\nendobj\n%%EOF\n', 'latin1')]);
}

describe('citizen document checks', () => {
  it('re-encodes a phone photo upright, as JPEG, without EXIF or GPS', async () => {
    const input = await phoneJpegWithGps();
    expect(readExif((await sharp(input).metadata()).exif!).ifd0.has(TAG_GPS_IFD)).toBe(true);
    const r = await checkDocument(input);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({ kind: 'image', mime: 'image/jpeg' });
    const meta = await sharp(r.value.bytes).metadata();
    expect(meta.exif).toBeUndefined();
    expect([meta.width, meta.height]).toEqual([200, 400]);
    expect(meta.orientation ?? 1).toBe(1);
  });

  it('shrinks a big photo to a readable 2000 px', async () => {
    const r = await checkDocument(await noisyPhoto(2600, 1600, 'jpeg', 5));
    expect(r.ok && (await sharp(r.value.bytes).metadata()).width).toBe(2000);
  });

  it('refuses what is not a picture or a PDF, bombs, HEIC and tiny pictures', async () => {
    expect(await checkDocument(Buffer.alloc(0))).toMatchObject({ error: 'empty' });
    expect(await checkDocument(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'))).toMatchObject({ error: 'not_document' });
    expect(await checkDocument(Buffer.from('<html><script>alert(1)</script></html>'))).toMatchObject({ error: 'not_document' });
    expect(await checkDocument(Buffer.from('PK\x03\x04zip'))).toMatchObject({ error: 'not_document' });
    expect(await checkDocument(pngBomb())).toMatchObject({ error: 'too_many_pixels' });
    expect(await checkDocument(await jpegBomb())).toMatchObject({ error: 'too_many_pixels' });
    expect(await checkDocument(heicLike())).toMatchObject({ error: 'heic_unsupported' });
    expect(await checkDocument(await noisyPhoto(120, 90))).toMatchObject({ error: 'too_small' });
    expect(await checkDocument(Buffer.alloc(16 * 1024 * 1024, 0xff))).toMatchObject({ error: 'too_large' });
    // The magic bytes of a JPEG followed by garbage.
    expect(await checkDocument(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(5000, 7)]))).toMatchObject({ ok: false });
  });

  it('keeps a plain PDF as it is and refuses active, encrypted or truncated ones', async () => {
    const ok = await checkDocument(plainPdf);
    expect(ok).toMatchObject({ ok: true, value: { kind: 'pdf', mime: 'application/pdf' } });
    expect(await checkDocument(pdf('1 0 obj << /Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >> endobj'))).toMatchObject({ error: 'pdf_active_content' });
    expect(await checkDocument(pdf('1 0 obj << /Type /Catalog /Names << /EmbeddedFiles 3 0 R >> >> endobj'))).toMatchObject({ error: 'pdf_active_content' });
    expect(await checkDocument(pdf('1 0 obj << /S /Launch /F (cmd.exe) >> endobj'))).toMatchObject({ error: 'pdf_active_content' });
    expect(await checkDocument(pdf('trailer << /Encrypt 9 0 R >>'))).toMatchObject({ error: 'pdf_encrypted' });
    expect(await checkDocument(Buffer.from('%PDF-1.7\n1 0 obj << >> endobj', 'latin1'))).toMatchObject({ error: 'unreadable' });
  });

  it('looks inside compressed object streams for hidden scripts', async () => {
    expect(await checkDocument(objStmPdf('10 0 << /S /JavaScript /JS (app.launchURL("x")) >>'))).toMatchObject({ error: 'pdf_active_content' });
    expect(await checkDocument(objStmPdf('10 0 << /Type /Page /MediaBox [0 0 595 842] >>'))).toMatchObject({ ok: true });
  });
});
