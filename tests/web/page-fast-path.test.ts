import { type Server, createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveContent } from '../../src/modules/content/index.js';
import { createWebListener } from '../../src/web/server.js';
import type { PageCache } from '../../src/web/site/page-cache.js';
import { type TestApp, createTestApp } from '../support/test-app.js';

// The server's fast path (#20 point 2): a cached public page is answered from its stored bytes
// before the app, with the same headers, ETag/304 and encodings the app would send, and a
// change announced on the page-invalidation port shows at once. Every answer, from the cache or
// the app, carries an X-Request-Id and gets one access log line; the fast path's says cache: "hit",
// which is how these tests tell the two paths apart.

let a: TestApp;
let server: Server;
let base: string;
let cache: PageCache;
let bacang: string;

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** The access log lines the server wrote (pino JSON, one object per line). */
const logLines: Record<string, unknown>[] = [];
const logger = pino({ level: 'info' }, { write: (line: string) => void logLines.push(JSON.parse(line)) });

/** The access line of an answer, found by its X-Request-Id. */
function accessLine(answer: Pick<Answer, 'headers'>): Record<string, unknown> {
  const id = answer.headers['x-request-id'];
  expect(id, 'every answer carries an X-Request-Id').toBeTruthy();
  const lines = logLines.filter((l) => l.requestId === id && l.msg === 'request');
  expect(lines, `one access line for ${String(id)}`).toHaveLength(1);
  return lines[0]!;
}

/** True when the fast path answered from the cache, false when the app did. */
function fromCache(answer: Pick<Answer, 'headers'>): boolean {
  const hit = accessLine(answer).cache === 'hit';
  expect(answer.headers['x-cache'], 'X-Cache says the same as the access line').toBe(hit ? 'hit' : undefined);
  return hit;
}

/** A raw HTTP/1.1 GET (fetch would decompress and hide Content-Encoding). */
function get(path: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${base}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  a = await createTestApp();
  bacang = (await a.t.db.selectFrom('units').select('id').where('slug', '=', 'bacang').executeTakeFirstOrThrow()).id;
  const web = createWebListener({ ...a.deps, logger });
  cache = web.pageCache!;
  server = createServer(web.listener);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 120_000);

afterAll(async () => {
  await new Promise((r) => server?.close(r));
  cache?.close();
  await a?.close();
});

