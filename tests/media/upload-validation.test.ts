import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { messages } from '../../src/i18n/messages/media.js';
import { detectImageType } from '../../src/modules/media/detect-image-type.js';
import { readUpload } from '../../src/modules/media/read-upload.js';
import { formatSize } from '../../src/modules/media/refusal.js';
import { MB, defaultMediaLimits } from '../../src/modules/media/types.js';
import { validateImage } from '../../src/modules/media/validate-image.js';
import { animatedGif, countingStream, heicLike, jpegBomb, noisyPhoto, phoneJpegWithGps, pngBomb } from './fixtures.js';

const fill = (template: string, params: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`));

describe('detectImageType', () => {
  it('recognises formats by their first bytes, whatever the name', async () => {
    const base = sharp({ create: { width: 8, height: 8, channels: 3, background: '#123456' } });
    expect(detectImageType(await base.clone().jpeg().toBuffer())).toBe('jpeg');
    expect(detectImageType(await base.clone().png().toBuffer())).toBe('png');
    expect(detectImageType(await base.clone().webp().toBuffer())).toBe('webp');
    expect(detectImageType(await base.clone().gif().toBuffer())).toBe('gif');
    expect(detectImageType(await base.clone().avif().toBuffer())).toBe('avif');
    expect(detectImageType(heicLike())).toBe('heic');
    expect(detectImageType(Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj << >> endobj'))).toBeNull();
    expect(detectImageType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"></svg>'))).toBeNull();
  });
});

describe('validateImage', () => {
  const limits = defaultMediaLimits;

  it('accepts JPEG, PNG, WebP and GIF and reports the displayed size', async () => {
    for (const format of ['jpeg', 'png', 'webp'] as const) {
      const r = await validateImage(await noisyPhoto(640, 480, format), limits);
      expect(r).toMatchObject({ ok: true, value: { format, width: 640, height: 480 } });
    }
    const gif = await validateImage(await animatedGif(), limits);
    // An animated GIF reports one frame's height, not the whole strip.
    expect(gif).toMatchObject({ ok: true, value: { format: 'gif', mime: 'image/gif', width: 200, height: 160 } });
  });

  it('swaps width and height for a photo held sideways (EXIF orientation 6)', async () => {
    const photo = await phoneJpegWithGps();
    expect((await sharp(photo).metadata()).orientation).toBe(6);
    expect(await validateImage(photo, limits)).toMatchObject({ ok: true, value: { width: 200, height: 400 } });
  });

  it('refuses a PDF renamed to .jpg as not a photo', async () => {
    const r = await validateImage(Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n'.repeat(20)), limits);
    expect(r).toMatchObject({ ok: false, error: 'not_image' });
  });

  it('refuses SVG and TIFF as unsupported picture types, naming the type', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>');
    expect(await validateImage(svg, limits)).toMatchObject({ ok: false, error: 'unsupported_type', params: { type: 'SVG' } });
    const tiff = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#fff' } }).tiff().toBuffer();
    expect(await validateImage(tiff, limits)).toMatchObject({ ok: false, error: 'unsupported_type', params: { type: 'TIFF' } });
  });

  it('refuses a decompression bomb from its declared size, before decoding', async () => {
    const bomb = pngBomb();
    expect(bomb.length).toBeLessThan(200_000);
    const r = await validateImage(bomb, limits);
    expect(r).toMatchObject({ ok: false, error: 'too_many_pixels', params: { megapixels: 2500, max: 70 } });
  });

  it('refuses a JPEG whose header declares a huge canvas', async () => {
    const bomb = await jpegBomb();
    expect(bomb.length).toBeLessThan(5_000);
    expect(await validateImage(bomb, limits)).toMatchObject({ ok: false, error: 'too_many_pixels', params: { megapixels: 3600 } });
  });

  it('refuses an image whose side is longer than the encoders allow even when the pixel count is fine', async () => {
    const strip = await sharp({ create: { width: 20_000, height: 120, channels: 3, background: '#abc' } }).png().toBuffer();
    expect(await validateImage(strip, limits)).toMatchObject({ ok: false, error: 'too_many_pixels' });
  });

  it('refuses a HEIC photo with advice to switch the iPhone to the compatible format', async () => {
    const r = await validateImage(heicLike(), limits);
    expect(r).toMatchObject({ ok: false, error: 'heic_unsupported' });
    expect(messages.id['media.refusal.heic_unsupported']).toContain('Paling Kompatibel');
  });

  it('refuses tiny pictures and garbage with a JPEG header', async () => {
    expect(await validateImage(await noisyPhoto(60, 40), limits)).toMatchObject({ ok: false, error: 'too_small' });
    const garbage = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(500, 3)]);
    expect(await validateImage(garbage, limits)).toMatchObject({ ok: false, error: 'unreadable' });
  });

  it('refuses a file over the byte limit with the size in the message', async () => {
    const photo = await noisyPhoto(800, 600);
    const r = await validateImage(photo, { ...limits, maxBytes: 10_000 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toBe('too_large');
    expect(fill(messages.id['media.refusal.too_large'], r.params)).toMatch(/^Foto terlalu besar \(\d+ KB\)\. Kirim foto dengan ukuran di bawah 10 KB/);
  });

  it('refuses an empty upload', async () => {
    expect(await validateImage(Buffer.alloc(0), limits)).toMatchObject({ ok: false, error: 'empty' });
  });
});

describe('readUpload (streaming)', () => {
  const jpegHead = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]);

  it('refuses a 50 MB upload after reading just past 20 MB, not after buffering everything', async () => {
    const { stream, counter } = countingStream(50 * MB, Buffer.concat([jpegHead, Buffer.alloc(20)]));
    const r = await readUpload(stream, { maxBytes: 20 * MB });
    expect(r).toMatchObject({ ok: false, error: 'too_large', params: { limit: '20 MB' } });
    expect(counter.chunks).toBe(21);
    expect(counter.bytes).toBeLessThanOrEqual(21 * MB);
  });

  it('refuses before reading anything when the announced size is too big, quoting that size', async () => {
    const { stream, counter } = countingStream(52 * MB, jpegHead);
    const r = await readUpload(stream, { maxBytes: 20 * MB, declaredBytes: 52 * MB });
    expect(counter.chunks).toBe(0);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(fill(messages.id['media.refusal.too_large'], r.params)).toBe(
      'Foto terlalu besar (52 MB). Kirim foto dengan ukuran di bawah 20 MB, atau ambil ulang dengan kualitas kamera biasa.',
    );
  });

  it('stops at the first chunk when the content is not an image', async () => {
    const { stream, counter } = countingStream(30 * MB, Buffer.from('%PDF-1.4 ' + 'x'.repeat(40)));
    expect(await readUpload(stream, { maxBytes: 20 * MB })).toMatchObject({ ok: false, error: 'not_image' });
    expect(counter.chunks).toBe(1);
  });

  it('reads a web ReadableStream (what the HTTP edge gets as a request body)', async () => {
    const photo = await noisyPhoto(300, 200);
    const body = new Response(photo).body!;
    const r = await readUpload(body as unknown as AsyncIterable<Uint8Array>, { maxBytes: 20 * MB, declaredBytes: photo.length });
    expect(r.ok && r.value.equals(photo)).toBe(true);
  });

  it('returns the whole upload when it fits', async () => {
    const photo = await noisyPhoto(300, 200);
    async function* pieces() {
      for (let i = 0; i < photo.length; i += 1000) yield photo.subarray(i, i + 1000);
    }
    const r = await readUpload(pieces(), { maxBytes: 20 * MB });
    expect(r.ok && r.value.equals(photo)).toBe(true);
  });
});

describe('formatSize', () => {
  it('writes sizes the way Indonesian staff read them', () => {
    expect(formatSize(52 * MB)).toBe('52 MB');
    expect(formatSize(1.5 * MB)).toBe('1,5 MB');
    expect(formatSize(800 * 1024)).toBe('800 KB');
  });
});

describe('media catalogue', () => {
  it('has the same keys in Indonesian and English, and a message for every refusal code', () => {
    expect(Object.keys(messages.en).sort()).toEqual(Object.keys(messages.id).sort());
    for (const code of ['empty', 'too_large', 'not_image', 'unsupported_type', 'heic_unsupported', 'too_many_pixels', 'too_small', 'unreadable']) {
      expect(messages.id).toHaveProperty(`media.refusal.${code}`);
    }
  });
});
