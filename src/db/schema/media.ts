export interface MediaTables {
  media: {
    /** Made by the demo seeder (migration 0600): `npm run beranda -- demo remove` deletes it. */
    is_demo?: number;
    id: string;
    unit_id: string;
    /** File name as sent by the phone; shown in the library, never used to decide the type. */
    original_name: string;
    mime: string;
    width: number;
    height: number;
    bytes: number;
    sha256: string;
    /** Short description (alt text) written by staff. */
    alt: string;
    /** JSON array of Variant (src/modules/media/types.ts). */
    variants: string;
    /** Set when the background job has added the AVIF variants. */
    avif_done_at: string | null;
    created_by: string | null;
    created_at: string;
  };
  /** Every variant file's key → its media item (migration 0651); used to decide who may fetch it. */
  media_keys: {
    key: string;
    media_id: string;
    unit_id: string;
  };
}
