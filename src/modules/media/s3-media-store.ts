import type { ObjectBucket } from '../../storage/s3-bucket.js';
import { type MediaStore, MEDIA_TYPES, contentKey, isMediaKey } from './file-media-store.js';

// MEDIA_STORE=s3: the same content-addressed keys as the local folder, under media/ in the
// bucket. A put first asks whether the object is there (HEAD): bytes never change under a key,
// so a second upload of the same photo, a retried job or a resumed `media migrate` writes
// nothing. Objects carry their type and a year-long immutable Cache-Control, so a CDN in front of
// the bucket (MEDIA_PUBLIC_URL) serves published files with no further trip to us.

const PREFIX = 'media/';
export const IMMUTABLE = 'public, max-age=31536000, immutable';

export function createS3MediaStore(bucket: ObjectBucket, publicBaseUrl: string | null): MediaStore {
  const objectKey = (key: string) => `${PREFIX}${key}`;
  return {
    async put(data, ext) {
      const key = contentKey(data, ext);
      if (await bucket.head(objectKey(key))) return key;
      await bucket.put(objectKey(key), data, { contentType: MEDIA_TYPES[ext] ?? 'application/octet-stream', cacheControl: IMMUTABLE });
      return key;
    },
    async read(key) {
      if (!isMediaKey(key)) throw new Error(`Malformed media key: ${key}`);
      const data = await bucket.get(objectKey(key));
      if (!data) throw new Error(`Media object missing from bucket ${bucket.name}: ${key}`);
      return data;
    },
    async open(key) {
      return isMediaKey(key) ? bucket.stream(objectKey(key)) : null;
    },
    async has(key) {
      return isMediaKey(key) && (await bucket.head(objectKey(key))) !== null;
    },
    async remove(key) {
      if (isMediaKey(key)) await bucket.delete(objectKey(key));
    },
    async *keys(startAfter) {
      for await (const k of bucket.list(PREFIX, startAfter ? objectKey(startAfter) : undefined)) {
        const key = k.slice(PREFIX.length);
        if (isMediaKey(key)) yield key;
      }
    },
    publicUrl: (key) => (publicBaseUrl && isMediaKey(key) ? `${publicBaseUrl}/${objectKey(key)}` : null),
  };
}
