export type ReminderTrigger =
  | 'no_content'
  | 'failed_periods'
  | 'compromised'
  | 'site_down'
  // Citizens' requests near or past their deadline (issue 17), checked per WIB day.
  | 'pelayanan_near'
  | 'pelayanan_overdue';
export type ReminderStatus = 'pending' | 'sending' | 'sent' | 'retrying' | 'failed';

export interface RemindersTables {
  /** Admin-kota configurable rules; `unit_id` is the kota/kabupaten the rule belongs to. */
  reminder_rules: {
    id: string;
    unit_id: string;
    name: string;
    trigger: ReminderTrigger;
    /** Cron in `timezone` (e.g. '0 9 * * 4' = Thursday 09:00); null = checked on every run (alerts). */
    schedule: string | null;
    timezone: string;
    /** no_content: minimum items; failed_periods: periods in a row; site_down: hours down. */
    threshold: number;
    /** JSON array of roles, e.g. ["operator","lurah"]. */
    recipient_roles: string;
    /** JSON array of channels this rule may use. */
    channels: string;
    /** JSON array of unit kinds the rule looks at, e.g. ["kelurahan"]. */
    unit_kinds: string;
    enabled: number;
    created_at: string;
    updated_at: string;
  };
  /** Per user and channel: the opt-in and, for Telegram, the chat id (e-mail/phone come from users). */
  notification_preferences: {
    user_id: string;
    channel: string;
    address: string | null;
    opted_in: number;
    updated_at: string;
  };
  /**
   * One row per (rule, unit, period, recipient, channel): the unique key is what makes a reminder
   * go once even when the job runs twice. It also keeps the exact text sent and every failure.
   */
  reminder_ledger: {
    id: string;
    rule_id: string;
    unit_id: string;
    period_key: string;
    recipient_user_id: string;
    channel: string;
    address: string;
    template: string;
    subject: string;
    body: string;
    params: string;
    link: string | null;
    status: ReminderStatus;
    attempts: number;
    next_attempt_at: string;
    last_error_code: string | null;
    last_error_reason: string | null;
    last_error_detail: string | null;
    provider_message_id: string | null;
    created_at: string;
    updated_at: string;
    sent_at: string | null;
  };
  /** In-app notifications, shown to the user inside Beranda. */
  notifications: {
    id: string;
    user_id: string;
    unit_id: string | null;
    kind: string;
    title: string;
    body: string;
    link: string | null;
    created_at: string;
    read_at: string | null;
  };
}
