// The outbox of messages to staff by e-mail, Telegram or WhatsApp (migration 0701_staff_messages.ts).

export interface StaffMessagesTables {
  staff_message_outbox: {
    id: string;
    user_id: string;
    unit_id: string | null;
    channel: 'email' | 'telegram' | 'whatsapp';
    address: string;
    subject: string;
    body: string;
    /** Absolute link into Beranda. */
    link: string | null;
    status: 'pending' | 'sent' | 'failed';
    attempts: number;
    next_attempt_at: string;
    last_error: string | null;
    created_at: string;
    sent_at: string | null;
  };
}
