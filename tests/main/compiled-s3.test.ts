import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentKey } from '../../src/modules/media/file-media-store.js';
import { signMediaUrl } from '../../src/modules/publishing/public-media-url.js';
import { createS3Bucket } from '../../src/storage/s3-bucket.js';
import { createTestBucket, type TestBucket } from '../support/test-bucket.js';

// MEDIA_STORE=s3 from the compiled bundle `npm start` runs (decision 0014): the AWS SDK stays a
// package loaded by a dynamic import (not compiled in, not loaded at start), and the compiled
// server streams a file from the bucket (a signed platform link, which reads the store directly).

const root = path.resolve(import.meta.dirname, '../..');
const run = promisify(execFile);
const SECRET = 'd'.repeat(40);

describe('the compiled server on an S3-compatible bucket', () => {
  const out = path.join(root, '.tmp', `build-s3-${process.pid}`);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'beranda-compiled-s3-'));
  let bucket: TestBucket;
  let child: ChildProcess;
  let base = '';
  let output = '';

  beforeAll(async () => {
    bucket = await createTestBucket();
    await run(process.execPath, ['scripts/build.mjs', '--outdir', out, '--quiet'], { cwd: root });
    const s3 = bucket.config;
    const env: Record<string, string> = {
      ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, BERANDA_DEMO: '0', BERANDA_SECRET: SECRET, LOG_LEVEL: 'warn',
      MEDIA_STORE: 's3', S3_ENDPOINT: s3.endpoint!, S3_BUCKET: s3.bucket, S3_ACCESS_KEY_ID: s3.accessKeyId, S3_SECRET_ACCESS_KEY: s3.secretAccessKey, S3_FORCE_PATH_STYLE: '1',
    };
    delete env.DATABASE_URL;
    child = spawn(process.execPath, [path.join(out, 'main', 'start.js')], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stderr!.on('data', (d) => (output += d));
    base = await new Promise<string>((resolve, reject) => {
      child.stdout!.on('data', (d) => {
        output += d;
        const m = /berjalan di http:\/\/localhost:(\d+)/.exec(output);
        if (m && output.includes('Kode pemasangan')) resolve(`http://127.0.0.1:${m[1]}`);
      });
      child.once('exit', (code) => reject(new Error(`server exited ${code}: ${output}`)));
    });
  }, 180_000);

  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    await bucket?.close();
    rmSync(out, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps the AWS SDK out of the bundle, imported only where a bucket is used', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        if (e.isDirectory()) walk(path.join(dir, e.name));
        else if (e.name.endsWith('.js')) files.push(path.join(dir, e.name));
      }
    };
    walk(out);
    const code = files.map((f) => readFileSync(f, 'utf8'));
    expect(code.some((c) => /import\(\s*["']@aws-sdk\/client-s3["']\s*\)/.test(c))).toBe(true);
    expect(code.some((c) => /from\s*["']@aws-sdk\/client-s3["']/.test(c))).toBe(false);
  });

  it('streams a file from the bucket through a signed link', async () => {
    const bytes = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#0b5d3b' } }).webp().toBuffer();
    const key = contentKey(bytes, 'webp');
    await createS3Bucket(bucket.config, bucket.config.bucket).put(`media/${key}`, bytes, { contentType: 'image/webp' });
    const url = signMediaUrl({ publicUrl: base, secret: SECRET }, `/media/${key}`, new Date());
    const r = await fetch(url);
    expect(r.status).toBe(200);
    expect(Buffer.from(await r.arrayBuffer()).equals(bytes)).toBe(true);
    const missing = signMediaUrl({ publicUrl: base, secret: SECRET }, `/media/${contentKey(Buffer.from('none'), 'webp')}`, new Date());
    expect((await fetch(missing)).status).toBe(404);
  });
});
