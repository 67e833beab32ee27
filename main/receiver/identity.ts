// The receiver's own signing identity: an RSA-2048 key with a self-issued certificate, made on
// first start and kept in the data folder (receiver-key.pem, mode 0600; receiver-cert.pem). The
// app pins the certificate's SHA-256 at enrollment and checks every receipt against it.
//
// PRODUCTION: this key is what makes a receipt worth anything. A real receiver should keep it
// where only the service account can read it (OS file permissions on a dedicated account, an
// encrypted volume), or better in an HSM / PKCS#11 token, and instances behind a load balancer
// must share the same identity (provision the same two files to each, or the same HSM key).
import { createPrivateKey, randomBytes, type KeyObject } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, link, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createSelfSignedIdentity } from '../services/package-format/keys';
import { certificateFingerprint } from '../services/package-format/keys';
import { dataPaths } from './config';
import { viReceiver } from '../../shared/i18n/vi/receiver';

export interface ReceiverIdentity {
  certificatePem: string;
  privateKey: KeyObject;
  fingerprint: string;
}

async function load(dataDir: string): Promise<ReceiverIdentity> {
  const p = dataPaths(dataDir);
  const certificatePem = await readFile(p.certificate, 'utf8');
  const privateKey = createPrivateKey(await readFile(p.privateKey, 'utf8'));
  return { certificatePem, privateKey, fingerprint: certificateFingerprint(certificatePem) };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Loads the identity, creating it on first use (safe when two processes start at once). */
export async function loadOrCreateReceiverIdentity(dataDir: string, now = Date.now()): Promise<ReceiverIdentity> {
  const p = dataPaths(dataDir);
  if (existsSync(p.privateKey) && existsSync(p.certificate)) return load(dataDir);
  await mkdir(dataDir, { recursive: true });
  const id = await createSelfSignedIdentity({
    ...viReceiver.identity,
    validYears: 10,
    now,
  });
  const tmp = `${p.privateKey}.${randomBytes(6).toString('hex')}.tmp`;
  const keyPem = id.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  await writeFile(tmp, keyPem, { mode: 0o600, flag: 'wx' });
  await chmod(tmp, 0o600);
  try {
    // link() refuses an existing name: whoever links first owns the identity.
    await link(tmp, p.privateKey);
    await writeFile(`${tmp}.cert`, id.certificatePem);
    await rm(p.certificate, { force: true });
    await link(`${tmp}.cert`, p.certificate);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  } finally {
    await rm(tmp, { force: true });
    await rm(`${tmp}.cert`, { force: true });
  }
  for (let i = 0; i < 100 && !existsSync(p.certificate); i++) await sleep(50);
  return load(path.resolve(dataDir));
}
