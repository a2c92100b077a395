import {
  DEFAULT_SEND_TIMEOUT_MS,
  type Notifier,
  type OutgoingReminder,
  type SendResult,
  failure,
  networkFailure,
} from './notifier.js';

export interface TelegramNotifierOptions {
  /** config.telegramApiBase, e.g. https://api.telegram.org (a loopback fake in tests). */
  apiBase: string;
  botToken: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

interface TelegramReply {
  ok: boolean;
  result?: { message_id: number };
  error_code?: number;
  description?: string;
  parameters?: { retry_after?: number };
}

// Bot API: POST {base}/bot{token}/sendMessage with JSON {chat_id, text}. `to` is the chat id
// the recipient got by starting a chat with the city's bot. Plain text (no parse_mode) so a unit
// name with "_" or "*" can never break Markdown parsing.
export function telegramNotifier(opts: TelegramNotifierOptions): Notifier {
  const doFetch = opts.fetch ?? fetch;
  const url = `${opts.apiBase.replace(/\/+$/, '')}/bot${opts.botToken}/sendMessage`;
  return {
    channel: 'telegram',
    async send(r: OutgoingReminder): Promise<SendResult> {
      if (!r.to) return failure('rejected', 'no_address');
      let res: Response;
      try {
        res = await doFetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            chat_id: r.to,
            text: `${r.message.subject}\n\n${r.message.text}`.slice(0, 4096),
            link_preview_options: { is_disabled: true },
          }),
          signal: AbortSignal.timeout(opts.timeoutMs ?? DEFAULT_SEND_TIMEOUT_MS),
        });
      } catch (e) {
        return networkFailure(e);
      }
      let body: TelegramReply | null = null;
      try {
        body = (await res.json()) as TelegramReply;
      } catch {
        body = null;
      }
      if (res.ok && body?.ok) {
        return { ok: true, value: { providerMessageId: String(body.result?.message_id ?? '') || null } };
      }
      return classifyTelegramError(res.status, body);
    },
  };
}

export function classifyTelegramError(status: number, body: TelegramReply | null): SendResult {
  const code = body?.error_code ?? status;
  const desc = body?.description ?? `HTTP ${status}`;
  const detail = `${code} ${desc}`;
  if (code === 429) {
    const wait = body?.parameters?.retry_after;
    return failure('retryable', 'rate_limited', detail, wait !== undefined ? wait * 1000 : undefined);
  }
  if (code >= 500 || status >= 500) return failure('retryable', 'server_error', detail);
  // The token is the city's, not the recipient's: nothing to retry until an admin fixes it.
  if (code === 401 || code === 404) return failure('rejected', 'auth', detail);
  if (code === 403) return failure('rejected', 'telegram_blocked', detail);
  if (code === 400 && /chat not found/i.test(desc)) return failure('rejected', 'telegram_chat_not_found', detail);
  return failure('rejected', 'telegram_bad_request', detail);
}
