// Public surface of the image-card module: generated images for posts without photos.
export type { CardColors, CardInput, CardSize, CardTemplate } from './types.js';
export { CARD_SIZES } from './types.js';
export { DEFAULT_COLORS, TEMPLATE_STYLES } from './card-templates.js';
export { type CardSet, renderCard, renderCardSet, renderCardSvg, type RenderedCard } from './render-card.js';
export { formatDateWib } from './format-date-wib.js';
export { titleFontSize } from './card-layouts.js';
