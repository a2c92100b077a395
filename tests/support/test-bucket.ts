import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CreateBucketCommand, DeleteBucketCommand, DeleteObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
// @ts-expect-error s3rver ships no types
import S3rver from 's3rver';
import type { ObjectStoreConfig } from '../../src/config/index.js';
import { s3Client } from '../../src/storage/s3-bucket.js';

// An S3-compatible bucket for one test file. In CI, .ci/run starts one local S3 server (s3rver,
// an npm package) and passes TEST_S3_ENDPOINT; each test file makes its own bucket on it. Without
// it (a developer's quick run) the test starts s3rver itself on a loopback port — the same server,
// so the S3 path is exercised either way.

export interface TestBucket {
  config: ObjectStoreConfig;
  /** Object keys in the bucket (for assertions). */
  list(prefix?: string): Promise<string[]>;
  close(): Promise<void>;
}

/** s3rver's fixed credentials; any S3-compatible server given by TEST_S3_ENDPOINT must accept them. */
const CREDENTIALS = { accessKeyId: process.env.TEST_S3_ACCESS_KEY_ID ?? 'S3RVER', secretAccessKey: process.env.TEST_S3_SECRET_ACCESS_KEY ?? 'S3RVER' };

export async function startS3Server(): Promise<{ endpoint: string; close(): Promise<void> }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'beranda-s3-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, directory: dir, silent: true });
  const { port } = (await server.run()) as { port: number };
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: async () => {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function createTestBucket(extra: Partial<ObjectStoreConfig> = {}): Promise<TestBucket> {
  const own = process.env.TEST_S3_ENDPOINT ? null : await startS3Server();
  const endpoint = process.env.TEST_S3_ENDPOINT ?? own!.endpoint;
  const bucket = `beranda-t-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  const config: ObjectStoreConfig = {
    endpoint, region: 'us-east-1', bucket, privateBucket: bucket, forcePathStyle: true, publicBaseUrl: null, ...CREDENTIALS, ...extra,
  };
  const client = await s3Client(config);
  await client.send(new CreateBucketCommand({ Bucket: bucket }));
  const list = async (prefix = '') => {
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const r = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ...(token ? { ContinuationToken: token } : {}) }));
      for (const o of r.Contents ?? []) keys.push(o.Key!);
      token = r.IsTruncated ? r.NextContinuationToken : undefined;
    } while (token);
    return keys;
  };
  return {
    config,
    list,
    close: async () => {
      if (own) return own.close();
      for (const key of await list()) await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
      await client.send(new DeleteBucketCommand({ Bucket: bucket }));
    },
  };
}
