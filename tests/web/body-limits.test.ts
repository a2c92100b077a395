import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/modules/accounts/index.js';
import { csrfFrom } from '../support/test-app.js';

// Issue 16 point 3: bounded bodies. The app runs in a process of its own on loopback, and its
// resident memory is sampled (every 10 ms, /proc) while hostile bodies are sent to it. Limits are
// counted while the body streams; strangers are answered before their body is read.

const MB = 1024 * 1024;
let child: ChildProcess;
let port = 0;

const rssOf = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;

/** Highest RSS of the server while `work` runs. */
async function peakDuring<T>(work: () => Promise<T>): Promise<{ result: T; peak: number }> {
  let peak = rssOf(child.pid!);
  const timer = setInterval(() => (peak = Math.max(peak, rssOf(child.pid!))), 10);
  try {
    const result = await work();
    await new Promise((r) => setTimeout(r, 200));
    return { result, peak };
  } finally {
    clearInterval(timer);
  }
}

interface Sent {
  status: number;
  location: string | null;
  /** Bytes the client had handed to the socket when the answer came. */
  sentWhenAnswered: number;
  body: string;
}

/**
 * POSTs `total` bytes, written 64 KB at a time with back-pressure (so the client never holds the
 * body), announced with Content-Length or chunked. Stops writing once the answer has come.
 *
 * With `pauseAt`, the client stops after that many bytes and waits for the answer (up to
 * PAUSE_MS, then goes on): "answered before the body was read" is then decided by what the server
 * did, not by a race between the client's writes and the answer's arrival (the Node adapter
 * drains an unread body after answering, so a busy client could count megabytes sent after the
 * answer left the server).
 */
const PAUSE_MS = 15_000;
function post(path: string, opts: { total: number; announce: boolean; headers?: Record<string, string>; prefix?: Buffer; pauseAt?: number }): Promise<Sent> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { 'content-type': 'application/x-www-form-urlencoded', ...opts.headers };
    if (opts.announce) headers['content-length'] = opts.total;
    const req = http.request({ host: '127.0.0.1', port, method: 'POST', path, headers });
    let sent = 0;
    let answered: Sent | null = null;
    const chunk = Buffer.alloc(64 * 1024, 'a');
    req.on('response', (res) => {
      answered = { status: res.statusCode!, location: res.headers.location ?? null, sentWhenAnswered: sent, body: '' };
      res.setEncoding('utf8');
      res.on('data', (d: string) => (answered!.body += d));
      res.on('end', () => {
        req.destroy();
        resolve(answered!);
      });
    });
    req.on('error', (e) => (answered ? resolve(answered) : reject(e)));
    let paused = false;
    const pump = () => {
      if (opts.prefix && sent === 0) {
        req.write(opts.prefix);
        sent += opts.prefix.length;
      }
      while (!answered && !req.destroyed && sent < opts.total) {
        if (opts.pauseAt !== undefined && !paused && sent >= opts.pauseAt) {
          paused = true;
          return void setTimeout(pump, PAUSE_MS).unref();
        }
        const piece = sent + chunk.length > opts.total ? chunk.subarray(0, opts.total - sent) : chunk;
        sent += piece.length;
        if (!req.write(piece)) return void req.once('drain', pump);
      }
      if (!answered && sent >= opts.total) req.end();
    };
    pump();
  });
}

async function get(path: string, cookie = ''): Promise<{ html: string; cookies: string[] }> {
  const res = await fetch(`http://127.0.0.1:${port}${path}`, { headers: { cookie } });
  return { html: await res.text(), cookies: res.headers.getSetCookie().map((c) => c.split(';')[0]!) };
}

async function login(username: string): Promise<{ cookie: string; csrf: string }> {
  const form = await get('/admin/masuk');
  const body = new URLSearchParams({ _csrf: csrfFrom(form.html), username, password: DEMO_PASSWORD });
  const res = await fetch(`http://127.0.0.1:${port}/admin/masuk`, { method: 'POST', redirect: 'manual', headers: { cookie: form.cookies.join('; '), 'content-type': 'application/x-www-form-urlencoded' }, body });
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith('beranda_sesi='))!;
  const csrf = csrfFrom((await get('/admin/akun/sandi', cookie)).html);
  return { cookie, csrf };
}

