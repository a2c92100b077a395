// Public surface of the media module: photo uploads for the composer and the unit's library.
export type {
  MediaItem,
  MediaLimits,
  MediaRefusal,
  MediaRefusalCode,
  SocialCrop,
  Variant,
  VariantFormat,
  VariantKind,
} from './types.js';
export { defaultMediaLimits, MB } from './types.js';
export type { MediaDeps } from './deps.js';
export type { MediaResult, Refused } from './refusal.js';
export { formatSize } from './refusal.js';
export { type MediaStore, type FileMediaStore, MEDIA_TYPES, createFileMediaStore, isMediaKey } from './file-media-store.js';
export { createS3MediaStore } from './s3-media-store.js';
export { detectImageType } from './detect-image-type.js';
export { readUpload } from './read-upload.js';
export { validateImage, type ValidatedImage } from './validate-image.js';
export { processImage, encodeAvif, SOCIAL_CROPS, WEB_WIDTHS, type EncodedImage } from './process-image.js';
export { storeUpload, MAX_ALT_LENGTH, type StoreUploadInput, type StoredUpload } from './store-upload.js';
export { listMedia, type ListMediaOptions } from './list-media.js';
export { getMedia } from './get-media.js';
export { updateMediaAlt } from './update-media-alt.js';
export { makeAvifVariants } from './make-avif-variants.js';
export { listPendingAvif } from './list-pending-avif.js';
export { storeGeneratedImage, type GeneratedImageInput } from './store-generated-image.js';
export { pickVariant } from './pick-variant.js';
export { itemsByKey, unitOwnsFile } from './media-repo.js';
