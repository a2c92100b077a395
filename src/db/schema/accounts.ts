export type Role = 'admin_kota' | 'pimpinan' | 'camat' | 'pendamping' | 'lurah' | 'operator';
export type UserStatus = 'active' | 'disabled';

export interface AccountsTables {
  users: {
    id: string;
    username: string;
    display_name: string;
    password_hash: string;
    role: Role;
    /** The regency the user works for (their city). */
    region_code: string;
    email: string | null;
    phone: string | null;
    status: UserStatus;
    must_change_password: number;
    is_demo: number;
    created_at: string;
    updated_at: string;
    last_login_at: string | null;
  };
  /** Which units a user's role covers (camat: the kecamatan; pendamping: several; lurah/operator: one). */
  user_units: {
    user_id: string;
    unit_id: string;
  };
  sessions: {
    /** sha256 of the cookie token: a leaked database does not leak live sessions. */
    id: string;
    user_id: string;
    csrf_token: string;
    created_at: string;
    expires_at: string;
    last_seen_at: string;
    ip: string | null;
    user_agent: string | null;
  };
  /** Create forms already sent, by their one-time key (web/middleware/idempotency.ts). */
  form_submissions: {
    user_id: string;
    key: string;
    path: string;
    /** 'pending' while the first request runs, then 'done' with where it led. */
    status: string;
    location: string | null;
    created_at: string;
  };
  /** Login delays (modules/accounts/login-throttle.ts); no row means no failures to count. */
  login_throttle: {
    /** 'pair:<username> <address>', 'address:<address>' or 'device:<device id>' */
    key: string;
    kind: string;
    username: string | null;
    address: string | null;
    failures: number;
    first_failure_at: string;
    last_failure_at: string;
    delay_until: string | null;
  };
  audit_log: {
    id: string;
    at: string;
    actor_user_id: string | null;
    action: string;
    unit_id: string | null;
    target: string | null;
    ip: string | null;
    detail: string;
  };
  /** First run without demo: hashes of the one-time set-up tokens printed on the console. */
  setup_tokens: {
    token_hash: string;
    created_at: string;
  };
  /** A staff import's handover (one-time passwords), sealed, for a day at most (migration 0602). */
  staff_handovers: {
    id: string;
    region_code: string;
    created_by: string;
    created_at: string;
    expires_at: string;
    /** AES-256-GCM of the JSON handover, key derived from BERANDA_SECRET. */
    sealed: string;
  };
}
