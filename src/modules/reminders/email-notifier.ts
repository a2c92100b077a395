import type { TransportOptions, Transporter } from 'nodemailer';
import { type Notifier, type OutgoingReminder, type SendResult, failure } from './notifier.js';

export interface EmailNotifierOptions {
  /** smtp://user:pass@host:port or smtps://… (config.smtpUrl). */
  smtpUrl: string;
  from: string;
  timeoutMs?: number;
}

// SMTP reply codes carry the retry decision: 4xx means "try later", 5xx means "never with this
// address". Connection and DNS problems are ours or the server's, never the recipient's.
export function emailNotifier(opts: EmailNotifierOptions): Notifier & { close(): void } {
  const timeout = opts.timeoutMs ?? 15_000;
  // nodemailer (~12 MB resident) is loaded with the first e-mail, not at start.
  let transport: Promise<Transporter> | null = null;
  const transportOf = () =>
    (transport ??= import('nodemailer').then(({ default: nodemailer }) =>
      nodemailer.createTransport(opts.smtpUrl, { connectionTimeout: timeout, greetingTimeout: timeout, socketTimeout: timeout } as TransportOptions),
    ));

  return {
    channel: 'email',
    close: () => void transport?.then((t) => t.close()),
    async send(r: OutgoingReminder): Promise<SendResult> {
      if (!r.to || !r.to.includes('@')) return failure('rejected', 'no_address');
      try {
        const info = await (await transportOf()).sendMail({
          from: opts.from,
          to: r.to,
          subject: r.message.subject,
          text: r.message.text,
          headers: { 'X-Beranda-Template': r.message.template },
        });
        if (info.rejected && info.rejected.length > 0) {
          return failure('rejected', 'email_rejected', `rejected: ${info.rejected.join(', ')}`);
        }
        return { ok: true, value: { providerMessageId: info.messageId ?? null } };
      } catch (e) {
        return classifySmtpError(e);
      }
    },
  };
}

export function classifySmtpError(e: unknown): SendResult {
  const er = e as { code?: string; responseCode?: number; response?: string; message?: string };
  const detail = `${er.code ?? ''} ${er.responseCode ?? ''} ${er.response ?? er.message ?? ''}`.trim();
  if (er.code === 'EAUTH') return failure('rejected', 'auth', detail);
  if (typeof er.responseCode === 'number') {
    if (er.responseCode >= 500) return failure('rejected', 'email_rejected', detail);
    if (er.responseCode >= 400) return failure('retryable', 'email_temporary', detail);
  }
  if (er.code === 'ETIMEDOUT') return failure('retryable', 'timeout', detail);
  return failure('retryable', 'network', detail);
}
