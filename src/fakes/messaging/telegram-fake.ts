import { type FakeServer, FailureQueue, json, sleep, startFake } from './http-fake.js';

// Contract fake for the Telegram Bot API `sendMessage`
// (https://core.telegram.org/bots/api#sendmessage, #making-requests).
//
// Request:  POST /bot{token}/sendMessage, JSON {chat_id, text, …}
// Success:  200 {"ok":true,"result":{"message_id":N,"date":unix,"chat":{"id":…,"type":"private"},"text":"…"}}
// Errors:   {"ok":false,"error_code":N,"description":"…"} with the same HTTP status:
//   401 "Unauthorized"                          wrong bot token
//   400 "Bad Request: chat not found"           unknown chat_id (the fake knows `chats`)
//   400 "Bad Request: message text is empty"
//   403 "Forbidden: bot was blocked by the user"
//   429 "Too Many Requests: retry after N" + parameters.retry_after
//   500/502 "Internal Server Error" / gateway trouble
// Failure injection: `fail(scenario, times)`; 'drop' closes the socket without answering,
// 'slow' answers successfully after `slowMs`.

export type TelegramScenario = 'rate_limit' | 'server_error' | 'blocked' | 'chat_not_found' | 'unauthorized' | 'drop' | 'slow';

export interface TelegramFake extends FakeServer {
  token: string;
  /** Messages accepted, in order. */
  sent: { chatId: string; text: string; messageId: number }[];
  fail(scenario: TelegramScenario, times?: number): void;
}

export async function startTelegramFake(opts: { token?: string; chats?: string[]; slowMs?: number } = {}): Promise<TelegramFake> {
  const token = opts.token ?? '123456:TEST-token';
  const chats = opts.chats ? new Set(opts.chats) : null;
  const failures = new FailureQueue<TelegramScenario>();
  const sent: TelegramFake['sent'] = [];
  let nextId = 1;
  const tgError = (res: Parameters<typeof json>[0], code: number, description: string, extra?: object) =>
    json(res, code, { ok: false, error_code: code, description, ...extra });

  const server = await startFake(async (req, res) => {
    const m = /^\/bot([^/]+)\/(\w+)$/.exec(req.path.split('?')[0]!);
    if (!m) return tgError(res, 404, 'Not Found');
    if (m[1] !== token) return tgError(res, 401, 'Unauthorized');
    if (m[2] !== 'sendMessage') return tgError(res, 404, 'Not Found: method not found');
    const scenario = failures.take();
    if (scenario === 'drop') {
      res.socket?.destroy();
      return;
    }
    if (scenario === 'rate_limit') return tgError(res, 429, 'Too Many Requests: retry after 3', { parameters: { retry_after: 3 } });
    if (scenario === 'server_error') return tgError(res, 500, 'Internal Server Error');
    if (scenario === 'blocked') return tgError(res, 403, 'Forbidden: bot was blocked by the user');
    if (scenario === 'chat_not_found') return tgError(res, 400, 'Bad Request: chat not found');
    if (scenario === 'unauthorized') return tgError(res, 401, 'Unauthorized');
    if (scenario === 'slow') await sleep(opts.slowMs ?? 2_000);
    const body = (req.body ?? {}) as { chat_id?: string | number; text?: string };
    const chatId = body.chat_id === undefined ? '' : String(body.chat_id);
    if (!chatId) return tgError(res, 400, 'Bad Request: chat_id is empty');
    if (chats && !chats.has(chatId)) return tgError(res, 400, 'Bad Request: chat not found');
    if (!body.text || !body.text.trim()) return tgError(res, 400, 'Bad Request: message text is empty');
    if (body.text.length > 4096) return tgError(res, 400, 'Bad Request: message is too long');
    const messageId = nextId++;
    sent.push({ chatId, text: body.text, messageId });
    json(res, 200, {
      ok: true,
      result: { message_id: messageId, date: Math.floor(Date.now() / 1000), chat: { id: Number(chatId) || chatId, type: 'private' }, text: body.text },
    });
  });
  return { ...server, token, sent, fail: (s, times) => failures.push(s, times) };
}
