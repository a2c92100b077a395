// Public surface of the channels module: the account registry per unit, OAuth connection,
// token health, the provider adapters and the manual-link check.
export type { ChannelsDeps } from './deps.js';
export * from './providers/social-provider.js';
export type { ImageShape, PlatformDescriptor } from './providers/platform.js';
export { PLATFORMS, isApiPlatform, platformName, platformOf } from './providers/platforms.js';
export { facebookProvider, facebookPlatform } from './providers/facebook.js';
export { instagramProvider, instagramPlatform } from './providers/instagram.js';
export { tiktokProvider, tiktokPlatform, type TikTokCreatorInfo } from './providers/tiktok.js';
export { createProviders, type ProviderSettings } from './create-providers.js';
export { type CallGate, RateGate, tokenWindowKey } from './providers/rate-gate.js';
export { pgCallGate } from './shared-call-gate.js';
export { pruneCallWindows } from './prune-call-windows.js';
export { parsePlatformJson } from './providers/platform-json.js';
export { encryptToken, decryptToken, parseTokenKey, tokenKeyFrom, type TokenKey } from './token-crypto.js';
export { reencryptTokens, unreadableTokens, type ReencryptReport } from './reencrypt-tokens.js';
export {
  facebookAuthorizationUrl,
  exchangeFacebookCode,
  extendFacebookToken,
  listFacebookPages,
  tiktokAuthorizationUrl,
  exchangeTikTokCode,
  refreshTikTokToken,
  revokeTikTokToken,
  missingTikTokScopes,
  inspectFacebookToken,
  type FacebookTokenInfo,
  type TokenSet,
  type FacebookPage,
} from './oauth.js';
export { registerChannel, registerChannelAsStaff, type RegisterChannelError } from './register-channel.js';
export { connectChannel, connectChannelAsStaff } from './connect-channel.js';
export { pickPageSchema } from './pick-page-schema.js';
export { type DisconnectError, disconnectChannel } from './disconnect-channel.js';
export { markNeedsReconnect } from './mark-needs-reconnect.js';
export { refreshChannelToken, type RefreshOutcome } from './refresh-channel-token.js';
export { checkTokenHealth, type TokenHealthReport } from './check-token-health.js';
export { notifyOpenAlerts, type AlertNotification, type NotifyOpenAlertsDeps } from './notify-open-alerts.js';
export { providerAccountOf } from './provider-account.js';
export { verifyManualLink, tiktokOEmbedLookup, type ManualLinkError, type VerifiedLink, type AuthorLookup } from './verify-manual-link.js';
export { parseLink, canonicalPostUrl } from './profile-url.js';
export {
  type ChannelRow,
  type ActivityRow,
  type AlertRow,
  getChannel,
  listUnitChannels,
  listConnectedChannels,
  updateChannel,
  insertActivity,
  listActivity,
  listOpenAlerts as listChannelAlerts,
} from './channel-repo.js';
export { channelActivitySource } from './read-models/social-activity.js';
export { registeredAccountsSource } from './registered-accounts-source.js';