describe('cached public pages are answered before the app', () => {
  it('the first request renders through the app; the next is the stored bytes with the same headers', async () => {
    const first = await get('/bacang/profil');
    expect(first.status).toBe(200);
    expect(fromCache(first)).toBe(false);
    const second = await get('/bacang/profil');
    expect(second.status).toBe(200);
    expect(fromCache(second)).toBe(true);
    expect(second.headers['x-request-id']).not.toBe(first.headers['x-request-id']);
    expect(second.body.equals(first.body)).toBe(true);
    for (const h of ['content-type', 'etag', 'cache-control', 'vary', 'content-security-policy', 'x-frame-options', 'x-content-type-options', 'referrer-policy']) {
      expect(second.headers[h], h).toBe(first.headers[h]);
    }
    expect(Number(second.headers['content-length'])).toBe(second.body.length);
  });

  it('sends brotli, gzip or plain bytes by Accept-Encoding, each with its own ETag, all the same page', async () => {
    await get('/bacang/kontak');
    const plain = await get('/bacang/kontak');
    const br = await get('/bacang/kontak', { 'accept-encoding': 'gzip, deflate, br' });
    const gz = await get('/bacang/kontak', { 'accept-encoding': 'gzip' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(br.headers['content-encoding']).toBe('br');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.brotliDecompressSync(br.body).equals(plain.body)).toBe(true);
    expect(zlib.gunzipSync(gz.body).equals(plain.body)).toBe(true);
    expect(br.body.length).toBeLessThan(plain.body.length);
    expect(new Set([plain.headers.etag, br.headers.etag, gz.headers.etag]).size).toBe(3);
  });

  it('answers 304 with no body to a matching If-None-Match, and the page to a stale one', async () => {
    await get('/bacang/layanan', { 'accept-encoding': 'br' });
    const page = await get('/bacang/layanan', { 'accept-encoding': 'br' });
    const etag = String(page.headers.etag);
    const again = await get('/bacang/layanan', { 'accept-encoding': 'br', 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers.etag).toBe(etag);
    expect(fromCache(again)).toBe(true);
    expect(accessLine(again).status).toBe(304);
    // The brotli ETag does not validate the gzip representation.
    const gz = await get('/bacang/layanan', { 'accept-encoding': 'gzip', 'if-none-match': etag });
    expect(gz.status).toBe(200);
    const stale = await get('/bacang/layanan', { 'accept-encoding': 'br', 'if-none-match': '"sudah-lama"' });
    expect(stale.status).toBe(200);
  });

  it('a page of a list (?halaman=2) is its own cached page; other query parameters do not split the cache', async () => {
    const one = await get('/bacang/berita');
    const two = await get('/bacang/berita?halaman=2');
    expect(one.status).toBe(200);
    expect(two.status).toBe(200);
    const twoAgain = await get('/bacang/berita?halaman=2&utm_source=wa');
    expect(fromCache(twoAgain)).toBe(true);
    expect(twoAgain.headers.etag).toBe(two.headers.etag);
  });

  it('leaves staff pages, searches, HEAD and unknown pages to the app', async () => {
    await get('/bacang/cari?q=posyandu');
    expect(fromCache(await get('/bacang/cari?q=posyandu'))).toBe(false);
    await get('/bacang/tidak-ada');
    const missing = await get('/bacang/tidak-ada');
    expect(missing.status).toBe(404);
    expect(fromCache(missing)).toBe(false);
    const staff = await get('/admin');
    expect(staff.status).toBe(303);
    await get('/bacang');
    const head = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(`${base}/bacang`, { method: 'HEAD' }, (res) => {
        res.resume();
        resolve(fromCache(res) ? 0 : 1);
      });
      req.on('error', reject);
      req.end();
    });
    expect(head).toBe(1);
  });

  it('a publish announced on the page-invalidation port shows at once on the cached pages of the unit and the portal', async () => {
    await get('/bacang');
    await get('/');
    const before = await get('/bacang');
    expect(fromCache(before)).toBe(true);
    expect(before.body.toString()).not.toContain('Lomba kebersihan antar-RT');
    const saved = await saveContent(
      { db: a.t.db, clock: a.clock, onPublicChange: (unitId) => a.services.pages.unitChanged(unitId) },
      { unitId: bacang, actorId: null, input: { kind: 'berita', title: 'Lomba kebersihan antar-RT dimulai', status: 'published', body: '<p>Ayo ikut.</p>' } },
    );
    expect(saved.ok).toBe(true);
    const after = await get('/bacang');
    expect(after.body.toString()).toContain('Lomba kebersihan antar-RT');
    expect(after.headers.etag).not.toBe(before.headers.etag);
    expect((await get('/')).body.toString()).toContain('Bacang');
    // A browser holding the old ETag gets the new page, not a 304.
    expect((await get('/bacang', { 'if-none-match': String(before.headers.etag) })).status).toBe(200);
  });

  it("the job worker's publishes reach the cache through the same port (the composer's onPublicChange)", async () => {
    await get('/bacang/profil');
    expect(fromCache(await get('/bacang/profil'))).toBe(true);
    a.services.composer('Pangkalpinang').onPublicChange!(bacang);
    expect(fromCache(await get('/bacang/profil'))).toBe(false);
  });

  it("a cached answer's access line has the app's fields, and a proxy's request id is kept", async () => {
    await get('/bacang/galeri');
    const cached = accessLine(await get('/bacang/galeri', { 'x-request-id': 'proxy-req-0001' }));
    expect(cached.cache).toBe('hit');
    expect(cached.requestId).toBe('proxy-req-0001');
    expect(cached).toMatchObject({ method: 'GET', path: '/bacang/galeri', status: 200, ip: '127.0.0.1' });
    expect(typeof cached.ms).toBe('number');
    // The same fields as the line the app writes for a render.
    const rendered = await get('/bacang/cari?q=galeri');
    const appLine = accessLine(rendered);
    for (const field of ['requestId', 'method', 'path', 'status', 'ms', 'ip', 'level', 'time', 'msg']) expect(cached, field).toHaveProperty(field);
    expect(Object.keys(appLine).filter((k) => !(k in cached) && appLine[k] !== undefined)).toEqual([]);
  });
});
