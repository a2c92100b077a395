import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readFile, readdir, rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';

/**
 * Where variant files live: a local folder (the default) or an S3-compatible bucket
 * (s3-media-store.ts, MEDIA_STORE=s3). Keys are content addresses (sha256 of the bytes), so a
 * file never changes once written, can be cached forever, and storing the same bytes twice is a
 * no-op — which makes every writer safe to retry, and `media migrate` safe to resume.
 */
export interface MediaStore {
  /** Stores bytes and returns their key, e.g. "3f/a2/3fa2…e1.webp". Idempotent. */
  put(data: Buffer, ext: string): Promise<string>;
  /** Reads a stored file; throws when it is missing (a bug or a lost disk, not user input). */
  read(key: string): Promise<Buffer>;
  /** A stored file to serve, or null when the key is malformed or the file missing. */
  open(key: string): Promise<{ size: number; body: ReadableStream<Uint8Array> } | null>;
  has(key: string): Promise<boolean>;
  /** Idempotent: removing a missing file is not an error. */
  remove(key: string): Promise<void>;
  /** Every stored key in key order, after `startAfter` when given. */
  keys(startAfter?: string): AsyncIterable<string>;
  /** Where the public may fetch a published file directly (CDN or bucket), or null: stream it. */
  publicUrl(key: string): string | null;
}

/** The local folder's store also answers where a key lives on disk (tests and tools). */
export interface FileMediaStore extends MediaStore {
  pathOf(key: string): string | null;
}

const KEY = /^[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f]{64}\.[a-z0-9]{2,5}$/;

export const isMediaKey = (key: string): boolean => KEY.test(key);

export const contentKey = (data: Buffer, ext: string): string => {
  const hash = createHash('sha256').update(data).digest('hex');
  return `${hash.slice(0, 2)}/${hash.slice(2, 4)}/${hash}.${ext}`;
};

export const MEDIA_TYPES: Record<string, string> = { jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', avif: 'image/avif', gif: 'image/gif' };

export function createFileMediaStore(root: string): FileMediaStore {
  const resolve = (key: string): string | null => (KEY.test(key) ? path.join(root, key) : null);
  return {
    async put(data, ext) {
      const key = contentKey(data, ext);
      const target = path.join(root, key);
      try {
        await stat(target);
        return key;
      } catch {
        // not there yet
      }
      await mkdir(path.dirname(target), { recursive: true });
      // Write then rename: a reader never sees half a file, and a crash leaves only a temp file.
      const tmp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
      await writeFile(tmp, data);
      try {
        await rename(tmp, target);
      } catch (error) {
        await unlink(tmp).catch(() => {});
        throw error;
      }
      return key;
    },
    async read(key) {
      const p = resolve(key);
      if (!p) throw new Error(`Malformed media key: ${key}`);
      return readFile(p);
    },
    async open(key) {
      const p = resolve(key);
      if (!p) return null;
      try {
        const { size } = await stat(p);
        return { size, body: Readable.toWeb(createReadStream(p)) as ReadableStream<Uint8Array> };
      } catch {
        return null;
      }
    },
    async has(key) {
      const p = resolve(key);
      return p ? stat(p).then(() => true, () => false) : false;
    },
    async remove(key) {
      const p = resolve(key);
      if (p) await unlink(p).catch(() => {});
    },
    async *keys(startAfter) {
      // Two levels of two-hex folders: sorted walking gives key order, as a bucket listing does.
      const names = async (dir: string) => (await readdir(dir).catch(() => [] as string[])).filter((n) => /^[0-9a-f]{2}$/.test(n)).sort();
      for (const a of await names(root)) {
        for (const b of await names(path.join(root, a))) {
          const files = (await readdir(path.join(root, a, b))).sort();
          for (const f of files) {
            const key = `${a}/${b}/${f}`;
            if (KEY.test(key) && (!startAfter || key > startAfter)) yield key;
          }
        }
      }
    },
    publicUrl: () => null,
    pathOf: resolve,
  };
}
