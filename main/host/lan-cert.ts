// The office server's TLS identity for the LAN listener: an RSA key and a certificate this
// installation issues to itself (an office LAN has no public name a CA could certify). Clients do
// not trust it through a CA but by its SHA-256 fingerprint, compared once by eye (the short code)
// and then pinned. The key is written to the data folder with mode 0600 (owner only): the server
// must start unattended (no passphrase to type at every start), and whoever can read the data
// folder can read the database itself anyway. Kept until deleted, so re-pinning is needed only
// when the folder is replaced.
import { createHash, generateKeyPairSync, X509Certificate } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { isIP } from 'node:net';
import path from 'node:path';
import forge from 'node-forge';

export interface LanIdentity {
  keyPem: string;
  certPem: string;
  /** SHA-256 of the DER certificate, lowercase hex. */
  fingerprint: string;
  /** The first 64 bits of the fingerprint in four groups, e.g. "3F2A-91BC-0D7E-55A1". */
  shortCode: string;
}

export const LAN_DIR = 'lan';
const KEY_FILE = 'tls-key.pem';
const CERT_FILE = 'tls-cert.pem';

export const fingerprintOfPem = (certPem: string) => createHash('sha256').update(new X509Certificate(certPem).raw).digest('hex');
export const fingerprintOfDer = (der: Uint8Array) => createHash('sha256').update(der).digest('hex');

/** What a person reads aloud and types: 16 hex digits of the fingerprint, grouped by four. */
export function shortCodeOf(fingerprint: string): string {
  const hex = fingerprint
    .replace(/[^0-9a-f]/gi, '')
    .toUpperCase()
    .slice(0, 16);
  return hex.match(/.{1,4}/g)?.join('-') ?? '';
}

/** A typed short code (any case, with or without dashes or spaces) as 16 lowercase hex digits, or null. */
export function normaliseShortCode(code: string): string | null {
  const hex = code.replace(/[\s\-:]/g, '').toLowerCase();
  return /^[0-9a-f]{16}$/.test(hex) ? hex : null;
}

/** Loads the identity from the data folder, creating it on first use. */
export function ensureLanIdentity(dataDir: string, names: readonly string[] = []): LanIdentity {
  const dir = path.join(dataDir, LAN_DIR);
  const keyFile = path.join(dir, KEY_FILE);
  const certFile = path.join(dir, CERT_FILE);
  if (!existsSync(keyFile) || !existsSync(certFile)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const { keyPem, certPem } = createSelfIssued(names);
    // Written under temporary names then renamed: a crash never leaves a key without its certificate.
    writeFileSync(`${keyFile}.tmp`, keyPem, { mode: 0o600 });
    writeFileSync(`${certFile}.tmp`, certPem, { mode: 0o644 });
    renameSync(`${certFile}.tmp`, certFile);
    renameSync(`${keyFile}.tmp`, keyFile);
  }
  // Tightened again in case the folder was copied from another PC with looser modes.
  if (process.platform !== 'win32') chmodSync(keyFile, 0o600);
  const keyPem = readFileSync(keyFile, 'utf8');
  const certPem = readFileSync(certFile, 'utf8');
  const fingerprint = fingerprintOfPem(certPem);
  return { keyPem, certPem, fingerprint, shortCode: shortCodeOf(fingerprint) };
}

function createSelfIssued(names: readonly string[]): { keyPem: string; certPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const keyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString());
  cert.serialNumber = `01${forge.util.bytesToHex(forge.random.getBytesSync(15))}`;
  const now = new Date();
  cert.validity.notBefore = new Date(now.getTime() - 86_400_000);
  // Long-lived on purpose: it is pinned, not checked against a calendar; a new one means re-pinning every PC.
  cert.validity.notAfter = new Date(now.getTime() + 20 * 365 * 86_400_000);
  const subject = [
    { name: 'commonName', value: `Kiem Chung - ${hostname()}`.slice(0, 64) },
    { name: 'organizationName', value: 'Kiem Chung office server' },
  ];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  const altNames = [...new Set(['localhost', hostname(), '127.0.0.1', ...names])].map((n) => (isIP(n) ? { type: 7, ip: n } : { type: 2, value: n }));
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
    { name: 'extKeyUsage', serverAuth: true },
    { name: 'subjectAltName', altNames },
  ]);
  cert.sign(forge.pki.privateKeyFromPem(keyPem), forge.md.sha256.create());
  return { keyPem, certPem: forge.pki.certificateToPem(cert) };
}