describe('request bodies are bounded while they stream', () => {
  let rest = 0;

  beforeAll(async () => {
    child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/child-server.ts'], { stdio: ['ignore', 'pipe', 'inherit'] });
    const first = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout! }).once('line', resolve);
      child.once('exit', (code) => reject(new Error(`server exited ${code}`)));
    });
    port = (JSON.parse(first) as { port: number }).port;
    // Warm up the paths used below, then take the resting size.
    for (let i = 0; i < 5; i++) {
      await get('/admin/masuk');
      await post('/admin/masuk', { total: 100, announce: true });
    }
    await new Promise((r) => setTimeout(r, 300));
    rest = rssOf(child.pid!);
  }, 60_000);
  afterAll(() => {
    child?.kill('SIGTERM');
  });

  it('a 100 MB anonymous post is refused before it is read, and memory stays within 50 MB of rest', async () => {
    const { result, peak } = await peakDuring(async () => [
      // Announced: refused on its Content-Length alone.
      await post('/admin/unit/bacang/kabar/x', { total: 100 * MB, announce: true, pauseAt: 2 * MB }),
      // Not announced: a stranger is sent to the login page without the body being read.
      await post('/admin/unit/bacang/kabar/x', { total: 100 * MB, announce: false, pauseAt: 2 * MB }),
      // The login form is the one body a stranger can make us read: cut at its small limit.
      await post('/admin/masuk', { total: 100 * MB, announce: false, pauseAt: 2 * MB }),
      // A public address that takes no posts at all.
      await post('/bacang', { total: 100 * MB, announce: false, pauseAt: 2 * MB }),
    ]);
    const [announced, chunked, loginForm, site] = result;
    expect(announced!.status).toBe(413);
    expect(announced!.body).toContain('Kiriman terlalu besar');
    expect(chunked!.status).toBe(303);
    expect(chunked!.location).toMatch(/^\/admin\/masuk/);
    expect(loginForm!.status).toBe(413);
    expect(site!.status).toBe(404);
    // Answered while the client waited after its first 2 MB: the server did not need the rest.
    for (const r of result) expect(r.sentWhenAnswered).toBeLessThanOrEqual(2 * MB + 64 * 1024);
    expect(peak - rest, `grew ${((peak - rest) / MB).toFixed(1)} MB over ${(rest / MB).toFixed(0)} MB at rest`).toBeLessThan(50 * MB);
  }, 60_000);

  it('three 100 MB anonymous posts at once stay within 50 MB of rest', async () => {
    const { result, peak } = await peakDuring(() =>
      Promise.all([
        post('/admin/masuk', { total: 100 * MB, announce: false }),
        post('/admin/unit/bacang/konten', { total: 100 * MB, announce: false, headers: { 'content-type': 'multipart/form-data; boundary=x' } }),
        post('/admin/masuk', { total: 100 * MB, announce: true }),
      ]),
    );
    expect(result.map((r) => r.status)).toEqual([413, 303, 413]);
    expect(peak - rest, `grew ${((peak - rest) / MB).toFixed(1)} MB over ${(rest / MB).toFixed(0)} MB at rest`).toBeLessThan(50 * MB);
  }, 60_000);

  it('signed in, an oversize form or upload is cut at its route limit with a clear answer', async () => {
    const op = await login('operator.bacang');
    const form = Buffer.from(`_csrf=${op.csrf}&kind=berita&title=Besar&status=draft&body=`);
    const { result, peak } = await peakDuring(async () => [
      // The plain editor takes 1 MB: 100 MB is cut there.
      await post('/admin/unit/bacang/konten', { total: 100 * MB, announce: false, headers: { cookie: op.cookie }, prefix: form }),
      // A small form (help request): 64 KB.
      await post('/admin/unit/bacang/bantuan', { total: 100 * MB, announce: true, headers: { cookie: op.cookie } }),
      // A multipart post with a wrong token is refused after its first field, not after 100 MB.
      await post('/admin/unit/bacang/kabar/x', {
        total: 100 * MB,
        announce: false,
        headers: { cookie: op.cookie, 'content-type': 'multipart/form-data; boundary=b' },
        prefix: Buffer.from('--b\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\nsalah\r\n--b\r\nContent-Disposition: form-data; name="foto"; filename="a.jpg"\r\n\r\n'),
        pauseAt: 2 * MB,
      }),
    ]);
    const [editor, help, wrongToken] = result;
    expect(editor!.status).toBe(413);
    expect(editor!.body).toContain('1 MB');
    expect(help!.status).toBe(413);
    expect(help!.body).toContain('64 KB');
    expect(wrongToken!.status).toBe(403);
    expect(wrongToken!.sentWhenAnswered).toBeLessThanOrEqual(2 * MB + 64 * 1024);
    expect(peak - rest, `grew ${((peak - rest) / MB).toFixed(1)} MB over ${(rest / MB).toFixed(0)} MB at rest`).toBeLessThan(50 * MB);
  }, 60_000);
});
