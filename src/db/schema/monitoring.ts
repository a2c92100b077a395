
// Tables of the monitoring and compliance modules (migration 0400_monitoring.ts).

export type PresenceKind = 'beranda_site' | 'website' | 'social';
export type VerdictStatusColumn = 'PASS' | 'FAIL' | 'UNKNOWN' | 'COMPROMISED' | 'EXEMPT';

export interface MonitoringTables {
  /** A unit's own staff asking for a re-check: the last accepted request, for the rate limit (migration 0730). */
  unit_recheck_requests: {
    unit_id: string;
    /** ISO UTC. */
    requested_at: string;
    requested_by: string | null;
  };
  /** What a unit has on the web: its Beranda site, external websites, social accounts. */
  web_presences: {
    /** Made by the demo seeder (migration 0600): `npm run beranda -- demo remove` deletes it. */
    is_demo?: number;
    id: string;
    unit_id: string;
    kind: PresenceKind;
    /** Website address, or the account's profile URL. */
    url: string | null;
    platform: string | null;
    handle: string | null;
    /**
     * Who registered it: auto_beranda (the unit's Beranda site), unit_links (OPD form or CSV),
     * profile (the kelurahan's profile), manual (the monitoring page), demo.
     */
    source: string;
    active: number;
    /** unit_id|kind|url-or-platform:handle, unique: NULLs in a unique index differ per engine. */
    presence_key: string;
    created_at: string;
    updated_at: string;
  };
  /** The city's rule per region (kabupaten/kota code), JSON of CityRule. */
  compliance_rules: {
    region_code: string;
    rule: string;
    updated_by: string | null;
    updated_at: string;
  };
  compliance_exceptions: {
    id: string;
    region_code: string;
    /** null: the whole city (a holiday). */
    unit_id: string | null;
    kind: 'holiday' | 'maintenance';
    starts_at: string;
    ends_at: string;
    reason: string;
    created_by: string | null;
    created_at: string;
  };
  /** Append-only facts from the checks; never updated. */
  monitor_observations: {
    /** Made by the demo seeder (migration 0600): `npm run beranda -- demo remove` deletes it. */
    is_demo?: number;
    id: string;
    unit_id: string;
    kind: string;
    url: string;
    fetched_at: string;
    source: string;
    confidence: string;
    /** Short state for cheap filters: up, down, compromised, ok, … */
    state: string;
    value: string;
    evidence: string;
    created_at: string;
  };
  /** When the crawler first saw each article: ground truth against backdating. */
  monitor_first_seen: {
    /** Made by the demo seeder (migration 0600): `npm run beranda -- demo remove` deletes it. */
    is_demo?: number;
    site_key: string;
    item_key: string;
    first_seen_at: string;
    claimed_at: string | null;
    effective_at: string | null;
    dating: string;
    /** Normalised title (0410): a new address with a known title is a re-post. */
    title_key: string | null;
  };
  monitor_sites: {
    /** Made by the demo seeder (migration 0600): `npm run beranda -- demo remove` deletes it. */
    is_demo?: number;
    site_key: string;
    first_crawled_at: string;
    last_crawled_at: string;
    /** JSON string[] of known sitemap sections. */
    sections: string | null;
  };
  /** "Periksa semua sekarang": one row per request (0410). */
  monitor_check_batches: {
    id: string;
    region_code: string;
    requested_by: string | null;
    created_at: string;
    total: number;
  };
  /** One row per unit of a batch; its job marks it done or failed. */
  monitor_check_batch_units: {
    batch_id: string;
    unit_id: string;
    state: 'queued' | 'running' | 'done' | 'failed';
    started_at: string | null;
    finished_at: string | null;
    error: string | null;
  };
  /** The last RDAP answer per registrable domain (0956), kept across sweeps. */
  monitor_rdap_answers: {
    domain: string;
    asked_at: string;
    outcome: 'found' | 'no_expiry' | 'unavailable' | 'unreadable';
    expires_at: string | null;
    rdap_url: string;
  };
  /** A regency's monitoring registration, last synced from this fingerprint (0970; sync-registrations.ts). */
  monitor_registration_syncs: {
    region_code: string;
    fingerprint: string;
    synced_at: string;
  };
  /** Which worker holds a host, until when (ms of the database clock; 0955, 0976; PostgreSQL only). */
  monitor_host_slots: {
    host: string;
    next_at: number | string;
    /** The worker process holding the lease; null for rows of 0955's one-request reservations. */
    holder?: string | null;
  };
  /** A scheduled sweep split into batches (0952): what it expects, when it finished. */
  monitor_sweeps: {
    id: string;
    started_at: string;
    expected: number;
    batches: number;
    finished_at: string | null;
    /** Every batch job was queued (0953); empty while the sweep job is still queuing them. */
    queued_at?: string | null;
    /** An admin's "Periksa semua sekarang" (0954): its regency and who asked; null for the scheduled sweep. */
    region?: string | null;
    requested_by?: string | null;
  };
  /** One row per unit of a sweep: its batch, who holds it (claim + lease), whether it was checked. */
  monitor_sweep_units: {
    sweep_id: string;
    unit_id: string;
    batch: number;
    state: 'queued' | 'running' | 'done' | 'failed';
    claim: string | null;
    lease_until: string | null;
    checked_at: string | null;
    rechecked_at: string | null;
    error: string | null;
  };
  /** One row per unit and WIB day: uptime and activity for cheap trend charts. */
  monitor_daily: {
    /** Made by the demo seeder (migration 0600): `npm run beranda -- demo remove` deletes it. */
    is_demo?: number;
    unit_id: string;
    day: string;
    checks: number;
    up_checks: number;
    latency_ms_sum: number;
    compromised_checks: number;
    last_site_state: string | null;
    updated_at: string;
  };
  /** The current verdict per unit and period (re-evaluation replaces it). */
  compliance_verdicts: {
    /** Made by the demo seeder (migration 0600): `npm run beranda -- demo remove` deletes it. */
    is_demo?: number;
    id: string;
    unit_id: string;
    period_key: string;
    period_start: string;
    period_end: string;
    status: VerdictStatusColumn;
    /** JSON Reason[] */
    reasons: string;
    /** JSON EvidenceRef[] */
    evidence: string;
    counted_items: number;
    /** JSON: counted items per channel, e.g. {"website":1,"facebook":2} */
    counted_by_channel: string;
    required_items: number;
    alert: number;
    ask_for_link: number;
    /** Set when admin kota overrode the verdict by accepting a dispute. */
    override_dispute_id: string | null;
    evaluated_at: string;
  };
  compliance_disputes: {
    id: string;
    unit_id: string;
    period_key: string;
    verdict_id: string | null;
    /** contest: the verdict is wrong; link: here is a post that should count. */
    kind: 'contest' | 'link';
    post_url: string | null;
    message: string;
    status: 'open' | 'accepted' | 'rejected';
    /** Status of the verdict when the dispute was opened. */
    original_status: string | null;
    submitted_by: string | null;
    submitted_at: string;
    decided_by: string | null;
    decided_at: string | null;
    decision_note: string | null;
    /** Publication time of the linked post as confirmed by admin kota. */
    post_published_at: string | null;
    /** JSON: what the decision was based on. */
    evidence: string | null;
  };
}
