// Public surface: captions per platform for the composer's preview and for deliveries.
export { type CaptionLimits, type CaptionPlatform, CAPTION_PLATFORMS, countChars, limitsFor } from './limits.js';
export { type Caption, type CaptionInput, type CaptionWarning, captionFor, displayUrl } from './caption-for.js';
export { type CaptionCheck, type CaptionProblem, captionProblemTexts, checkCaption } from './check-caption.js';
export { cleanHashtags, hashtagsIn, mentionsIn, normalizeHashtag } from './hashtags.js';
export { toPlainText } from './to-plain-text.js';
