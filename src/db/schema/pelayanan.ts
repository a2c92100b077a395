/** baru → (perlu_perbaikan → baru) → diproses → selesai | ditolak; dibatalkan when the citizen withdraws. */
export type RequestStatus = 'baru' | 'perlu_perbaikan' | 'diproses' | 'selesai' | 'ditolak' | 'dibatalkan';
export type ComplaintStatus = 'baru' | 'diproses' | 'dijawab';
export type NotifyChannel = 'whatsapp' | 'email' | 'none';

export interface PelayananTables {
  pelayanan_requests: {
    id: string;
    unit_id: string;
    service_code: string;
    /** The layanan's name when it was asked for (the catalogue may be renamed later). */
    service_name: string;
    tracking_code: string;
    pin_hash: string;
    status: RequestStatus;
    applicant_name: string;
    nik: string | null;
    kk: string | null;
    phone: string | null;
    email: string | null;
    address: string;
    /** JSON: the layanan's own fields (keperluan, nama usaha …) by key. */
    fields: string;
    notify_channel: NotifyChannel;
    consent_at: string;
    /** Which purpose-and-retention text the citizen agreed to. */
    consent_version: string;
    submitted_at: string;
    deadline_days: number;
    /** When the deadline clock (re)started: submission, or the citizen's last fix. */
    clock_started_at: string;
    deadline_at: string;
    fix_note: string | null;
    refuse_reason: string | null;
    closed_at: string | null;
    completion_minutes: number | null;
    within_deadline: number | null;
    letter_id: string | null;
    docs_deleted_at: string | null;
    personal_deleted_at: string | null;
    is_demo: number;
    created_at: string;
    updated_at: string;
  };
  pelayanan_complaints: {
    id: string;
    /** The unit whose site the complaint was filed on (public counts are per this unit). */
    origin_unit_id: string;
    /** The unit whose inbox holds it now (changes when forwarded). */
    unit_id: string;
    tracking_code: string;
    pin_hash: string;
    status: ComplaintStatus;
    category: string;
    body: string;
    location: string;
    anonymous: number;
    name: string | null;
    phone: string | null;
    email: string | null;
    notify_channel: NotifyChannel;
    /** The citizen agreed that the complaint and its answer may be shown on the public page. */
    publish_consent: number;
    answer: string | null;
    answered_at: string | null;
    answered_by_unit_id: string | null;
    forwarded_at: string | null;
    submitted_at: string;
    closed_at: string | null;
    response_minutes: number | null;
    docs_deleted_at: string | null;
    personal_deleted_at: string | null;
    is_demo: number;
    created_at: string;
    updated_at: string;
  };
  pelayanan_documents: {
    id: string;
    unit_id: string;
    owner_kind: 'request' | 'complaint' | 'draft' | 'letter';
    owner_id: string;
    slot: string;
    label: string;
    kind: 'image' | 'pdf';
    mime: string;
    bytes: number;
    storage_key: string;
    /** 'warga' or a staff user id. */
    uploaded_by: string;
    created_at: string;
    deleted_at: string | null;
  };
  pelayanan_events: {
    id: string;
    owner_kind: 'request' | 'complaint';
    owner_id: string;
    unit_id: string;
    at: string;
    kind: string;
    status: string | null;
    /** Shown to the citizen (what to fix, why refused, the answer …). */
    note: string;
    actor_user_id: string | null;
    /** "Warga", "Petugas Kelurahan Bacang" …: what the citizen sees instead of a staff name. */
    actor_label: string;
  };
  pelayanan_letter_sequences: {
    unit_id: string;
    year: number;
    last_seq: number;
  };
  pelayanan_letters: {
    id: string;
    unit_id: string;
    request_id: string;
    year: number;
    seq: number;
    number: string;
    verify_code: string;
    subject: string;
    service_code: string;
    issued_at: string;
    signer_name: string;
    signer_title: string;
    signer_nip: string;
    /** JSON of the rendered letter; null once retention removed it. */
    content: string | null;
    pdf_key: string | null;
    content_deleted_at: string | null;
    is_demo: number;
  };
  pelayanan_service_settings: {
    scope_unit_id: string;
    service_code: string;
    /** JSON of FormAdjustment (src/modules/pelayanan/service-form.ts); null = defaults. */
    form: string | null;
    /** JSON of LetterTemplate (src/modules/pelayanan/letter-template.ts); null = inherit. */
    template: string | null;
    updated_by: string | null;
    updated_at: string;
  };
  pelayanan_unit_settings: {
    unit_id: string;
    /** JSON of UnitPelayananSettings (numbering format, signer, letterhead, retention …). */
    data: string;
    updated_at: string;
  };
  pelayanan_holidays: {
    id: string;
    unit_id: string;
    day: string;
    reason: string;
    created_at: string;
  };
  pelayanan_outbox: {
    id: string;
    owner_id: string;
    unit_id: string;
    channel: 'whatsapp' | 'email';
    address: string;
    template: string;
    params: string;
    subject: string;
    body: string;
    link: string | null;
    status: 'pending' | 'sent' | 'failed';
    attempts: number;
    next_attempt_at: string;
    last_error: string | null;
    created_at: string;
    sent_at: string | null;
  };
  pelayanan_throttle: {
    id: string;
    key: string;
    at: string;
  };
}
