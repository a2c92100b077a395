// A small EXIF reader for tests: lists the tags of IFD0 and of the GPS IFD, so a test can prove
// a fixture carries GPS and that our output does not. (No EXIF library is installed.)
export interface ExifTags {
  ifd0: Map<number, unknown>;
  gps: Map<number, unknown>;
}

export const TAG_MAKE = 0x010f;
export const TAG_GPS_IFD = 0x8825;
export const TAG_GPS_LATITUDE_REF = 0x0001;
export const TAG_GPS_LATITUDE = 0x0002;

/** `exif` is sharp's metadata().exif: "Exif\0\0" followed by a TIFF structure. */
export function readExif(exif: Buffer): ExifTags {
  const tiff = exif.subarray(exif.toString('latin1', 0, 4) === 'Exif' ? 6 : 0);
  const le = tiff.toString('latin1', 0, 2) === 'II';
  const u16 = (o: number) => (le ? tiff.readUInt16LE(o) : tiff.readUInt16BE(o));
  const u32 = (o: number) => (le ? tiff.readUInt32LE(o) : tiff.readUInt32BE(o));
  const sizes: Record<number, number> = { 1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 7: 1, 9: 4, 10: 8 };
  const readIfd = (offset: number): Map<number, unknown> => {
    const tags = new Map<number, unknown>();
    const n = u16(offset);
    for (let i = 0; i < n; i++) {
      const e = offset + 2 + i * 12;
      const tag = u16(e);
      const type = u16(e + 2);
      const count = u32(e + 4);
      const size = (sizes[type] ?? 1) * count;
      const at = size <= 4 ? e + 8 : u32(e + 8);
      if (type === 2) tags.set(tag, tiff.toString('latin1', at, at + count).replace(/\0+$/, ''));
      else if (type === 3) tags.set(tag, u16(at));
      else if (type === 4) tags.set(tag, u32(at));
      else if (type === 5) {
        const vals: number[] = [];
        for (let k = 0; k < count; k++) vals.push(u32(at + k * 8) / u32(at + k * 8 + 4));
        tags.set(tag, vals);
      } else tags.set(tag, tiff.subarray(at, at + size));
    }
    return tags;
  };
  const ifd0 = readIfd(u32(4));
  const gpsOffset = ifd0.get(TAG_GPS_IFD);
  const gps = typeof gpsOffset === 'number' ? readIfd(gpsOffset) : new Map<number, unknown>();
  return { ifd0, gps };
}
