import { describe, expect, it } from 'vitest';
import { signMediaUrl, verifyMediaUrl } from '../../src/modules/publishing/index.js';

describe('signed public media URLs', () => {
  const signer = { publicUrl: 'https://beranda.pangkalpinangkota.go.id/', secret: 'x'.repeat(40) };
  const now = new Date('2026-11-28T00:00:00Z');
  const check = (url: string, at: Date, secret = signer.secret) => {
    const u = new URL(url);
    return verifyMediaUrl(secret, u.pathname, u.searchParams.get('exp'), u.searchParams.get('sig'), at);
  };
  it('is under PUBLIC_URL and valid until it expires', () => {
    const url = signMediaUrl(signer, 'media/u1/abc-1080x1350.jpg', now);
    expect(url.startsWith('https://beranda.pangkalpinangkota.go.id/media/u1/abc-1080x1350.jpg?exp=')).toBe(true);
    expect(check(url, new Date(now.getTime() + 47 * 3_600_000))).toBe('ok');
    expect(check(url, new Date(now.getTime() + 49 * 3_600_000))).toBe('expired');
  });
  it('refuses another path, a changed expiry or another secret', () => {
    const url = new URL(signMediaUrl(signer, '/media/u1/a.jpg', now));
    expect(verifyMediaUrl(signer.secret, '/media/u1/b.jpg', url.searchParams.get('exp'), url.searchParams.get('sig'), now)).toBe('bad_signature');
    expect(verifyMediaUrl(signer.secret, url.pathname, String(Number(url.searchParams.get('exp')) + 3600), url.searchParams.get('sig'), now)).toBe('bad_signature');
    expect(check(url.toString(), now, 'y'.repeat(40))).toBe('bad_signature');
    expect(verifyMediaUrl(signer.secret, url.pathname, null, null, now)).toBe('bad_signature');
  });
});
