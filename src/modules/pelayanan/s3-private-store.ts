import type { ObjectBucket } from '../../storage/s3-bucket.js';
import { newId } from '../../shared/ids.js';
import { type PrivateStore, isPrivateKey } from './private-store.js';

// MEDIA_STORE=s3: citizens' documents and letters in the bucket under private/pelayanan/ (or in
// S3_PRIVATE_BUCKET). Nothing here is ever served by redirect or a public URL: the only way out
// is the staff route, which reads the bytes through this store. A bucket policy that makes the
// media public must name media/* only (docs/deploy.md).

export const PRIVATE_PREFIX = 'private/pelayanan/';

export function createS3PrivateStore(bucket: ObjectBucket): PrivateStore {
  const objectKey = (key: string) => {
    if (!isPrivateKey(key)) throw new Error('invalid private storage key');
    return `${PRIVATE_PREFIX}${key}`;
  };
  return {
    async put(unitId, bytes) {
      const key = `${unitId}/${newId()}`;
      await bucket.put(objectKey(key), bytes, { contentType: 'application/octet-stream', cacheControl: 'private, no-store' });
      return key;
    },
    putAt: (key, bytes) => bucket.put(objectKey(key), bytes, { contentType: 'application/octet-stream', cacheControl: 'private, no-store' }),
    read: (key) => bucket.get(objectKey(key)),
    remove: (key) => bucket.delete(objectKey(key)),
    async *keys() {
      for await (const k of bucket.list(PRIVATE_PREFIX)) {
        const key = k.slice(PRIVATE_PREFIX.length);
        if (isPrivateKey(key)) yield key;
      }
    },
  };
}
