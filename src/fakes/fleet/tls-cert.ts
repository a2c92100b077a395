import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// A throwaway CA and a certificate that expired yesterday, made at test time with Debian's
// openssl (node:crypto cannot issue X.509 certificates). The CA is handed to the fetcher as
// trusted, so the only thing wrong with the certificate is its expiry, as on a real site whose
// Let's Encrypt renewal stopped.

export interface TestCertificates {
  caPem: string;
  keyPem: string;
  certPem: string;
}

export function makeExpiredCertificate(hostnames: string[]): TestCertificates {
  const dir = mkdtempSync(path.join(tmpdir(), 'beranda-fleet-tls-'));
  const run = (args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  try {
    const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
    run(['req', '-x509', ...ec, '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '30', '-subj', '/CN=Beranda Fleet Test CA']);
    run(['req', ...ec, '-keyout', 'leaf.key', '-out', 'leaf.csr', '-subj', `/CN=${hostnames[0]}`]);
    writeFileSync(path.join(dir, 'ext'), `subjectAltName=${hostnames.map((h) => `DNS:${h}`).join(',')}\n`);
    // -days -1: notAfter is one day before now.
    run(['x509', '-req', '-in', 'leaf.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'leaf.pem', '-days', '-1', '-extfile', 'ext']);
    return {
      caPem: readFileSync(path.join(dir, 'ca.pem'), 'utf8'),
      keyPem: readFileSync(path.join(dir, 'leaf.key'), 'utf8'),
      certPem: readFileSync(path.join(dir, 'leaf.pem'), 'utf8'),
    };
  } catch (e) {
    throw new Error(`openssl is needed to make the fleet's expired certificate (apt-get install openssl): ${(e as Error).message}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
