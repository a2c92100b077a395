// Tables of the composer module (migrations 0250_composer.ts, 0700_draft_versions.ts).

export type DraftStatus = 'draft' | 'submitted' | 'returned' | 'scheduled' | 'published';
export type ComposerTemplate = 'pengumuman' | 'kegiatan' | 'layanan' | 'himbauan' | 'ucapan' | 'berita';
export type CommentKind = 'comment' | 'submitted' | 'returned' | 'approved' | 'help';

export interface ComposerTables {
  composer_drafts: {
    id: string;
    unit_id: string;
    template: ComposerTemplate;
    title: string;
    /** The composer's simple text: paragraphs, **bold**, "- " lists, [text](https://…) links. */
    body: string;
    /** JSON string[]. */
    hashtags: string;
    /** JSON [{ mediaId, alt }] in display order. */
    photos: string;
    /** JSON string[] of channel ids; null = every channel of the unit. */
    channel_ids: string | null;
    /** JSON { facebook?, instagram?, tiktok? }: captions the user edited by hand. */
    captions: string;
    tiktok_privacy: string | null;
    status: DraftStatus;
    /** ISO UTC; the chosen time for scheduled drafts, the actual time for published ones. */
    publish_at: string | null;
    /** The content item made when the draft was scheduled or published. */
    content_id: string | null;
    /** Set when a scheduled post went out late (the server was down at its time). */
    late_note: string | null;
    /** Where the user was, so a reload brings them back there. */
    step: string;
    /** Bumped on every save; lets the autosave script notice a newer save from another tab. */
    revision: number;
    created_by: string | null;
    updated_by: string | null;
    created_at: string;
    updated_at: string;
    published_at: string | null;
    /** The editor page (a random id per page load) that saved last; 0700_draft_versions. */
    editor_session: string | null;
  };
  /** Text set aside when two people's saves clashed, so neither is lost (0700_draft_versions). */
  composer_draft_versions: {
    id: string;
    unit_id: string;
    draft_id: string;
    title: string;
    body: string;
    /** JSON string[]. */
    hashtags: string;
    /** JSON { facebook?, instagram?, tiktok? }. */
    captions: string;
    /** JSON { [mediaId]: alt }. */
    alts: string;
    written_by: string | null;
    written_by_name: string;
    written_at: string;
    set_aside_at: string;
  };
  composer_comments: {
    id: string;
    unit_id: string;
    draft_id: string;
    author_id: string | null;
    author_name: string;
    kind: CommentKind;
    body: string;
    created_at: string;
  };
  help_requests: {
    id: string;
    unit_id: string;
    draft_id: string | null;
    requested_by: string | null;
    requester_name: string;
    message: string;
    status: 'open' | 'answered';
    created_at: string;
    answered_at: string | null;
    answered_by: string | null;
    /** The pendamping's reply (0701_staff_messages). */
    answer: string | null;
  };
  composer_settings: {
    unit_id: string;
    approval_required: number;
    updated_by: string | null;
    updated_at: string;
  };
  broadcasts: {
    id: string;
    region_code: string;
    title: string;
    body: string;
    created_by: string | null;
    created_at: string;
  };
  broadcast_items: {
    broadcast_id: string;
    unit_id: string;
    content_id: string;
    created_at: string;
  };
}
