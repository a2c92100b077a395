import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUBMIT_LIMITS } from '../../src/modules/pelayanan/index.js';
import { keyedHash } from '../../src/modules/pelayanan/codes.js';
import { newId } from '../../src/shared/ids.js';
import { CITIZEN_BODY_BUDGET } from '../../src/web/pelayanan/citizen-body.js';
import { REQUEST_BODY_LIMIT } from '../../src/web/pelayanan/limits.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { testEngine } from '../support/test-db.js';

// The citizens' forms with documents read at most a bounded amount of body at once, and refuse
// before reading anything when they are over it or the address is over its submission limit.

const MB = 1024 * 1024;

/**
 * A body the test controls: a first field, then open until released. It is pulled only when
 * someone reads (no read-ahead), so `reading()` says the route has begun parsing it — the
 * counting pipe of middleware/body-limit.ts takes the first chunk alone.
 */
function heldBody() {
  let pulls = 0;
  let release: () => void = () => {};
  const gate = new Promise<void>((r) => (release = r));
  const boundary = 'held';
  const stream = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        pulls++;
        if (pulls === 1) return controller.enqueue(new TextEncoder().encode(`--${boundary}\r\ncontent-disposition: form-data; name="nama"\r\n\r\nWarga\r\n`));
        await gate;
        controller.enqueue(new TextEncoder().encode(`--${boundary}--\r\n`));
        controller.close();
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, type: `multipart/form-data; boundary=${boundary}`, reading: () => pulls >= 2, release: () => release() };
}

/** A 60 MB body sent chunked (no Content-Length), 1 MB a pull, no read-ahead, counting what was pulled. */
function bigChunked() {
  let pulled = 0;
  const chunk = new Uint8Array(MB).fill(97);
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (pulled >= 60 * MB) return controller.close();
        pulled += chunk.byteLength;
        controller.enqueue(chunk);
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, pulled: () => pulled };
}

describe(`the citizens' form bodies on ${testEngine()}`, () => {
  let a: TestApp;
  beforeAll(async () => {
    a = await createTestApp({ demo: false });
  });
  afterAll(async () => a.close());

  const post = (path: string, ip: string, body: ReadableStream<Uint8Array>, headers: Record<string, string> = {}) =>
    a.request(path, { method: 'POST', body, duplex: 'half', headers: { 'x-forwarded-for': ip, ...headers } } as RequestInit);

  it('reads no more than its budget at once: a chunked 60 MB body is refused before a byte is read', async () => {
    expect(CITIZEN_BODY_BUDGET.bytes).toBe(3 * REQUEST_BODY_LIMIT);
    // Three chunked bodies being read (each reserves the form's whole 60 MB) fill the budget.
    const held = [heldBody(), heldBody(), heldBody()];
    const pending = held.map((h, i) => post('/bacang/layanan/domisili/ajukan', `198.51.100.${10 + i}`, h.stream, { 'content-type': h.type }));
    await expect.poll(() => held.every((h) => h.reading())).toBe(true);

    const big = bigChunked();
    const refused = await post('/bacang/layanan/domisili/ajukan', '198.51.100.20', big.stream, { 'content-type': 'multipart/form-data; boundary=x' });
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('30');
    expect(await refused.text()).toContain('Tunggu setengah menit');
    // Not read: body-limit's counting pipe took its first chunk, the other 59 MB never left.
    expect(big.pulled()).toBeLessThanOrEqual(MB);
    // The complaint form shares the budget.
    expect((await post('/bacang/pengaduan', '198.51.100.21', bigChunked().stream, { 'content-type': 'multipart/form-data; boundary=x' })).status).toBe(503);

    // When the bodies have been read, the budget is free again.
    for (const h of held) h.release();
    for (const r of await Promise.all(pending)) expect(r.status).toBe(422);
    const next = heldBody();
    const answer = post('/bacang/layanan/domisili/ajukan', '198.51.100.20', next.stream, { 'content-type': next.type });
    await expect.poll(() => next.reading()).toBe(true);
    next.release();
    expect((await answer).status).toBe(422);
  });

  it('reads two bodies at once from one address, not a third', async () => {
    const small = { 'content-length': '1000' };
    const held = [heldBody(), heldBody()];
    const pending = held.map((h) => post('/bacang/layanan/domisili/ajukan', '198.51.100.30', h.stream, { 'content-type': h.type, ...small }));
    await expect.poll(() => held.every((h) => h.reading())).toBe(true);
        const third = heldBody();
    expect((await post('/bacang/layanan/domisili/ajukan', '198.51.100.30', third.stream, { 'content-type': third.type, ...small })).status).toBe(503);
    expect(third.reading()).toBe(false);
    // Another address is read.
    const other = heldBody();
    const answer = post('/bacang/layanan/domisili/ajukan', '198.51.100.31', other.stream, { 'content-type': other.type, ...small });
    await expect.poll(() => other.reading()).toBe(true);
    for (const h of [...held, other]) h.release();
    await Promise.all([...pending, answer]);
  });

  it('refuses an address over its submission limit before reading its body', async () => {
    const now = a.clock.now();
    const key = keyedHash(a.deps.config.secret, 'ip:198.51.100.40');
    await a.t.db
      .insertInto('pelayanan_throttle')
      .values(Array.from({ length: SUBMIT_LIMITS.perIp.max }, () => ({ id: newId(now.getTime()), key, at: now.toISOString() })))
      .execute();
    const h = heldBody();
    const res = await post('/bacang/layanan/domisili/ajukan', '198.51.100.40', h.stream, { 'content-type': h.type });
    expect(res.status).toBe(429);
    expect(await res.text()).toContain('Terlalu banyak kiriman');
    expect(h.reading()).toBe(false);
    expect((await post('/bacang/pengaduan', '198.51.100.40', heldBody().stream, { 'content-type': h.type })).status).toBe(429);
  });
});
