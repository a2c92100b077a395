import type { Config } from '../config/index.js';
import { type MediaStore, createFileMediaStore, createS3MediaStore } from '../modules/media/index.js';
import { type PrivateStore, createFilePrivateStore, createS3PrivateStore } from '../modules/pelayanan/index.js';
import { createS3Bucket } from '../storage/s3-bucket.js';

// Where files live, from MEDIA_STORE (issue 18 point 2): the local folders by default, or an
// S3-compatible bucket for every process of a multi-machine install. Photos are public once
// published; citizens' documents never are — both stores keep them apart (folder or prefix).

export function mediaStoreFor(config: Config): MediaStore {
  const s3 = config.objectStore;
  return s3 ? createS3MediaStore(createS3Bucket(s3, s3.bucket), s3.publicBaseUrl) : createFileMediaStore(config.mediaDir);
}

export function privateStoreFor(config: Config): PrivateStore {
  const s3 = config.objectStore;
  return s3 ? createS3PrivateStore(createS3Bucket(s3, s3.privateBucket)) : createFilePrivateStore(config.pelayananDir);
}
