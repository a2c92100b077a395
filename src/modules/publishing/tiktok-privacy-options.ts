import type { ChannelRow } from '../channels/index.js';
import { providerAccountOf } from '../channels/index.js';
import type { PublishingDeps } from './deps.js';

// Which TikTok privacy levels the composer may offer (#14 point 8). TikTok's rule: query the
// creator info when the post is being written and offer only its privacy_level_options, with no
// default. An app TikTok has not audited can only post "Hanya saya" (SELF_ONLY), so that is then
// the only choice, said plainly — never "Semua orang" followed by a private post.

export interface TikTokPrivacyChoice {
  /** Levels every chosen TikTok account allows, in TikTok's order. */
  options: string[];
  /** Only "Hanya saya" is possible (unaudited app or a private account). */
  privateOnly: boolean;
  /** False when TikTok could not be asked (the standard levels are offered; publishing checks again). */
  known: boolean;
}

export const STANDARD_PRIVACY_LEVELS = ['PUBLIC_TO_EVERYONE', 'MUTUAL_FOLLOW_FRIENDS', 'FOLLOWER_OF_CREATOR', 'SELF_ONLY'];
const CACHE_MS = 5 * 60_000;
const cache = new Map<string, { at: number; options: string[]; privateOnly: boolean }>();

/**
 * The choice for the draft's connected TikTok accounts; null when it goes to none. Answers are
 * kept for five minutes per account (TikTok allows 20 creator-info calls a minute per token) and
 * a slow TikTok is waited for at most `timeoutMs`, so the editor never hangs on it.
 */
export async function tiktokPrivacyChoice(
  deps: Pick<PublishingDeps, 'providers' | 'tokenKey' | 'clock'>,
  channels: ChannelRow[],
  opts: { timeoutMs?: number } = {},
): Promise<TikTokPrivacyChoice | null> {
  const tiktok = channels.filter((c) => c.platform === 'tiktok' && c.state === 'connected');
  if (tiktok.length === 0) return null;
  const provider = deps.providers.tiktok;
  const now = deps.clock.now().getTime();
  const answers: { options: string[]; privateOnly: boolean }[] = [];
  for (const ch of tiktok) {
    const hit = cache.get(ch.id);
    if (hit && now - hit.at < CACHE_MS) {
      answers.push(hit);
      continue;
    }
    const account = providerAccountOf(ch, deps.tokenKey);
    if (!account || !provider?.creatorInfo) continue;
    const r = await Promise.race([provider.creatorInfo(account), new Promise<null>((res) => setTimeout(() => res(null), opts.timeoutMs ?? 4000).unref?.())]);
    if (!r || !r.ok) continue;
    const a = { at: now, options: r.value.privateOnly ? ['SELF_ONLY'] : r.value.privacyLevelOptions, privateOnly: r.value.privateOnly };
    cache.set(ch.id, a);
    answers.push(a);
  }
  if (answers.length === 0) return { options: STANDARD_PRIVACY_LEVELS.filter((o) => o !== 'FOLLOWER_OF_CREATOR'), privateOnly: false, known: false };
  const options = answers.reduce((acc, a) => acc.filter((o) => a.options.includes(o)), answers[0]!.options);
  return { options, privateOnly: answers.some((a) => a.privateOnly) || (options.length === 1 && options[0] === 'SELF_ONLY'), known: true };
}

/** Forgets what TikTok said (tests; a reconnected account). */
export const forgetPrivacyOptions = (channelId?: string) => (channelId ? cache.delete(channelId) : cache.clear());
