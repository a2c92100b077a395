import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The AWS SDK is loaded on the first call to a bucket, never when the server composes its stores
// (perf's "nothing heavy before it is used", issue 20): a city on the local folder never pays
// for it. Run in a child process, because the test runner's own process may have loaded it.

const root = path.resolve(import.meta.dirname, '../..');
const script = `
import { createRequire } from 'node:module';
const { mediaStoreFor, privateStoreFor } = await import('./src/main/stores.ts');
const require = createRequire(import.meta.url);
const loaded = () => Object.keys(require.cache).some((f) => f.includes('client-s3'));
const s3 = { endpoint: 'http://127.0.0.1:9', region: 'us-east-1', bucket: 'b', privateBucket: 'b', forcePathStyle: true, publicBaseUrl: null, accessKeyId: 'x', secretAccessKey: 'y' };
const media = mediaStoreFor({ objectStore: s3, mediaDir: '/nonexistent' });
privateStoreFor({ objectStore: s3, pelayananDir: '/nonexistent' });
const before = loaded();
await media.has('ab/cd/' + 'abcd'.repeat(16) + '.webp').catch(() => null);
console.log(JSON.stringify({ before, after: loaded() }));
`;

describe('S3 media store', () => {
  it('loads the AWS SDK only when a bucket is first used', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    expect(r.stderr).not.toMatch(/Error/);
    expect(JSON.parse(r.stdout.trim().split('\n').pop()!)).toEqual({ before: false, after: true });
  });
});
