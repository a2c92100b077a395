import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// Certificates for the fixture fleet's HTTPS sites, made at test time with Debian's openssl
// (node:crypto cannot issue X.509 certificates). A throwaway CA is handed to the fetcher as
// trusted, so each certificate has exactly one thing wrong with it, as on real sites: expired
// (Let's Encrypt renewal stopped), expiring soon, made for another name, self-signed, or fine.

export type CertKind = 'expired' | 'expiring' | 'wrong_name' | 'self_signed' | 'valid';

export interface FleetCertificates {
  caPem: string;
  /** Key and certificate per host name. */
  byHost: Map<string, { keyPem: string; certPem: string }>;
}

/** `now` is the fleet's clock: validity is made relative to it, whatever the real date is. */
/** OpenSSL's GeneralizedTime: 20261124000000Z. */
const stamp = (ms: number) => new Date(ms).toISOString().replace(/[-:T]/g, '').slice(0, 14) + 'Z';

/**
 * `now` is the fleet's clock. Validity is set with explicit dates so each case holds by both
 * clocks: OpenSSL verifies with the real one, the monitor counts days with the fleet's.
 */
export function makeFleetCertificates(hosts: { host: string; kind: CertKind }[], now: Date = new Date()): FleetCertificates {
  const dir = mkdtempSync(path.join(tmpdir(), 'beranda-fleet-tls-'));
  const run = (args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  const DAY = 86_400_000;
  const early = Math.min(now.getTime(), Date.now());
  const late = Math.max(now.getTime(), Date.now());
  const until: Record<Exclude<CertKind, 'self_signed'>, number> = {
    expired: early - DAY,
    expiring: Math.max(Date.now() + DAY, now.getTime() + 5 * DAY),
    wrong_name: late + 90 * DAY,
    valid: late + 90 * DAY,
  };
  try {
    run(['req', '-x509', ...ec, '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '400', '-subj', '/CN=Beranda Fleet Test CA']);
    writeFileSync(path.join(dir, 'index.txt'), '');
    writeFileSync(path.join(dir, 'serial'), '1000\n');
    writeFileSync(
      path.join(dir, 'ca.cnf'),
      '[ca]\ndefault_ca=fleet\n[fleet]\ndir=.\ndatabase=index.txt\nnew_certs_dir=.\ncertificate=ca.pem\nprivate_key=ca.key\nserial=serial\ndefault_md=sha256\npolicy=any\nunique_subject=no\n[any]\ncommonName=supplied\n',
    );
    const byHost = new Map<string, { keyPem: string; certPem: string }>();
    hosts.forEach(({ host, kind }, i) => {
      const name = kind === 'wrong_name' ? `lain-${host}` : host;
      const key = `leaf${i}.key`;
      const cert = `leaf${i}.pem`;
      writeFileSync(path.join(dir, `ext${i}`), `subjectAltName=DNS:${name}\n`);
      if (kind === 'self_signed') {
        run(['req', '-x509', ...ec, '-keyout', key, '-out', cert, '-days', '400', '-subj', `/CN=${name}`, '-addext', `subjectAltName=DNS:${name}`]);
      } else {
        run(['req', ...ec, '-keyout', key, '-out', `leaf${i}.csr`, '-subj', `/CN=${name}`]);
        run(['ca', '-batch', '-config', 'ca.cnf', '-notext', '-startdate', stamp(early - 30 * DAY), '-enddate', stamp(until[kind]), '-in', `leaf${i}.csr`, '-out', cert, '-extfile', `ext${i}`]);
      }
      byHost.set(host, { keyPem: readFileSync(path.join(dir, key), 'utf8'), certPem: readFileSync(path.join(dir, cert), 'utf8') });
    });
    return { caPem: readFileSync(path.join(dir, 'ca.pem'), 'utf8'), byHost };
  } catch (e) {
    throw new Error(`openssl is needed to make the fleet's certificates (apt-get install openssl): ${(e as Error).message}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
