import {
  DEFAULT_SEND_TIMEOUT_MS,
  type FailureCode,
  type Notifier,
  type OutgoingReminder,
  type ReminderTemplate,
  type SendResult,
  failure,
  networkFailure,
} from './notifier.js';

export interface WhatsAppTemplateRef {
  /** The name approved in WhatsApp Manager (category UTILITY). */
  name: string;
  /** Language code the template was approved in. */
  language: string;
}

/** Templates the city must get approved; the body uses the parameters in this order. */
export const DEFAULT_WHATSAPP_TEMPLATES: Record<ReminderTemplate, WhatsAppTemplateRef> = {
  // {{1}} unit, {{2}} period, {{3}} deadline
  no_content: { name: 'pengingat_konten_mingguan', language: 'id' },
  // {{1}} unit, {{2}} number of periods, {{3}} last period
  failed_periods: { name: 'eskalasi_camat_kanal_digital', language: 'id' },
  // {{1}} unit, {{2}} reason
  compromised: { name: 'peringatan_situs_dibobol', language: 'id' },
  // {{1}} unit, {{2}} down since
  site_down: { name: 'peringatan_situs_mati', language: 'id' },
  // {{1}} unit, {{2}} requests near or past their deadline
  pelayanan_near: { name: 'pengingat_batas_permohonan', language: 'id' },
  // {{1}} unit, {{2}} requests past their deadline
  pelayanan_overdue: { name: 'eskalasi_permohonan_lewat_batas', language: 'id' },
  // {{1}} layanan, {{2}} unit, {{3}} tracking code, {{4}} PIN, {{5}} tracking page
  pelayanan_received: { name: 'permohonan_layanan_diterima', language: 'id' },
  // {{1}} tracking code, {{2}} layanan, {{3}} new status, {{4}} note, {{5}} tracking page
  pelayanan_status: { name: 'status_permohonan_layanan', language: 'id' },
  // {{1}} unit, {{2}} tracking code, {{3}} PIN, {{4}} tracking page
  pengaduan_received: { name: 'pengaduan_diterima', language: 'id' },
  // {{1}} tracking code, {{2}} new status, {{3}} note, {{4}} tracking page
  pengaduan_status: { name: 'status_pengaduan', language: 'id' },
  // {{1}} what happened ("Balasan dari pendamping: …"), {{2}} the page to open (#14 point 9)
  staff_message: { name: 'pesan_untuk_petugas', language: 'id' },
};

export interface WhatsAppNotifierOptions {
  /** Graph base including the version, e.g. https://graph.facebook.com/v23.0 (config.graphApiBase). */
  graphBase: string;
  phoneNumberId: string;
  /** System-user token: does not expire, preferred over user tokens. */
  token: string;
  templates?: Record<ReminderTemplate, WhatsAppTemplateRef>;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/** Indonesian numbers as WhatsApp wants them: digits only, country code 62, no leading 0. */
export function toWhatsAppNumber(phone: string): string | null {
  let d = phone.replace(/[^\d+]/g, '');
  if (d.startsWith('+')) d = d.slice(1);
  else if (d.startsWith('0')) d = `62${d.slice(1)}`;
  d = d.replace(/\D/g, '');
  return /^\d{8,15}$/.test(d) ? d : null;
}

interface GraphError {
  error?: { message?: string; code?: number; error_subcode?: number; error_data?: { details?: string }; fbtrace_id?: string };
}

// Business-initiated messages outside the 24-hour window must be pre-approved templates, so the
// reminder's params become the template body parameters. A 200 means "accepted", not delivered:
// delivery statuses arrive by webhook, which the lead may wire later.
export function whatsappNotifier(opts: WhatsAppNotifierOptions): Notifier {
  const doFetch = opts.fetch ?? fetch;
  const templates = opts.templates ?? DEFAULT_WHATSAPP_TEMPLATES;
  const url = `${opts.graphBase.replace(/\/+$/, '')}/${encodeURIComponent(opts.phoneNumberId)}/messages`;
  return {
    channel: 'whatsapp',
    async send(r: OutgoingReminder): Promise<SendResult> {
      const to = toWhatsAppNumber(r.to ?? '');
      if (!to) return failure('rejected', r.to ? 'invalid_parameter' : 'no_address', `phone "${r.to ?? ''}"`);
      const tpl = templates[r.message.template];
      let res: Response;
      try {
        res = await doFetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${opts.token}` },
          body: JSON.stringify({
            messaging_product: 'whatsapp',
            recipient_type: 'individual',
            to,
            type: 'template',
            template: {
              name: tpl.name,
              language: { code: tpl.language },
              components: [
                { type: 'body', parameters: r.message.params.map((text) => ({ type: 'text', text: text.slice(0, 1024) })) },
              ],
            },
          }),
          signal: AbortSignal.timeout(opts.timeoutMs ?? DEFAULT_SEND_TIMEOUT_MS),
        });
      } catch (e) {
        return networkFailure(e);
      }
      let body: unknown = null;
      try {
        body = await res.json();
      } catch {
        body = null;
      }
      if (res.ok) {
        const id = (body as { messages?: { id?: string }[] })?.messages?.[0]?.id ?? null;
        return { ok: true, value: { providerMessageId: id } };
      }
      return classifyWhatsAppError(res.status, body as GraphError | null);
    },
  };
}

const RETRYABLE_CODES: Record<number, FailureCode> = {
  130429: 'rate_limited', // throughput limit
  131056: 'rate_limited', // per-pair rate limit
  131048: 'rate_limited', // spam rate limit
  131000: 'server_error', // generic, documented as "try again"
  1: 'server_error',
  2: 'server_error',
};

const REJECTED_CODES: Record<number, FailureCode> = {
  190: 'auth',
  10: 'auth',
  200: 'auth',
  100: 'invalid_parameter',
  131026: 'whatsapp_undeliverable',
  131047: 'whatsapp_outside_window',
  131051: 'whatsapp_template',
  132000: 'whatsapp_template',
  132001: 'whatsapp_template',
  132012: 'whatsapp_template',
  368: 'whatsapp_blocked',
};

export function classifyWhatsAppError(status: number, body: GraphError | null): SendResult {
  const e = body?.error;
  const code = e?.code;
  const detail = `HTTP ${status} code ${code ?? '-'}: ${e?.message ?? ''}${e?.error_data?.details ? ` (${e.error_data.details})` : ''}${e?.fbtrace_id ? ` fbtrace_id=${e.fbtrace_id}` : ''}`;
  if (code !== undefined && RETRYABLE_CODES[code]) return failure('retryable', RETRYABLE_CODES[code], detail);
  if (code !== undefined && REJECTED_CODES[code]) return failure('rejected', REJECTED_CODES[code], detail);
  if (status === 429) return failure('retryable', 'rate_limited', detail);
  if (status >= 500 || status === 0) return failure('retryable', 'server_error', detail);
  if (status === 401 || status === 403) return failure('rejected', 'auth', detail);
  return failure('rejected', 'rejected', detail);
}
