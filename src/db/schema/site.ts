export type ContentKind = 'berita' | 'pengumuman' | 'agenda' | 'halaman';
export type ContentStatus = 'draft' | 'scheduled' | 'published' | 'archived';
/** The four UU KIP categories of public information. */
export type KipCategory = 'berkala' | 'serta_merta' | 'setiap_saat' | 'dikecualikan';

export interface SiteTables {
  /** Units whose public pages changed, kept a day: the LISTEN/NOTIFY adapter's missed-notification log (migration 0951). */
  page_changes: {
    unit_id: string;
    /** The database's clock, epoch milliseconds. */
    at: number;
  };
  profile_sections: {
    /** Made by the demo seeder (migration 0600): `npm run beranda -- demo remove` deletes it. */
    is_demo?: number;
    unit_id: string;
    /** identitas | narasi | aparatur | wilayah | lembaga | sarana | potensi | statistik */
    section: string;
    /** JSON validated by src/modules/profile/sections.ts. */
    data: string;
    updated_by: string | null;
    updated_at: string;
  };
  content_items: {
    id: string;
    unit_id: string;
    kind: ContentKind;
    slug: string;
    title: string;
    summary: string;
    /** Sanitised HTML (src/modules/content/sanitize-html.ts). */
    body_html: string;
    cover_media_id: string | null;
    cover_alt: string;
    author_name: string;
    created_by: string | null;
    status: ContentStatus;
    /** ISO UTC; public once status is published/scheduled and this moment has passed. */
    publish_at: string | null;
    event_start: string | null;
    event_end: string | null;
    event_place: string | null;
    /** Stemmed words for full-text search (src/db/search.ts). */
    search_text: string;
    is_demo: number;
    created_at: string;
    updated_at: string;
  };
  galleries: {
    id: string;
    unit_id: string;
    slug: string;
    title: string;
    description: string;
    status: ContentStatus;
    publish_at: string | null;
    is_demo: number;
    created_at: string;
    updated_at: string;
  };
  gallery_photos: {
    id: string;
    gallery_id: string;
    unit_id: string;
    media_id: string | null;
    alt: string;
    caption: string;
    position: number;
    created_at: string;
  };
  public_documents: {
    id: string;
    unit_id: string;
    category: KipCategory;
    title: string;
    description: string;
    year: number | null;
    /** Our own /media/… URL or an https link to the official publication. */
    file_url: string;
    status: ContentStatus;
    publish_at: string | null;
    is_demo: number;
    created_at: string;
    updated_at: string;
  };
  service_catalogue: {
    code: string;
    /** JSON of Service (src/modules/services/catalogue.ts). */
    data: string;
    position: number;
    updated_at: string;
  };
  unit_services: {
    unit_id: string;
    service_code: string;
    enabled: number;
    featured: number;
    /** JSON of ServiceAdjustment. */
    adjustment: string;
    updated_at: string;
  };
}
