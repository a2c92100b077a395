import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { newId } from '../../shared/ids.js';

// Citizens' documents (KTP, KK, pengantar RT/RW …) and issued letters live in their own folder,
// never under the public media folder that /media serves: the only way to read one is through a
// staff route that checks the unit, the role and a short-lived link, and writes the audit log.
// Keys are random (not content hashes) so nothing about a file can be guessed or deduplicated
// across units, and deleting a request's files deletes exactly those files.

export interface PrivateStore {
  put(unitId: string, bytes: Buffer): Promise<string>;
  read(key: string): Promise<Buffer | null>;
  /** Idempotent: removing a missing file is not an error (retention may run twice). */
  remove(key: string): Promise<void>;
  /** Writes under a given key (for `media migrate`, which keeps keys); idempotent. */
  putAt(key: string, bytes: Buffer): Promise<void>;
  /** Every stored key (for `media migrate`). */
  keys(): AsyncIterable<string>;
}

const KEY = /^[a-z0-9]{10,40}\/[a-z0-9]{22}$/;

export const isPrivateKey = (key: string): boolean => KEY.test(key);

export function createFilePrivateStore(dir: string): PrivateStore {
  const full = (key: string) => {
    if (!KEY.test(key)) throw new Error('invalid private storage key');
    return path.join(dir, key);
  };
  return {
    async put(unitId, bytes) {
      const key = `${unitId}/${newId()}`;
      const file = full(key);
      await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
      // 0600: readable by the service user only, whatever the umask.
      await writeFile(file, bytes, { mode: 0o600, flag: 'wx' });
      return key;
    },
    async putAt(key, bytes) {
      const file = full(key);
      await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
      await writeFile(file, bytes, { mode: 0o600 });
    },
    async read(key) {
      try {
        return await readFile(full(key));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw e;
      }
    },
    async remove(key) {
      await rm(full(key), { force: true });
    },
    async *keys() {
      for (const unit of (await readdir(dir).catch(() => [] as string[])).sort()) {
        for (const f of (await readdir(path.join(dir, unit)).catch(() => [] as string[])).sort()) {
          if (KEY.test(`${unit}/${f}`)) yield `${unit}/${f}`;
        }
      }
    },
  };
}
