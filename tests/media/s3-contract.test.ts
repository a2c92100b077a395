import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createS3MediaStore } from '../../src/modules/media/index.js';
import { createS3PrivateStore } from '../../src/modules/pelayanan/index.js';
import { createS3Bucket } from '../../src/storage/s3-bucket.js';
import { type TestBucket, createTestBucket } from '../support/test-bucket.js';

// The requests Beranda makes of an S3-compatible store (issue 18 point 2), recorded by a proxy on
// loopback in front of the local S3 server: only the plain S3 API every compatible store speaks
// (HEAD/GET/PUT/DELETE object, ListObjectsV2), path-style addresses, SigV4 with a signed payload
// hash and no flexible-checksum trailers (which older MinIO, Garage and s3rver refuse), the type
// and Cache-Control on every object, never an ACL (whether objects are public is the bucket
// policy's business), and no second PUT for bytes already there.

interface Seen {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  bodySha: string;
  bodyBytes: number;
}

describe('S3 request contract', () => {
  let bucket: TestBucket;
  let proxy: http.Server;
  let seen: Seen[] = [];

  beforeAll(async () => {
    bucket = await createTestBucket();
    const target = new URL(bucket.config.endpoint!);
    proxy = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks);
        seen.push({ method: req.method!, path: req.url!, headers: req.headers, bodySha: createHash('sha256').update(body).digest('hex'), bodyBytes: body.length });
        const fwd = http.request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers }, (up) => {
          res.writeHead(up.statusCode!, up.headers);
          up.pipe(res);
        });
        fwd.end(body);
      });
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
  });
  afterAll(async () => {
    await new Promise((r) => proxy?.close(r));
    await bucket?.close();
  });

  const viaProxy = () => {
    const config = { ...bucket.config, endpoint: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}` };
    return createS3Bucket(config, config.bucket);
  };

  it('stores a variant with one HEAD and one signed PUT, and none when the bytes are there', async () => {
    const store = createS3MediaStore(viaProxy(), null);
    const data = Buffer.from('RIFF....WEBPVP8 contract test bytes');
    seen = [];
    const key = await store.put(data, 'webp');
    const objectPath = `/${bucket.config.bucket}/media/${key}`;
    expect(seen.map((s) => `${s.method} ${s.path.split('?')[0]}`)).toEqual([`HEAD ${objectPath}`, `PUT ${objectPath}`]);
    const put = seen[1]!;
    expect(put.headers['content-type']).toBe('image/webp');
    expect(put.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(put.headers['content-length']).toBe(String(data.length));
    expect(put.bodyBytes).toBe(data.length);
    // SigV4 over the payload's real hash: no aws-chunked body, no checksum trailer, no ACL.
    expect(put.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=[^/]+\/\d{8}\/us-east-1\/s3\/aws4_request, SignedHeaders=[^,]*host[^,]*x-amz-content-sha256[^,]*, Signature=[0-9a-f]{64}$/);
    expect(put.headers['x-amz-content-sha256']).toBe(put.bodySha);
    expect(put.headers['content-encoding'] ?? '').not.toContain('aws-chunked');
    expect(put.headers['transfer-encoding']).toBeUndefined();
    for (const s of seen) {
      expect(Object.keys(s.headers).filter((h) => h.startsWith('x-amz-checksum') || h === 'x-amz-trailer' || h === 'x-amz-acl')).toEqual([]);
    }

    seen = [];
    expect(await store.put(data, 'webp')).toBe(key);
    expect(seen.map((s) => s.method)).toEqual(['HEAD']);

    seen = [];
    expect((await store.read(key)).equals(data)).toBe(true);
    const opened = await store.open(key);
    expect(opened!.size).toBe(data.length);
    await opened!.body.cancel();
    expect(seen.map((s) => `${s.method} ${s.path.split('?')[0]}`)).toEqual([`GET ${objectPath}`, `GET ${objectPath}`]);
  });

  it('lists with ListObjectsV2 under media/, resumes after a key, and deletes idempotently', async () => {
    const store = createS3MediaStore(viaProxy(), null);
    const keys = [];
    for (let i = 0; i < 3; i++) keys.push(await store.put(Buffer.from(`file ${i}`), 'jpg'));
    seen = [];
    const listed: string[] = [];
    for await (const k of store.keys()) listed.push(k);
    expect(listed).toEqual(expect.arrayContaining(keys));
    const list = new URL(seen[0]!.path, 'http://x');
    expect(seen[0]!.method).toBe('GET');
    expect(list.pathname.replace(/\/$/, "")).toBe(`/${bucket.config.bucket}`);
    expect(list.searchParams.get('list-type')).toBe('2');
    expect(list.searchParams.get('prefix')).toBe('media/');

    const sorted = [...listed].sort();
    const after: string[] = [];
    for await (const k of store.keys(sorted[0])) after.push(k);
    expect(after).toEqual(sorted.slice(1));
    expect(new URL(seen.at(-1)!.path, 'http://x').searchParams.get('start-after')).toBe(`media/${sorted[0]}`);

    seen = [];
    await store.remove(keys[0]!);
    await store.remove(keys[0]!);
    expect(seen.map((s) => s.method)).toEqual(['DELETE', 'DELETE']);
    expect(await store.has(keys[0]!)).toBe(false);
  });

  it('keeps citizens’ documents under private/pelayanan/ with no-store, and never under media/', async () => {
    const store = createS3PrivateStore(viaProxy());
    seen = [];
    const key = await store.put('unit0000001', Buffer.from('%PDF-1.4 KTP scan'));
    expect(seen).toHaveLength(1);
    expect(seen[0]!.method).toBe('PUT');
    expect(seen[0]!.path.split('?')[0]).toBe(`/${bucket.config.bucket}/private/pelayanan/${key}`);
    expect(seen[0]!.headers['cache-control']).toBe('private, no-store');
    expect((await store.read(key))!.toString()).toBe('%PDF-1.4 KTP scan');
    await store.remove(key);
    expect(await store.read(key)).toBeNull();
    expect((await bucket.list('media/')).some((k) => k.includes(key))).toBe(false);
  });
});
