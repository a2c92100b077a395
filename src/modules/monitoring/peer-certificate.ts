import { isIP } from 'node:net';
import { connect as tlsConnect, type TLSSocket } from 'node:tls';
import { classifyNetworkError, type FetchEnd, type FetcherOptions } from './fetcher.js';
import { ADDRESS_REFUSED, type AddressGuard, createAddressGuard, guardedLookup } from './net-guard.js';

// The certificate a site presents, read without trusting it (so an expired or self-signed one
// is seen, not just refused), through the same address guard as every other connection.

/** Peer certificate of an https URL, read without trusting it, for the TLS expiry check. */
export interface PeerCertificate {
  validFrom: string;
  validTo: string;
  subject: string;
  issuer: string;
  authorized: boolean;
  authorizationError: string | null;
  /** The names the certificate covers ("DNS:a.go.id, DNS:www.a.go.id"). */
  altNames: string;
}

export async function readPeerCertificate(
  url: string,
  options: Pick<FetcherOptions, 'lookup' | 'ca' | 'connectTimeoutMs'> & { guard?: AddressGuard },
): Promise<{ ok: true; cert: PeerCertificate } | { ok: false; end: FetchEnd; errorCode: string }> {
  const u = new URL(url);
  const host = u.hostname.replace(/^\[|\]$/g, '');
  const guard = options.guard ?? createAddressGuard();
  if (isIP(host) && guard.refusal(host)) return { ok: false, end: 'address_refused', errorCode: ADDRESS_REFUSED };
  return new Promise((resolve) => {
    const socket: TLSSocket = tlsConnect({
      host,
      port: Number(u.port || 443),
      servername: isIP(host) ? undefined : host,
      lookup: guardedLookup(guard, options.lookup),
      ca: options.ca,
      // We want to see an expired or self-signed certificate, not refuse it.
      rejectUnauthorized: false,
    });
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ ok: false, end: 'timeout_connect', errorCode: 'ETIMEDOUT' });
    }, options.connectTimeoutMs);
    socket.once('secureConnect', () => {
      clearTimeout(timer);
      if (socket.remoteAddress && guard.refusal(socket.remoteAddress)) {
        socket.destroy();
        resolve({ ok: false, end: 'address_refused', errorCode: ADDRESS_REFUSED });
        return;
      }
      const c = socket.getPeerCertificate();
      const authError = socket.authorizationError ? String((socket.authorizationError as NodeJS.ErrnoException).code ?? socket.authorizationError) : null;
      resolve({
        ok: true,
        cert: {
          validFrom: new Date(c.valid_from).toISOString(),
          validTo: new Date(c.valid_to).toISOString(),
          subject: typeof c.subject?.CN === 'string' ? c.subject.CN : JSON.stringify(c.subject ?? {}),
          issuer: typeof c.issuer?.CN === 'string' ? c.issuer.CN : JSON.stringify(c.issuer ?? {}),
          authorized: socket.authorized,
          authorizationError: authError,
          altNames: typeof c.subjectaltname === 'string' ? c.subjectaltname.slice(0, 300) : '',
        },
      });
      socket.end();
    });
    socket.once('error', (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      resolve({ ok: false, end: classifyNetworkError(e.code), errorCode: e.code ?? 'ERROR' });
    });
  });
}

