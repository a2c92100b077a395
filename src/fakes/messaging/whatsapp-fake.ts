import { type FakeServer, FailureQueue, json, sleep, startFake } from './http-fake.js';

// Contract fake for the WhatsApp Cloud API template message (docs/reference/platform-apis.md §2e).
//
// Request:  POST [/vNN.N]/{phone-number-id}/messages, Authorization: Bearer {token}, JSON
//           {messaging_product:"whatsapp", recipient_type:"individual", to, type:"template",
//            template:{name, language:{code}, components:[{type:"body", parameters:[{type:"text",text}]}]}}
// Success:  200 {"messaging_product":"whatsapp","contacts":[{"input":to,"wa_id":to}],
//                "messages":[{"id":"wamid.…","message_status":"accepted"}]}   (accepted ≠ delivered)
// Errors:   Graph envelope {"error":{"message","type","code","error_data":{"messaging_product","details"},"fbtrace_id"}}
//   401 code 190   token expired/invalid
//   400 code 100   invalid parameter (e.g. `to` not digits, wrong phone-number-id)
//   400 code 131026 undeliverable (numbers in `unreachable`)
//   400 code 131047 outside the 24 h window (free-form types only — templates are allowed)
//   400 code 131051 unsupported message type
//   400 code 132000 template parameter count mismatch (checked against `templates`)
//   404 code 132001 template does not exist in this language (checked against `templates`)
//   429 code 130429 throughput limit; 400 code 131056 per-pair rate limit
//   500 code 131000 generic error
// Failure injection: `fail(scenario, times)`; 'drop' closes the socket, 'slow' delays success.

export type WhatsAppScenario =
  | 'token_expired'
  | 'rate_limit'
  | 'pair_rate_limit'
  | 'server_error'
  | 'undeliverable'
  | 'template_missing'
  | 'drop'
  | 'slow';

export interface WhatsAppFake extends FakeServer {
  token: string;
  phoneNumberId: string;
  sent: { to: string; template: string; language: string; params: string[]; id: string }[];
  fail(scenario: WhatsAppScenario, times?: number): void;
}

export interface WhatsAppFakeOptions {
  token?: string;
  phoneNumberId?: string;
  /** Approved templates: "name:language" → number of body parameters. */
  templates?: Record<string, number>;
  /** Numbers that are not on WhatsApp. */
  unreachable?: string[];
  slowMs?: number;
}

export async function startWhatsAppFake(opts: WhatsAppFakeOptions = {}): Promise<WhatsAppFake> {
  const token = opts.token ?? 'EAAG-test-system-user-token';
  const phoneNumberId = opts.phoneNumberId ?? '109876543210';
  const templates = opts.templates ?? {
    'pengingat_konten_mingguan:id': 3,
    'eskalasi_camat_kanal_digital:id': 3,
    'peringatan_situs_dibobol:id': 2,
    'peringatan_situs_mati:id': 2,
    'pengingat_batas_permohonan:id': 2,
    'eskalasi_permohonan_lewat_batas:id': 2,
    'permohonan_layanan_diterima:id': 5,
    'status_permohonan_layanan:id': 5,
    'pengaduan_diterima:id': 4,
    'status_pengaduan:id': 4,
    'pesan_untuk_petugas:id': 2,
  };
  const unreachable = new Set(opts.unreachable ?? []);
  const failures = new FailureQueue<WhatsAppScenario>();
  const sent: WhatsAppFake['sent'] = [];
  let n = 0;
  const graphError = (res: Parameters<typeof json>[0], status: number, code: number, message: string, details?: string) =>
    json(res, status, {
      error: {
        message,
        type: code === 190 ? 'OAuthException' : 'OAuthException',
        code,
        error_data: { messaging_product: 'whatsapp', details: details ?? message },
        fbtrace_id: `Afake${++n}`,
      },
    });

  const server = await startFake(async (req, res) => {
    const path = req.path.split('?')[0]!.replace(/^\/v\d+\.\d+/, '');
    const m = /^\/([^/]+)\/messages$/.exec(path);
    if (req.method !== 'POST' || !m) return graphError(res, 400, 100, 'Unsupported request');
    if (req.headers.authorization !== `Bearer ${token}`) {
      return graphError(res, 401, 190, 'Error validating access token: Session has expired');
    }
    if (m[1] !== phoneNumberId) return graphError(res, 400, 100, `Unsupported post request. Object with ID '${m[1]}' does not exist`);
    const scenario = failures.take();
    if (scenario === 'drop') {
      res.socket?.destroy();
      return;
    }
    if (scenario === 'token_expired') return graphError(res, 401, 190, 'Error validating access token: Session has expired');
    if (scenario === 'rate_limit') return graphError(res, 429, 130429, 'Rate limit hit', 'Cloud API message throughput has been reached.');
    if (scenario === 'pair_rate_limit') return graphError(res, 400, 131056, '(Business Account, Consumer Account) pair rate limit hit');
    if (scenario === 'server_error') return graphError(res, 500, 131000, 'Something went wrong');
    if (scenario === 'undeliverable') return graphError(res, 400, 131026, 'Message undeliverable');
    if (scenario === 'template_missing') return graphError(res, 404, 132001, 'Template name does not exist in the translation');
    if (scenario === 'slow') await sleep(opts.slowMs ?? 2_000);

    const body = (req.body ?? {}) as {
      messaging_product?: string;
      to?: string;
      type?: string;
      template?: { name?: string; language?: { code?: string }; components?: { type: string; parameters?: { type: string; text?: string }[] }[] };
    };
    if (body.messaging_product !== 'whatsapp') return graphError(res, 400, 100, 'Invalid parameter', 'messaging_product must be whatsapp');
    if (!body.to || !/^\d{8,15}$/.test(body.to)) return graphError(res, 400, 100, 'Invalid parameter', 'to must be a phone number in international format');
    if (body.type !== 'template') {
      // Business-initiated free-form text is only allowed inside the 24 h window; reminders never are.
      return graphError(res, 400, 131047, 'Re-engagement message', 'More than 24 hours have passed since the recipient last replied');
    }
    const name = body.template?.name ?? '';
    const lang = body.template?.language?.code ?? '';
    const expected = templates[`${name}:${lang}`];
    if (expected === undefined) return graphError(res, 404, 132001, 'Template name does not exist in the translation', `template ${name} (${lang})`);
    const params = (body.template?.components ?? []).filter((c) => c.type === 'body').flatMap((c) => c.parameters ?? []);
    if (params.length !== expected) {
      return graphError(res, 400, 132000, 'Number of parameters does not match the expected number of params', `expected ${expected}, got ${params.length}`);
    }
    if (params.some((p) => p.type !== 'text' || !p.text || /\n|\t| {5,}/.test(p.text))) {
      return graphError(res, 400, 132012, 'Parameter format does not match format in the created template');
    }
    if (unreachable.has(body.to)) return graphError(res, 400, 131026, 'Message undeliverable');
    const id = `wamid.FAKE${String(++n).padStart(6, '0')}`;
    sent.push({ to: body.to, template: name, language: lang, params: params.map((p) => p.text ?? ''), id });
    json(res, 200, {
      messaging_product: 'whatsapp',
      contacts: [{ input: body.to, wa_id: body.to }],
      messages: [{ id, message_status: 'accepted' }],
    });
  });
  return { ...server, token, phoneNumberId, sent, fail: (s, times) => failures.push(s, times) };
}
