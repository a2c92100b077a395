import { deflateSync } from 'node:zlib';
import sharp from 'sharp';

// Fixture images are generated here rather than committed as binaries.

/**
 * A phone photo held sideways: stored 400×200 (left half red, right half blue) with EXIF
 * orientation 6, so it displays 200×400 with red on top. Carries GPS (Pangkalpinang) and a
 * camera make, like a real phone JPEG.
 */
export async function phoneJpegWithGps(): Promise<Buffer> {
  const red = await sharp({ create: { width: 200, height: 200, channels: 3, background: '#e00000' } }).png().toBuffer();
  return sharp({ create: { width: 400, height: 200, channels: 3, background: '#0000e0' } })
    .composite([{ input: red, left: 0, top: 0 }])
    .jpeg({ quality: 90 })
    .withExif({
      IFD0: { Make: 'BerandaPhone', Model: 'A15' },
      IFD3: {
        GPSLatitudeRef: 'S',
        GPSLatitude: '2/1 7/1 47/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '106/1 6/1 49/1',
      },
    })
    .withMetadata({ orientation: 6 })
    .toBuffer();
}

/** A textured picture of the given size (noise, so encoders and attention cropping have work). */
export async function noisyPhoto(
  width: number,
  height: number,
  format: 'jpeg' | 'png' | 'webp' = 'jpeg',
  sigma = 30,
): Promise<Buffer> {
  const img = sharp({ create: { width, height, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma } } });
  if (format === 'png') return img.png().toBuffer();
  if (format === 'webp') return img.webp().toBuffer();
  return img.jpeg({ quality: 85 }).toBuffer();
}

/** A flat grey landscape with a busy, colourful patch near the right edge. */
export async function landscapeWithSubjectOnRight(): Promise<Buffer> {
  const subject = await sharp({
    create: { width: 360, height: 600, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 90 } },
  })
    .tint('#ff3030')
    .png()
    .toBuffer();
  return sharp({ create: { width: 2000, height: 1000, channels: 3, background: '#808080' } })
    .composite([{ input: subject, left: 1580, top: 200 }])
    .png()
    .toBuffer();
}

const crc32Table = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();
const crc32 = (b: Buffer): number => {
  let c = 0xffffffff;
  for (const x of b) c = crc32Table[(c ^ x) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type: string, data: Buffer): Buffer => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};

/**
 * A decompression bomb: a valid PNG of a few kilobytes whose header declares a 50,000 × 50,000
 * canvas (2.5 gigapixels, 7.5 GB once decoded).
 */
export function pngBomb(side = 50_000): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(side, 0);
  ihdr.writeUInt32BE(side, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  // A few rows of zeros: enough to be a real stream, the rest would be "inflated" on decode.
  const rows = Buffer.alloc((side * 3 + 1) * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The start of an iPhone HEIC file (ftyp box with the heic brand) followed by filler. */
export function heicLike(): Buffer {
  const ftyp = Buffer.alloc(24);
  ftyp.writeUInt32BE(24, 0);
  ftyp.write('ftypheic', 4, 'latin1');
  ftyp.writeUInt32BE(0, 12);
  ftyp.write('mif1heic', 16, 'latin1');
  return Buffer.concat([ftyp, Buffer.alloc(4000, 7)]);
}

/** A two-frame animated GIF: red then blue. */
export async function animatedGif(): Promise<Buffer> {
  const frame = (c: string) => sharp({ create: { width: 200, height: 160, channels: 3, background: c } }).png().toBuffer();
  return sharp([await frame('#ff0000'), await frame('#0000ff')], { join: { animated: true } }).gif().toBuffer();
}

/** Streams `total` bytes of a JPEG-looking upload in 1 MB chunks and counts what was pulled. */
export function countingStream(total: number, head: Buffer) {
  const counter = { chunks: 0, bytes: 0 };
  async function* gen() {
    const size = 1024 * 1024;
    for (let sent = 0; sent < total; sent += size) {
      const c = Buffer.alloc(Math.min(size, total - sent), 0x41);
      if (sent === 0) head.copy(c, 0);
      counter.chunks++;
      counter.bytes += c.length;
      yield c;
    }
  }
  return { stream: gen(), counter };
}

/**
 * A small real JPEG whose frame header (SOF0) is rewritten to declare 60,000 × 60,000 pixels:
 * the decoder would try to allocate gigabytes if it trusted the header.
 */
export async function jpegBomb(side = 60_000): Promise<Buffer> {
  const jpeg = Buffer.from(await sharp({ create: { width: 64, height: 64, channels: 3, background: '#777' } }).jpeg().toBuffer());
  for (let i = 2; i < jpeg.length - 9; i++) {
    if (jpeg[i] === 0xff && jpeg[i + 1] === 0xc0) {
      jpeg.writeUInt16BE(side, i + 5); // height
      jpeg.writeUInt16BE(side, i + 7); // width
      return jpeg;
    }
  }
  throw new Error('no SOF0 marker found');
}
