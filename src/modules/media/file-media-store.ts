import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Where variant files live. Keys are content addresses (sha256 of the bytes), so a file never
 * changes once written, can be cached forever, and storing the same bytes twice is a no-op —
 * which makes every writer safe to retry. An S3-compatible store can implement the same port.
 */
export interface MediaStore {
  /** Stores bytes and returns their key, e.g. "3f/a2/3fa2…e1.webp". Idempotent. */
  put(data: Buffer, ext: string): Promise<string>;
  /** Reads a stored file; throws when it is missing (a bug or a lost disk, not user input). */
  read(key: string): Promise<Buffer>;
  /** Absolute path for serving a key from disk, or null when the key is malformed. */
  pathOf(key: string): string | null;
}

const KEY = /^[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f]{64}\.[a-z0-9]{2,5}$/;

export const contentKey = (data: Buffer, ext: string): string => {
  const hash = createHash('sha256').update(data).digest('hex');
  return `${hash.slice(0, 2)}/${hash.slice(2, 4)}/${hash}.${ext}`;
};

export function createFileMediaStore(root: string): MediaStore {
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
    pathOf: resolve,
  };
}
