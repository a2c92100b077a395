import { facebookProvider } from './providers/facebook.js';
import { GraphThrottle } from './providers/graph.js';
import { instagramProvider } from './providers/instagram.js';
import { type CallGate, RateGate } from './providers/rate-gate.js';
import type { Platform, SocialProvider } from './providers/social-provider.js';
import { tiktokProvider } from './providers/tiktok.js';

export interface ProviderSettings {
  /** Config graphApiBase, including the version. */
  graphBase: string;
  tiktokBase: string;
  tiktokAudited?: boolean;
  timeoutMs?: number;
  /** Poll pacing; tests and the demo shorten these. */
  instagramPollMs?: number;
  tiktokPollMs?: number;
  maxPolls?: number;
  sleep?(ms: number): Promise<void>;
  /** TikTok's call windows shared by every worker (pgCallGate on PostgreSQL); default this process's. */
  tiktokGate?: CallGate;
}

/** One adapter per platform for this process (the TikTok call windows are shared by all its deliveries). */
export function createProviders(s: ProviderSettings): Record<Platform, SocialProvider> {
  const common = { ...(s.timeoutMs ? { timeoutMs: s.timeoutMs } : {}), ...(s.sleep ? { sleep: s.sleep } : {}) };
  // Facebook and Instagram share one Meta app, hence one usage budget and one throttle.
  const throttle = new GraphThrottle();
  return {
    facebook: facebookProvider({ graphBase: s.graphBase, throttle, ...common }),
    instagram: instagramProvider({
      graphBase: s.graphBase,
      throttle,
      ...common,
      ...(s.instagramPollMs !== undefined ? { pollIntervalMs: s.instagramPollMs } : {}),
      ...(s.maxPolls !== undefined ? { maxPolls: s.maxPolls } : {}),
    }),
    tiktok: tiktokProvider({
      tiktokBase: s.tiktokBase,
      audited: s.tiktokAudited ?? false,
      gate: s.tiktokGate ?? new RateGate(),
      ...common,
      ...(s.tiktokPollMs !== undefined ? { pollIntervalMs: s.tiktokPollMs } : {}),
      ...(s.maxPolls !== undefined ? { maxPolls: s.maxPolls } : {}),
    }),
  };
}
