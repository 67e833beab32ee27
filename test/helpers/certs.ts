// Hostile and ordinary certificates made with the real `openssl` command (independent of the code
// under test): self-signed under any name, a CA and the leaves it issues, a certificate whose
// subject bytes were edited afterwards (so its own signature breaks), one that expired long ago,
// one whose keyUsage forbids signing.
import { execFileSync } from 'node:child_process';
import { createPrivateKey } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { SigningIdentity } from '../../main/services/package-format';

export const PHU_THUONG = 'UBND xã Phú Thượng';
const subj = (cn: string) => `/C=VN/ST=Thái Nguyên/O=Ủy ban nhân dân/CN=${cn}`;

export interface LabCert {
  name: string;
  certPath: string;
  keyPath: string;
  pem: string;
  identity: () => SigningIdentity;
}

export class CertLab {
  constructor(readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }

  openssl(...args: string[]): string {
    return execFileSync('openssl', args, { cwd: this.dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  }

  private cert(name: string): LabCert {
    const certPath = path.join(this.dir, `${name}.pem`);
    const keyPath = path.join(this.dir, `${name}.key`);
    const pem = readFileSync(certPath, 'utf8');
    return { name, certPath, keyPath, pem, identity: () => ({ certificatePem: pem, privateKey: createPrivateKey(readFileSync(keyPath)) }) };
  }

  /** Self-signed; `keyUsage` null leaves the extension out. */
  selfSigned(name: string, cn = PHU_THUONG, keyUsage: string | null = 'critical,digitalSignature,nonRepudiation', days = 365): LabCert {
    const ext = ['-addext', 'basicConstraints=critical,CA:FALSE'];
    if (keyUsage) ext.push('-addext', `keyUsage=${keyUsage}`);
    this.openssl(
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      `${name}.key`,
      '-out',
      `${name}.pem`,
      '-days',
      String(days),
      '-utf8',
      '-subj',
      subj(cn),
      ...ext,
    );
    return this.cert(name);
  }

  /** A CA (basicConstraints CA:true, keyCertSign), or with `notCa` a certificate that claims to issue without being a CA. */
  ca(name: string, cn: string, notCa = false): LabCert {
    const ext = notCa
      ? ['-addext', 'basicConstraints=critical,CA:FALSE', '-addext', 'keyUsage=critical,digitalSignature']
      : ['-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign'];
    this.openssl(
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      `${name}.key`,
      '-out',
      `${name}.pem`,
      '-days',
      '3650',
      '-utf8',
      '-subj',
      subj(cn),
      ...ext,
    );
    return this.cert(name);
  }

  /** A leaf issued by `issuer`; `keyUsage` null leaves the extension out. */
  leaf(name: string, issuer: LabCert, cn = PHU_THUONG, keyUsage: string | null = 'critical,digitalSignature,nonRepudiation'): LabCert {
    this.openssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-utf8', '-subj', subj(cn));
    writeFileSync(path.join(this.dir, `${name}.ext`), ['basicConstraints=critical,CA:FALSE', keyUsage ? `keyUsage=${keyUsage}` : ''].join('\n') + '\n');
    this.openssl(
      'x509',
      '-req',
      '-in',
      `${name}.csr`,
      '-CA',
      issuer.certPath,
      '-CAkey',
      issuer.keyPath,
      '-set_serial',
      String(Date.now()),
      '-days',
      '365',
      '-extfile',
      `${name}.ext`,
      '-out',
      `${name}.pem`,
    );
    return this.cert(name);
  }

  /** Self-signed and valid only from `start` to `end` (YYYYMMDDHHMMSSZ), through `openssl ca -selfsign`. */
  dated(name: string, start: string, end: string, cn = PHU_THUONG): LabCert {
    const d = path.join(this.dir, `${name}-ca`);
    mkdirSync(d, { recursive: true });
    writeFileSync(path.join(d, 'index.txt'), '');
    writeFileSync(path.join(d, 'serial'), '1000\n');
    writeFileSync(
      path.join(d, 'ca.cnf'),
      [
        '[ca]',
        'default_ca = lab',
        '[lab]',
        `dir = ${d}`,
        'database = $dir/index.txt',
        'serial = $dir/serial',
        'new_certs_dir = $dir',
        'default_md = sha256',
        'policy = any',
        'unique_subject = no',
        'utf8 = yes',
        'x509_extensions = ext',
        '[any]',
        'commonName = supplied',
        '[ext]',
        'basicConstraints = critical,CA:FALSE',
        'keyUsage = critical,digitalSignature,nonRepudiation',
        '',
      ].join('\n'),
    );
    this.openssl('req', '-new', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-utf8', '-subj', `/CN=${cn}`);
    this.openssl(
      'ca',
      '-batch',
      '-config',
      path.join(d, 'ca.cnf'),
      '-selfsign',
      '-keyfile',
      `${name}.key`,
      '-in',
      `${name}.csr`,
      '-startdate',
      start,
      '-enddate',
      end,
      '-notext',
      '-out',
      `${name}.pem`,
    );
    return this.cert(name);
  }
}

/**
 * The same certificate with one byte of its subject's common name changed ("Phú" → "Qhú"): the
 * bytes the issuer signed are no longer the bytes carried, so its own signature breaks. `alsoIssuer`
 * edits the issuer name too, so a self-signed certificate still looks self-issued.
 */
export function editSubject(pem: string, alsoIssuer = false): string {
  const der = Buffer.from(pem.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, ''), 'base64');
  const needle = Buffer.from('Phú Thượng');
  const last = der.lastIndexOf(needle);
  if (last < 0) throw new Error('no CN to edit');
  der[last] = 'Q'.charCodeAt(0);
  if (alsoIssuer) {
    const first = der.indexOf(needle);
    if (first >= 0 && first !== last) der[first] = 'Q'.charCodeAt(0);
  }
  return `-----BEGIN CERTIFICATE-----\n${der
    .toString('base64')
    .match(/.{1,64}/g)!
    .join('\n')}\n-----END CERTIFICATE-----\n`;
}
