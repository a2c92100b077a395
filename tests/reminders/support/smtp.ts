import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';

// A real SMTP server (the `smtp-server` package) on 127.0.0.1 for e-mail tests. The package has
// no type declarations, so the small part used here is typed by hand.
const require = createRequire(import.meta.url);
const { SMTPServer } = require('smtp-server') as {
  SMTPServer: new (opts: Record<string, unknown>) => {
    listen(port: number, host: string, cb: () => void): void;
    close(cb: () => void): void;
    server: { address(): AddressInfo };
  };
};

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
}

export interface LocalSmtp {
  url: string;
  mails: ReceivedMail[];
  /** Addresses answered with the given SMTP code at RCPT TO (e.g. 550 permanent, 450 temporary). */
  rejectRecipient: Map<string, number>;
  close(): Promise<void>;
}

export async function startLocalSmtp(): Promise<LocalSmtp> {
  const mails: ReceivedMail[] = [];
  const rejectRecipient = new Map<string, number>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address: { address: string }, _session: unknown, cb: (e?: Error) => void) {
      const code = rejectRecipient.get(address.address);
      if (code) return cb(Object.assign(new Error(code >= 500 ? 'Mailbox unavailable' : 'Try again later'), { responseCode: code }));
      cb();
    },
    onData(stream: NodeJS.ReadableStream, session: { envelope: { mailFrom: { address: string }; rcptTo: { address: string }[] } }, cb: () => void) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        mails.push({
          from: session.envelope.mailFrom.address,
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address();
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    rejectRecipient,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Decodes a quoted-printable body enough to search the Indonesian text in it. */
export function decodeQuotedPrintable(raw: string): string {
  return Buffer.from(
    raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
    'latin1',
  ).toString('utf8');
}
