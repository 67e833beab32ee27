// Where the signing identity lives: <dataDir>/keys/identity.json (certificate, public facts, the
// name of the key file) and <dataDir>/keys/private-key-<id>.sealed (the PKCS#8 key, only ever
// written sealed by a KeyProtector). The key file is named after its public key and identity.json
// is replaced last, so a crash while replacing an identity leaves the old pair working.
//
// Passphrase sealing: scrypt (N=2^15, r=8, p=1 → 32 MiB, ≈0.1 s) derives an AES-256-GCM key from
// the passphrase with a random 16-byte salt; a random 12-byte nonce; the header is authenticated
// data. GCM rather than node's encrypted-PKCS#8 PEM (AES-CBC): its tag tells a wrong passphrase
// apart with certainty, where CBC padding lets ~1 wrong passphrase in 256 through as garbage.
import { createCipheriv, createDecipheriv, createHash, createPrivateKey, createPublicKey, randomBytes, scrypt, type KeyObject } from 'node:crypto';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { ApiError } from '../../../shared/errors';
import { assertKeyMatchesCertificate, certificateInfo, type CertificateInfo, type SigningIdentity } from './keys';
import { messages } from './messages';
import { writeFileAtomic } from '../durable';

export interface KeyProtector {
  kind: 'passphrase' | 'os-keychain';
  seal(der: Buffer): Promise<Buffer>;
  /** Throws ApiError('BAD_CREDENTIALS') when the secret is wrong. */
  open(sealed: Buffer): Promise<Buffer>;
}

const MAGIC = Buffer.from('KCK1');
const SCRYPT = { logN: 15, r: 8, p: 1 };
const HEADER_BYTES = 4 + 3 + 16 + 12;
const TAG_BYTES = 16;

