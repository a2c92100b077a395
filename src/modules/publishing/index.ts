// Public surface of the publishing module: deliveries of content items to social channels.
export { DEFAULT_POLICY, type DeliveryPolicy, type PublishingDeps } from './deps.js';
export { enqueueDeliveries } from './enqueue-deliveries.js';
export { runDelivery, type RunDeliveryError, type RunOutcome } from './run-delivery.js';
export { runDueDeliveries, type SweepReport } from './run-due-deliveries.js';
export { syncActivity, type SyncReport } from './sync-activity.js';
export { completeManualDelivery, type CompleteManualError } from './complete-manual-delivery.js';
export { resendDelivery } from './resend-delivery.js';
export { listDeliveries, type DeliveryView } from './list-deliveries.js';
export { audienceOf, audienceLine, audienceSummary, audienceText, countAudiences, type Audience, type AudienceCounts } from './delivery-audience.js';
export { type DeliveryRow, countByState } from './delivery-repo.js';
export { signMediaUrl, verifyMediaUrl, type MediaUrlCheck, type MediaUrlSigner } from './public-media-url.js';
export { listUnitPosts, type UnitPostSummary } from './list-unit-posts.js';
export { signVariantMedia, withSignedMedia } from './sign-variant-media.js';
export { getDeliveryVariant } from './get-delivery-variant.js';
export { refreshUnsentDeliveries, withdrawUnsentDeliveries } from './unsent-deliveries.js';
export { tiktokPrivacyChoice, forgetPrivacyOptions, STANDARD_PRIVACY_LEVELS, type TikTokPrivacyChoice } from './tiktok-privacy-options.js';
