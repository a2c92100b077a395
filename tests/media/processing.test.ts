import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { SOCIAL_CROPS, encodeAvif, processImage, webWidthsFor } from '../../src/modules/media/process-image.js';
import { defaultMediaLimits } from '../../src/modules/media/types.js';
import { TAG_GPS_LATITUDE, TAG_MAKE, readExif } from './exif-reader.js';
import { animatedGif, landscapeWithSubjectOnRight, noisyPhoto, phoneJpegWithGps } from './fixtures.js';

const maxPixels = defaultMediaLimits.maxPixels;

/** Mean colour of a region of an encoded image. */
async function meanOf(img: Buffer, region?: { left: number; top: number; width: number; height: number }) {
  // stats() reads its input, not the pipeline, so the region is cut out first.
  const part = region ? await sharp(img).extract(region).png().toBuffer() : img;
  const { channels } = await sharp(part).stats();
  return channels.slice(0, 3).map((c) => Math.round(c.mean));
}

describe('processImage', () => {
  it('makes web sizes in WebP and JPEG and the four social crops at their exact sizes', async () => {
    const out = await processImage(await noisyPhoto(4000, 3000), { maxPixels });
    const names = out.map((v) => v.name).sort();
    expect(names).toEqual(
      [
        'source.jpg',
        'web-480.webp', 'web-480.jpg', 'web-960.webp', 'web-960.jpg', 'web-1440.webp', 'web-1440.jpg',
        'social-1080x1350.jpg', 'social-1080x1080.jpg', 'social-1080x1920.jpg', 'social-1200x630.jpg',
      ].sort(),
    );
    for (const v of out) {
      const meta = await sharp(v.data).metadata();
      expect(meta.format).toBe(v.format);
      expect([meta.width, meta.height]).toEqual([v.width, v.height]);
      if (v.kind === 'web') {
        expect(v.width).toBe(Number(/web-(\d+)/.exec(v.name)![1]));
        expect(v.height).toBe(Math.round((v.width * 3) / 4));
      }
    }
    for (const c of SOCIAL_CROPS) {
      const v = out.find((o) => o.crop === c.crop)!;
      expect([v.width, v.height]).toEqual([c.width, c.height]);
      // Facebook refuses photos over 4 MB and Instagram over 8 MB.
      expect(v.data.length).toBeLessThan(4 * 1024 * 1024);
    }
  });

  it('applies the EXIF orientation to the pixels and strips GPS and every other tag', async () => {
    const photo = await phoneJpegWithGps();
    const before = await sharp(photo).metadata();
    const tags = readExif(before.exif!);
    expect(tags.ifd0.get(TAG_MAKE)).toBe('BerandaPhone');
    expect(tags.gps.get(TAG_GPS_LATITUDE)).toEqual([2, 7, 47]);

    const out = await processImage(photo, { maxPixels });
    for (const v of out) {
      const meta = await sharp(v.data).metadata();
      expect(meta.exif, v.name).toBeUndefined();
      expect(meta.xmp, v.name).toBeUndefined();
      expect(meta.iptc, v.name).toBeUndefined();
      expect(meta.orientation ?? 1, v.name).toBe(1);
      expect(v.data.includes(Buffer.from('BerandaPhone')), v.name).toBe(false);
    }
    // Displayed upright: 200 wide, 400 tall, red on top and blue below.
    const source = out.find((v) => v.kind === 'source')!;
    expect([source.width, source.height]).toEqual([200, 400]);
    const [rTop, , bTop] = await meanOf(source.data, { left: 20, top: 20, width: 160, height: 150 });
    const [rBottom, , bBottom] = await meanOf(source.data, { left: 20, top: 230, width: 160, height: 150 });
    expect(rTop).toBeGreaterThan(180);
    expect(bTop).toBeLessThan(60);
    expect(bBottom).toBeGreaterThan(180);
    expect(rBottom).toBeLessThan(60);
  });

  it('crops towards the interesting part of the picture, not the centre', async () => {
    const out = await processImage(await landscapeWithSubjectOnRight(), { maxPixels });
    const square = out.find((v) => v.crop === 'square')!;
    // The subject sits at x 1580–1940 of 2000; a centre crop (x 500–1500) would be all grey.
    const [r, g] = await meanOf(square.data, { left: 700, top: 300, width: 300, height: 400 });
    expect(r - g).toBeGreaterThan(40);
  });

  it('crops vertically towards the subject too: a link preview of a tall photo keeps the people at the bottom', async () => {
    const subject = await sharp({
      create: { width: 600, height: 300, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 90 } },
    })
      .tint('#ff3030')
      .png()
      .toBuffer();
    const tall = await sharp({ create: { width: 1000, height: 2000, channels: 3, background: '#808080' } })
      .composite([{ input: subject, left: 200, top: 1600 }])
      .png()
      .toBuffer();
    const og = (await processImage(tall, { maxPixels })).find((v) => v.crop === 'landscape_og')!;
    expect([og.width, og.height]).toEqual([1200, 630]);
    // A centre crop keeps y 737–1263 of 2000, all grey; the subject's rows must be in the crop.
    const [r, g] = await meanOf(og.data, { left: 400, top: 0, width: 400, height: 630 });
    expect(r - g).toBeGreaterThan(25);
  });

  it('makes every social crop at its exact size from tiny, panoramic and very tall photos', async () => {
    for (const [w, h] of [[40, 30], [6000, 500], [200, 3000]] as const) {
      const out = await processImage(await noisyPhoto(w, h), { maxPixels });
      for (const c of SOCIAL_CROPS) {
        const v = out.find((o) => o.crop === c.crop)!;
        const meta = await sharp(v.data).metadata();
        expect([meta.width, meta.height], `${w}×${h} → ${c.crop}`).toEqual([c.width, c.height]);
      }
    }
  });

  it('never enlarges web sizes: a small photo gets one web size at its own width', async () => {
    const out = await processImage(await noisyPhoto(700, 500), { maxPixels });
    expect(out.filter((v) => v.kind === 'web').map((v) => v.name).sort()).toEqual(
      ['web-480.jpg', 'web-480.webp', 'web-700.jpg', 'web-700.webp'],
    );
    expect(webWidthsFor(300, [480, 960])).toEqual([300]);
    expect(webWidthsFor(2000, [480, 960])).toEqual([480, 960]);
  });

  it('keeps transparency in WebP and the source but flattens JPEG on white', async () => {
    const logo = await sharp({ create: { width: 400, height: 400, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
      .png()
      .toBuffer();
    const out = await processImage(logo, { maxPixels });
    expect(out.find((v) => v.kind === 'source')!.name).toBe('source.png');
    expect((await sharp(out.find((v) => v.name === 'web-400.webp')!.data).metadata()).hasAlpha).toBe(true);
    expect(await meanOf(out.find((v) => v.name === 'web-400.jpg')!.data)).toEqual([255, 255, 255]);
  });

  it('uses the first frame of an animated GIF', async () => {
    const out = await processImage(await animatedGif(), { maxPixels });
    const src = out.find((v) => v.kind === 'source')!;
    expect([src.width, src.height]).toEqual([200, 160]);
    const [r, , b] = await meanOf(src.data);
    expect(r).toBeGreaterThan(200);
    expect(b).toBeLessThan(50);
  });

  it('stops decoding beyond the pixel limit (second guard behind the header check)', async () => {
    await expect(processImage(await noisyPhoto(400, 300), { maxPixels: 100_000 })).rejects.toThrow(/pixel/i);
  });
});

describe('encodeAvif', () => {
  it('makes AVIF web sizes from the cleaned source', async () => {
    const out = await encodeAvif(await noisyPhoto(1000, 750, 'jpeg', 2), [480, 960]);
    expect(out.map((v) => [v.name, v.width, v.height])).toEqual([
      ['web-480.avif', 480, 360],
      ['web-960.avif', 960, 720],
    ]);
    const meta = await sharp(out[0]!.data).metadata();
    expect(meta.format).toBe('heif');
    expect(meta.compression).toBe('av1');
  });
});
