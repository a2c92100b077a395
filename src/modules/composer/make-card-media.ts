import { renderCard } from '../cards/index.js';
import { storeUpload, type MediaDeps } from '../media/index.js';
import type { CardRequest } from './deps.js';

/**
 * A post without photos still needs a picture for Instagram, TikTok and link previews: render the
 * template's image card (4:5) and keep it in the unit's media library like any photo, so every
 * crop and web size exists and the same card is reused when the post is published again.
 */
export function cardMaker(media: MediaDeps): (req: CardRequest) => Promise<string | null> {
  return async (req) => {
    const card = await renderCard(
      { template: req.template, size: 'portrait', title: req.title, text: req.text, date: req.date, unitName: `Kelurahan ${req.unitName}`, siteLabel: req.siteLabel },
      { format: 'jpeg' },
    );
    const stored = await storeUpload(media, { unitId: req.unitId, userId: req.userId, originalName: 'kartu-kabar.jpg', bytes: card.data, alt: req.title });
    return stored.ok ? stored.value.item.id : null;
  };
}
