import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import type { Clock } from '../../shared/clock.js';
import type { Platform, SocialProvider } from './providers/social-provider.js';
import type { TokenKey } from './token-crypto.js';
import type { FacebookOAuthDeps, TikTokOAuthDeps } from './oauth.js';

/** What the channels use cases need; the composition root builds it from Config. */
export interface ChannelsDeps {
  db: Kysely<DB>;
  clock: Clock;
  /** From TOKEN_ENCRYPTION_KEY (parseTokenKey). */
  tokenKey: TokenKey;
  providers: Partial<Record<Platform, SocialProvider>>;
  /** For refreshing and revoking TikTok tokens; absent when no TikTok app is configured. */
  tiktokOAuth?: Omit<TikTokOAuthDeps, 'clock'>;
  /** For Meta's debug_token health check; absent when no Meta app is configured. */
  facebookApp?: Omit<FacebookOAuthDeps, 'clock'>;
}
