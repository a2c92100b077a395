import type { MediaStore } from './file-media-store.js';
import type { EncodedImage } from './process-image.js';
import type { Variant } from './types.js';

const EXT = { jpeg: 'jpg', webp: 'webp', avif: 'avif', png: 'png' } as const;

/** Stores one encoded image and describes it for the media row. */
export async function storeVariant(store: MediaStore, img: EncodedImage): Promise<Variant> {
  const key = await store.put(img.data, EXT[img.format]);
  const v: Variant = {
    kind: img.kind,
    name: img.name,
    format: img.format,
    width: img.width,
    height: img.height,
    bytes: img.data.length,
    key,
  };
  if (img.crop) v.crop = img.crop;
  return v;
}
