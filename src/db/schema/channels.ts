// Tables of the channels and publishing modules (migration 0300_channels.ts).

export type ChannelPlatform = 'facebook' | 'instagram' | 'tiktok' | 'youtube' | 'whatsapp_channel' | 'x';
/** registered: known account, posted to by hand (manual kit); connected: OAuth tokens held. */
export type ChannelState = 'registered' | 'connected' | 'needs_reconnect';
export type DeliveryState =
  | 'queued'
  | 'sending'
  | 'waiting_platform'
  | 'published'
  | 'failed'
  | 'manual_needed'
  | 'unconfirmed';

export type DeliveryChangeKind = 'edit' | 'delete';
export type DeliveryChangeState = 'queued' | 'sending' | 'done' | 'failed';

export interface ChannelsTables {
  channel_accounts: {
    id: string;
    unit_id: string;
    platform: ChannelPlatform;
    /** Username without "@" (Page username for Facebook). */
    handle: string;
    profile_url: string;
    display_name: string | null;
    is_official: number;
    state: ChannelState;
    /** Page id, IG user id or TikTok open_id once connected. */
    platform_account_id: string | null;
    /** AES-256-GCM, bound to this row's id (see token-crypto.ts). */
    access_token_enc: string | null;
    refresh_token_enc: string | null;
    token_expires_at: string | null;
    refresh_expires_at: string | null;
    /** Connected to the local contract fakes (demo "simulasi"). */
    is_simulation: number;
    /** No calls to this account before this time (the platform asked us to slow down). */
    cooldown_until: string | null;
    /** A process is refreshing this account's token until then (refresh-channel-token.ts). */
    refresh_lease_until: string | null;
    last_post_seen_at: string | null;
    last_post_url: string | null;
    last_synced_at: string | null;
    created_at: string;
    updated_at: string;
  };
  deliveries: {
    id: string;
    unit_id: string;
    /** The content item; no foreign key, the content tables belong to another module. */
    post_id: string;
    channel_id: string;
    platform: ChannelPlatform;
    state: DeliveryState;
    /** JSON PostVariant snapshot: caption, link, public image URLs, TikTok privacy. */
    variant: string;
    attempts: number;
    /** Times "belum pasti" was checked against the account without an answer. */
    unconfirmed_checks: number;
    next_attempt_at: string | null;
    locked_until: string | null;
    waiting_since: string | null;
    reason_code: string | null;
    reason: string | null;
    /** Platform code, message and trace id of the last failure, for support (never shown as the reason). */
    platform_detail: string | null;
    platform_post_id: string | null;
    permalink: string | null;
    visibility: string | null;
    published_at: string | null;
    /** JSON: how a manual posting was verified. */
    evidence: string | null;
    created_at: string;
    updated_at: string;
  };
  /** Every id a platform returned and every "attempted" marker, one row per step. */
  delivery_steps: {
    delivery_id: string;
    key: string;
    value: string;
    recorded_at: string;
  };
  /** A change asked of a social copy already out: its text edited or the copy deleted (0702). */
  delivery_changes: {
    delivery_id: string;
    unit_id: string;
    kind: DeliveryChangeKind;
    /** The new text for an edit; null for a delete. */
    message: string | null;
    /** Raised by every new request; a run marks done only the revision it sent. */
    revision: number;
    state: DeliveryChangeState;
    attempts: number;
    next_attempt_at: string | null;
    locked_until: string | null;
    reason_code: string | null;
    reason: string | null;
    platform_detail: string | null;
    requested_by: string | null;
    created_at: string;
    updated_at: string;
    done_at: string | null;
  };
  /** Posts seen on a unit's accounts, from Beranda or made directly on the platform. */
  channel_activity: {
    id: string;
    unit_id: string;
    channel_id: string;
    platform: ChannelPlatform;
    platform_post_id: string;
    permalink: string | null;
    excerpt: string;
    published_at: string;
    source: 'beranda' | 'direct' | 'manual';
    delivery_id: string | null;
    created_at: string;
  };
  /** Open problems with a channel, shown on the unit's staff home and to admin kota. */
  channel_alerts: {
    id: string;
    unit_id: string;
    channel_id: string;
    kind: 'reconnect' | 'expiring';
    /** The sentence of an alert opened before 1070; '' since (said from kind and days where shown). */
    message: string;
    /** Days left of an "expiring" alert. */
    days: number | null;
    created_at: string;
    resolved_at: string | null;
  };
  /**
   * TikTok's per-token call windows shared by every worker (0957; PostgreSQL only): the starts
   * reserved in the last minute (JSON array of ms of the database clock) under a hashed key.
   */
  channel_call_windows: {
    key: string;
    calls: string;
    last_at: number | string;
  };
}