function deriveKey(passphrase: string, salt: Buffer, logN: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(passphrase.normalize('NFC'), salt, 32, { N: 2 ** logN, r, p, maxmem: 256 * 1024 * 1024 }, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

export function passphraseProtector(passphrase: string): KeyProtector {
  return {
    kind: 'passphrase',
    async seal(der) {
      if ([...passphrase].length < 8) throw new ApiError('VALIDATION', messages.keys.shortPassphrase);
      const salt = randomBytes(16);
      const nonce = randomBytes(12);
      const header = Buffer.concat([MAGIC, Buffer.from([SCRYPT.logN, SCRYPT.r, SCRYPT.p]), salt, nonce]);
      const key = await deriveKey(passphrase, salt, SCRYPT.logN, SCRYPT.r, SCRYPT.p);
      const c = createCipheriv('aes-256-gcm', key, nonce).setAAD(header);
      const body = Buffer.concat([c.update(der), c.final()]);
      return Buffer.concat([header, c.getAuthTag(), body]);
    },
    async open(sealed) {
      if (sealed.length < HEADER_BYTES + TAG_BYTES + 1 || !sealed.subarray(0, 4).equals(MAGIC)) {
        throw new ApiError('VALIDATION', messages.keys.sealedCorrupt);
      }
      const [logN, r, p] = [sealed[4]!, sealed[5]!, sealed[6]!];
      // Bounded so a crafted file cannot make scrypt allocate gigabytes.
      if (logN < 10 || logN > 20 || r < 1 || r > 16 || p < 1 || p > 4) throw new ApiError('VALIDATION', messages.keys.sealedCorrupt);
      const header = sealed.subarray(0, HEADER_BYTES);
      const key = await deriveKey(passphrase, sealed.subarray(7, 23), logN, r, p);
      const d = createDecipheriv('aes-256-gcm', key, sealed.subarray(23, 35)).setAAD(header);
      d.setAuthTag(sealed.subarray(HEADER_BYTES, HEADER_BYTES + TAG_BYTES));
      try {
        return Buffer.concat([d.update(sealed.subarray(HEADER_BYTES + TAG_BYTES)), d.final()]);
      } catch {
        throw new ApiError('BAD_CREDENTIALS', messages.keys.badPassphrase);
      }
    },
  };
}

/**
 * The operating system's secret store as Electron's safeStorage exposes it (DPAPI on Windows,
 * Keychain on macOS, libsecret/kwallet on Linux). Main-process services see only this interface;
 * the Electron glue supplies it, browser mode and the CLI have none.
 */
export interface OsKeychain {
  /** False where the store would not really protect anything (e.g. Linux with no secret service). */
  isAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(sealed: Buffer): string;
}

const KEYCHAIN_MAGIC = Buffer.from('KCO1');

/**
 * Seals with the OS keychain: the key file can only be opened by the same OS user on the same
 * computer, and the officer types no passphrase to sign.
 */
export function keychainProtector(keychain: OsKeychain): KeyProtector {
  return {
    kind: 'os-keychain',
    async seal(der) {
      if (!keychain.isAvailable()) throw new ApiError('CONFLICT', messages.keys.keychainUnavailable);
      return Buffer.concat([KEYCHAIN_MAGIC, keychain.encryptString(der.toString('base64'))]);
    },
    async open(sealed) {
      if (sealed.length <= KEYCHAIN_MAGIC.length || !sealed.subarray(0, 4).equals(KEYCHAIN_MAGIC))
        throw new ApiError('VALIDATION', messages.keys.sealedCorrupt);
      if (!keychain.isAvailable()) throw new ApiError('BAD_CREDENTIALS', messages.keys.keychainFailed);
      let b64: string;
      try {
        b64 = keychain.decryptString(sealed.subarray(KEYCHAIN_MAGIC.length));
      } catch {
        throw new ApiError('BAD_CREDENTIALS', messages.keys.keychainFailed);
      }
      return Buffer.from(b64, 'base64');
    },
  };
}

export type IdentityKind = 'self-issued' | 'pkcs12';

export interface StoredIdentity {
  kind: IdentityKind;
  protector: KeyProtector['kind'];
  certificatePem: string;
  chainPem: string[];
  /** Epoch ms. */
  created: number;
  keyFile: string;
}

const IDENTITY_FILE = 'identity.json';
const keyFileName = (key: KeyObject) =>
  `private-key-${createHash('sha256')
    .update(createPublicKey(key).export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16)}.sealed`;
const KEY_FILE_RE = /^private-key-[0-9a-f]{16}\.sealed$/;

/** The identity files under one data folder. */
export class KeyStore {
  readonly dir: string;
  constructor(dataDir: string) {
    this.dir = path.join(dataDir, 'keys');
  }

  /** The stored certificate and facts, without opening the key; null when none is set up. */
  async info(): Promise<StoredIdentity | null> {
    let text: string;
    try {
      text = await readFile(path.join(this.dir, IDENTITY_FILE), 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
    try {
      const j = JSON.parse(text) as StoredIdentity;
      if (typeof j.certificatePem !== 'string' || (j.kind !== 'self-issued' && j.kind !== 'pkcs12') || !KEY_FILE_RE.test(j.keyFile)) {
        throw new Error('shape');
      }
      return { ...j, chainPem: Array.isArray(j.chainPem) ? j.chainPem : [] };
    } catch {
      throw new ApiError('INTERNAL', messages.keys.identityCorrupt);
    }
  }

  async certificate(now: number): Promise<CertificateInfo | null> {
    const i = await this.info();
    return i ? certificateInfo(i.certificatePem, now) : null;
  }

  /** Seals the key and writes it; the key never touches the disk in the clear. Returns the file name. */
  async protectKey(key: KeyObject, protector: KeyProtector): Promise<string> {
    const der = key.export({ type: 'pkcs8', format: 'der' });
    try {
      const sealed = await protector.seal(der);
      await mkdir(this.dir, { recursive: true });
      const name = keyFileName(key);
      await writeFileAtomic(path.join(this.dir, name), sealed, 0o600);
      return name;
    } finally {
      der.fill(0);
    }
  }

  /** Opens the key of the stored identity. */
  async loadKey(protector: KeyProtector): Promise<KeyObject> {
    const stored = await this.info();
    if (!stored) throw new ApiError('NOT_SET_UP', messages.keys.noIdentity);
    if (stored.protector !== protector.kind) throw new ApiError('BAD_CREDENTIALS', messages.keys.wrongProtector(stored.protector));
    let sealed: Buffer;
    try {
      sealed = await readFile(path.join(this.dir, stored.keyFile));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new ApiError('NOT_SET_UP', messages.keys.noIdentity);
      throw e;
    }
    const der = await protector.open(sealed);
    try {
      return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
    } catch {
      throw new ApiError('VALIDATION', messages.keys.sealedCorrupt);
    } finally {
      der.fill(0);
    }
  }

  /** Stores a new identity (replacing any previous one): key first, then the certificate file. */
  async save(identity: SigningIdentity, kind: IdentityKind, protector: KeyProtector, now: number): Promise<StoredIdentity> {
    assertKeyMatchesCertificate(identity);
    const keyFile = await this.protectKey(identity.privateKey, protector);
    const stored: StoredIdentity = {
      kind,
      protector: protector.kind,
      certificatePem: identity.certificatePem,
      chainPem: identity.chainPem ?? [],
      created: now,
      keyFile,
    };
    await writeFileAtomic(path.join(this.dir, IDENTITY_FILE), JSON.stringify(stored, null, 2) + '\n', 0o644);
    // Only now is the previous key unreferenced.
    for (const f of await readdir(this.dir)) {
      if (KEY_FILE_RE.test(f) && f !== keyFile) await rm(path.join(this.dir, f), { force: true });
    }
    return stored;
  }

  async load(protector: KeyProtector): Promise<SigningIdentity & { stored: StoredIdentity }> {
    const privateKey = await this.loadKey(protector);
    const stored = (await this.info())!;
    const identity = { certificatePem: stored.certificatePem, chainPem: stored.chainPem, privateKey };
    assertKeyMatchesCertificate(identity);
    return { ...identity, stored };
  }

  async remove(): Promise<void> {
    await rm(path.join(this.dir, IDENTITY_FILE), { force: true });
    for (const f of await readdir(this.dir).catch(() => [])) {
      if (KEY_FILE_RE.test(f)) await rm(path.join(this.dir, f), { force: true });
    }
  }
}
