import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  PLATFORMS,
  facebookAuthorizationUrl,
  facebookPlatform,
  instagramPlatform,
  platformName,
  tiktokAuthorizationUrl,
  tiktokPlatform,
} from '../../src/modules/channels/index.js';
import { limitsFor } from '../../src/modules/publishing-captions/index.js';

// Issue 19.3: one descriptor per platform (name, limits, scopes, media rules), exported by its
// provider, and every place that needs a platform fact reads it there.

const root = path.resolve(import.meta.dirname, '../..');
const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? filesUnder(p) : /\.tsx?$/.test(f) ? [p] : [];
  });

describe('platform descriptors', () => {
  it('each provider exports its descriptor, and the registry holds exactly those', () => {
    expect(PLATFORMS).toEqual({ facebook: facebookPlatform, instagram: instagramPlatform, tiktok: tiktokPlatform });
    expect(instagramPlatform.caption).toMatchObject({ maxChars: 2_200, hashtagsMax: 30, mentionsMax: 20 });
    expect(tiktokPlatform.caption).toMatchObject({ maxChars: 4_000, titleMaxChars: 90 });
    expect(platformName('tiktok')).toBe('TikTok');
    expect(platformName('youtube')).toBe('youtube');
  });

  it('the caption rules, the OAuth scopes and the composer read them', () => {
    for (const p of ['facebook', 'instagram', 'tiktok'] as const) expect(limitsFor(p)).toEqual({ platform: p, ...PLATFORMS[p].caption });
    const fb = new URL(facebookAuthorizationUrl({ clientId: 'c', redirectUri: 'https://x/cb', state: 's' }));
    expect(fb.searchParams.get('scope')!.split(',')).toEqual([...facebookPlatform.scopes, ...instagramPlatform.scopes]);
    const tt = new URL(tiktokAuthorizationUrl({ clientKey: 'k', redirectUri: 'https://x/cb', state: 's' }));
    expect(tt.searchParams.get('scope')!.split(',')).toEqual([...tiktokPlatform.scopes]);
  });

  it('no other source file spells out a platform fact: names, caption limits, image caps', () => {
    const allowed = (f: string) => /providers\/\w+-platform\.ts$/.test(f) || f.includes(`${path.sep}i18n${path.sep}messages${path.sep}`) || f.includes(`${path.sep}fakes${path.sep}`);
    const facts = [/['"](Facebook|Instagram|TikTok)['"]/, /\b(2_?200|63_?206)\b/, /\b4_?000\b.*(description|caption)/i, /MAX_(PHOTOS|CAROUSEL)\s*=\s*\d/];
    const offenders = filesUnder(path.join(root, 'src'))
      .filter((f) => !allowed(f))
      .flatMap((f) => readFileSync(f, 'utf8').split('\n').map((line, i) => ({ f, line, i })))
      .filter(({ line }) => !line.trim().startsWith('//') && !line.trim().startsWith('*') && facts.some((r) => r.test(line)))
      .map(({ f, i, line }) => `${path.relative(root, f)}:${i + 1}: ${line.trim().slice(0, 80)}`);
    expect(offenders).toEqual([]);
  });
});
