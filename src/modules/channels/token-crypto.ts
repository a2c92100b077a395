import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

// Platform tokens are stored encrypted (AES-256-GCM) so a copied database or backup does not
// hand out the city's Facebook Pages and TikTok accounts. The key comes from configuration
// (TOKEN_ENCRYPTION_KEY) and is passed in; it never sits next to the data. GCM authenticates the
// ciphertext, and the optional `context` (the channel id) binds a token to its row, so a token
// pasted into another row fails to decrypt instead of posting to the wrong account.

const VERSION = 'v1';

export type TokenKey = Buffer;

/** Accepts the configured key as 64 hex characters or base64 of 32 bytes. */
export function parseTokenKey(raw: string): TokenKey {
  const key = /^[0-9a-fA-F]{64}$/.test(raw) ? Buffer.from(raw, 'hex') : Buffer.from(raw, 'base64');
  if (key.length !== 32) throw new Error('TOKEN_ENCRYPTION_KEY must be 32 bytes (64 hex characters or base64).');
  return key;
}

/**
 * The key in use: TOKEN_ENCRYPTION_KEY when set. Without it (demo, development) a key is derived
 * from BERANDA_SECRET, so a demo still encrypts at rest; production should set its own key so a
 * leaked signing secret does not also open the tokens.
 */
export function tokenKeyFrom(settings: { tokenEncryptionKey: string | null; secret: string }): TokenKey {
  if (settings.tokenEncryptionKey) return parseTokenKey(settings.tokenEncryptionKey);
  return createHash('sha256').update(`beranda-token-key:${settings.secret}`).digest();
}

export function encryptToken(key: TokenKey, plaintext: string, context = ''): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
}

/** Null when the key, the context or the ciphertext is wrong (tampered, or another row's token). */
export function decryptToken(key: TokenKey, sealed: string, context = ''): string | null {
  const [version, data] = sealed.split(':');
  if (version !== VERSION || !data) return null;
  const raw = Buffer.from(data, 'base64url');
  if (raw.length < 28) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
