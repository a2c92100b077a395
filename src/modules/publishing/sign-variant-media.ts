import type { Clock } from '../../shared/clock.js';
import type { PostVariant, SocialProvider } from '../channels/index.js';
import { type MediaUrlSigner, signMediaUrl } from './public-media-url.js';

// A delivery's snapshot keeps plain media URLs ({PUBLIC_URL}/media/<key>): a signature made at
// publish time of the post would be dead by the time a retry, a cooldown or a reconnect lets
// the delivery go out. So the signature is added at the moment of each platform call, by
// wrapping the provider; the platform pulls the image within minutes (TikTok) or within the
// container's 24 hours (Instagram), well inside the link's 48 hours. URLs not under PUBLIC_URL
// are left alone.

export function signVariantMedia(variant: PostVariant, signer: MediaUrlSigner, now: Date): PostVariant {
  const base = signer.publicUrl.replace(/\/+$/, '');
  const sign = (url: string) => {
    if (!url.startsWith(`${base}/media/`)) return url;
    const path = new URL(url).pathname;
    return signMediaUrl(signer, path, now);
  };
  return { ...variant, imageUrls: variant.imageUrls.map(sign) };
}

export function withSignedMedia(provider: SocialProvider, signer: MediaUrlSigner, clock: Clock): SocialProvider {
  return {
    platform: provider.platform,
    publish: (variant, ctx) => provider.publish(signVariantMedia(variant, signer, clock.now()), ctx),
    reconcile: (variant, ctx) => provider.reconcile(signVariantMedia(variant, signer, clock.now()), ctx),
    listRecent: (account, opts) => provider.listRecent(account, opts),
    ...(provider.creatorInfo ? { creatorInfo: provider.creatorInfo.bind(provider) } : {}),
    // Changes to posts already out carry no media: passed through as they are.
    ...(provider.updatePostText ? { updatePostText: provider.updatePostText.bind(provider) } : {}),
    ...(provider.deletePost ? { deletePost: provider.deletePost.bind(provider) } : {}),
  };
}
