import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MediaStore, createFileMediaStore, createS3MediaStore } from '../../src/modules/media/index.js';
import { createFilePrivateStore, createS3PrivateStore } from '../../src/modules/pelayanan/index.js';
import { migrateMedia } from '../../src/main/media-migrate.js';
import { createS3Bucket } from '../../src/storage/s3-bucket.js';
import { type TestBucket, createTestBucket } from '../support/test-bucket.js';

// `media migrate` (issue 18 point 2): a folder into a bucket and back, keys kept, resumable after
// an interruption, nothing copied twice, documents kept private.

describe('media migrate', () => {
  let bucket: TestBucket;
  let dir: string;

  beforeAll(async () => {
    bucket = await createTestBucket();
    dir = mkdtempSync(path.join(os.tmpdir(), 'beranda-migrate-'));
  });
  afterAll(async () => {
    await bucket?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const all = async (s: { keys(): AsyncIterable<string> }) => {
    const out: string[] = [];
    for await (const k of s.keys()) out.push(k);
    return out.sort();
  };

  it('moves a folder into the bucket, resumes after a failure, and back into an empty folder', async () => {
    const local = { media: createFileMediaStore(path.join(dir, 'media')), private: createFilePrivateStore(path.join(dir, 'pelayanan')) };
    const s3 = { media: createS3MediaStore(createS3Bucket(bucket.config, bucket.config.bucket), null), private: createS3PrivateStore(createS3Bucket(bucket.config, bucket.config.bucket)) };
    const files = new Map<string, Buffer>();
    for (let i = 0; i < 40; i++) {
      const data = Buffer.from(`variant ${i} `.repeat(20 + i));
      files.set(await local.media.put(data, i % 2 ? 'webp' : 'jpg'), data);
    }
    const docs = new Map<string, Buffer>();
    for (let i = 0; i < 5; i++) {
      const data = Buffer.from(`KK scan ${i}`);
      docs.set(await local.private.put('unit0000000' + i, data), data);
    }

    // The bucket goes away after 15 files: the run reports failures and stops nothing else.
    let puts = 0;
    const flaky: MediaStore = { ...s3.media, put: async (d, e) => (++puts > 15 ? Promise.reject(new Error('koneksi terputus')) : s3.media.put(d, e)) };
    const first = await migrateMedia(local, { media: flaky, private: s3.private }, { concurrency: 4 });
    expect(first.media.copied).toBe(15);
    expect(first.failed.length).toBe(25);
    expect(first.documents.copied).toBe(5);

    const second = await migrateMedia(local, s3);
    expect(second).toEqual({ media: { copied: 25, skipped: 15 }, documents: { copied: 0, skipped: 5 }, failed: [] });
    expect(await all(s3.media)).toEqual([...files.keys()].sort());
    for (const [k, v] of files) expect((await s3.media.read(k)).equals(v)).toBe(true);
    for (const [k, v] of docs) expect((await s3.private.read(k))!.equals(v)).toBe(true);
    // Documents sit under the private prefix only.
    expect((await bucket.list('media/')).length).toBe(40);
    expect((await bucket.list('private/pelayanan/')).length).toBe(5);

    const third = await migrateMedia(local, s3);
    expect(third.media).toEqual({ copied: 0, skipped: 40 });

    const back = { media: createFileMediaStore(path.join(dir, 'back-media')), private: createFilePrivateStore(path.join(dir, 'back-pelayanan')) };
    const r = await migrateMedia(s3, back);
    expect(r).toEqual({ media: { copied: 40, skipped: 0 }, documents: { copied: 5, skipped: 0 }, failed: [] });
    for (const [k, v] of files) expect((await back.media.read(k)).equals(v)).toBe(true);
    for (const [k, v] of docs) expect((await back.private.read(k))!.equals(v)).toBe(true);
  });
});
