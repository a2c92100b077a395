import type { ChannelRow } from './channel-repo.js';
import type { ProviderAccount } from './providers/social-provider.js';
import { decryptToken, type TokenKey } from './token-crypto.js';

/** The decrypted account an adapter needs; null when the channel holds no usable token. */
export function providerAccountOf(channel: ChannelRow, key: TokenKey): ProviderAccount | null {
  if (channel.state !== 'connected' || !channel.access_token_enc || !channel.platform_account_id) return null;
  const token = decryptToken(key, channel.access_token_enc, channel.id);
  if (!token) return null;
  return { platformAccountId: channel.platform_account_id, accessToken: token, handle: channel.handle };
}
