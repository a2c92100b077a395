import type { S3Client } from '@aws-sdk/client-s3';
import type { ObjectStoreConfig } from '../config/index.js';

// One bucket of an S3-compatible object store (AWS S3, MinIO, Garage, Cloudflare R2, Wasabi …)
// through the AWS SDK v3. Only the plain operations every such store speaks: PutObject,
// GetObject, HeadObject, DeleteObject, ListObjectsV2. Retries: the SDK retries throttling and 5xx
// up to three times; every writer above this is idempotent (content-addressed or random keys), so
// a retried PUT is harmless. Missing objects are null, never an exception.

export interface ObjectBucket {
  readonly name: string;
  put(key: string, body: Buffer, meta: { contentType: string; cacheControl?: string }): Promise<void>;
  get(key: string): Promise<Buffer | null>;
  head(key: string): Promise<{ size: number } | null>;
  stream(key: string): Promise<{ size: number; body: ReadableStream<Uint8Array> } | null>;
  /** Idempotent: deleting a missing object is not an error. */
  delete(key: string): Promise<void>;
  /** Every key under a prefix in key order, from after `startAfter` (resumable listing). */
  list(prefix: string, startAfter?: string): AsyncIterable<string>;
}

// The SDK (~25 MB of modules) is loaded on the first call to a bucket, never at start: a city on
// the local folder does not pay for it, and neither does a process that serves no file.
type Sdk = typeof import('@aws-sdk/client-s3');
let sdk: Promise<Sdk> | undefined;
const loadSdk = (): Promise<Sdk> => (sdk ??= import('@aws-sdk/client-s3').catch((e) => ((sdk = undefined), Promise.reject(e))));

/** One client per store configuration and process: its connection pool is shared by every bucket. */
const clients = new Map<string, Promise<S3Client>>();

export function s3Client(config: ObjectStoreConfig): Promise<S3Client> {
  const id = JSON.stringify([config.endpoint, config.region, config.accessKeyId, config.forcePathStyle]);
  let client = clients.get(id);
  if (!client) {
    client = loadSdk().then(({ S3Client }) => new S3Client({
      region: config.region,
      ...(config.endpoint ? { endpoint: config.endpoint } : {}),
      forcePathStyle: config.forcePathStyle,
      credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
      // Checksums only where the API requires them: the SDK's newer default (CRC32 trailers in
      // aws-chunked bodies) is refused by several S3-compatible stores (older MinIO, Garage, R2
      // in places, s3rver). Content-addressed keys already let us verify what we read.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      maxAttempts: 3,
      requestHandler: { connectionTimeout: 5_000, requestTimeout: 60_000 },
    }));
    client.catch(() => clients.delete(id));
    clients.set(id, client);
  }
  return client;
}

const isMissing = (error: unknown): boolean => {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === 'NoSuchKey' || e?.name === 'NotFound' || e?.$metadata?.httpStatusCode === 404;
};

export function createS3Bucket(config: ObjectStoreConfig, name: string): ObjectBucket {
  const ready = () => Promise.all([s3Client(config), loadSdk()]);
  return {
    name,
    async put(key, body, meta) {
      const [client, S3] = await ready();
      await client.send(
        new S3.PutObjectCommand({
          Bucket: name,
          Key: key,
          Body: body,
          ContentType: meta.contentType,
          ContentLength: body.length,
          ...(meta.cacheControl ? { CacheControl: meta.cacheControl } : {}),
        }),
      );
    },
    async get(key) {
      const [client, S3] = await ready();
      try {
        const r = await client.send(new S3.GetObjectCommand({ Bucket: name, Key: key }));
        return Buffer.from(await r.Body!.transformToByteArray());
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },
    async head(key) {
      const [client, S3] = await ready();
      try {
        const r = await client.send(new S3.HeadObjectCommand({ Bucket: name, Key: key }));
        return { size: Number(r.ContentLength ?? 0) };
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },
    async stream(key) {
      const [client, S3] = await ready();
      try {
        const r = await client.send(new S3.GetObjectCommand({ Bucket: name, Key: key }));
        return { size: Number(r.ContentLength ?? 0), body: r.Body!.transformToWebStream() as ReadableStream<Uint8Array> };
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },
    async delete(key) {
      const [client, S3] = await ready();
      try {
        await client.send(new S3.DeleteObjectCommand({ Bucket: name, Key: key }));
      } catch (error) {
        if (!isMissing(error)) throw error;
      }
    },
    async *list(prefix, startAfter) {
      const [client, S3] = await ready();
      let token: string | undefined;
      do {
        const r = await client.send(
          new S3.ListObjectsV2Command({
            Bucket: name,
            Prefix: prefix,
            ...(token ? { ContinuationToken: token } : startAfter ? { StartAfter: startAfter } : {}),
          }),
        );
        for (const o of r.Contents ?? []) if (o.Key) yield o.Key;
        token = r.IsTruncated ? r.NextContinuationToken : undefined;
      } while (token);
    },
  };
}
