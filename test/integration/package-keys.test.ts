// The signing identity: how the key is kept on disk, PKCS#12 import (files made by OpenSSL, as a
// CA or Windows would hand them out), and certificate facts with Vietnamese names.
import { afterAll, describe, expect, it } from 'vitest';
import { createPrivateKey, sign, verify } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { formatDate } from '../../shared/format';
import {
  KeyStore,
  buildBag,
  certificateInfo,
  createSelfSignedIdentity,
  importPkcs12,
  passphraseProtector,
  verifyPackage,
  type KeyProtector,
} from '../../main/services/package-format';
import { bagInfo, newIdentity, run } from '../helpers/package';

const dir = mkdtempSync(path.join(os.tmpdir(), 'kc-package-keys-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const at = (...p: string[]) => path.join(dir, ...p);
const DAY = 86_400_000;
const PASS = 'mật khẩu bảo vệ 2026';

const openssl = (...args: string[]) => {
  const r = run('openssl', args, dir);
  expect(r.code, r.out).toBe(0);
  return r.out;
};

describe('key storage', () => {
  it('keeps the private key sealed: no PEM, no DER on disk; opens with the passphrase only', async () => {
    const id = await newIdentity();
    const store = new KeyStore(at('data1'));
    await store.save(id, 'self-issued', passphraseProtector(PASS), Date.now());
    const files = readdirSync(at('data1/keys'));
    expect(files).toContain('identity.json');
    const keyFile = files.find((f) => f.endsWith('.sealed'))!;
    const sealed = readFileSync(at('data1/keys', keyFile));
    const der = id.privateKey.export({ type: 'pkcs8', format: 'der' });
    expect(sealed.includes('BEGIN PRIVATE KEY')).toBe(false);
    expect(sealed.includes('PRIVATE')).toBe(false);
    expect(sealed.includes(der)).toBe(false);
    expect(sealed.includes(der.subarray(40, 72))).toBe(false); // no stretch of the key material either
    expect(readFileSync(at('data1/keys/identity.json'), 'utf8')).not.toContain('PRIVATE');

    const loaded = await new KeyStore(at('data1')).load(passphraseProtector(PASS));
    expect(loaded.certificatePem).toBe(id.certificatePem);
    const sig = sign('sha256', Buffer.from('ký thử'), loaded.privateKey);
    expect(verify('sha256', Buffer.from('ký thử'), id.privateKey, sig)).toBe(true);
    expect(loaded.stored.kind).toBe('self-issued');
  });

  it('refuses a wrong passphrase, a too-short one, a damaged key file, the wrong kind of protector', async () => {
    const id = await newIdentity();
    const store = new KeyStore(at('data2'));
    await store.save(id, 'self-issued', passphraseProtector(PASS), Date.now());
    await expect(store.load(passphraseProtector('sai mật khẩu'))).rejects.toMatchObject({ code: 'BAD_CREDENTIALS', message: 'Sai mật khẩu bảo vệ khóa ký.' });
    // NFD-typed passphrase (macOS keyboards) is the same passphrase.
    await expect(store.load(passphraseProtector(PASS.normalize('NFD')))).resolves.toBeDefined();
    await expect(new KeyStore(at('short')).save(id, 'self-issued', passphraseProtector('1234567'), Date.now())).rejects.toMatchObject({ code: 'VALIDATION' });

    const keyFile = readdirSync(at('data2/keys')).find((f) => f.endsWith('.sealed'))!;
    const sealed = readFileSync(at('data2/keys', keyFile));
    sealed[sealed.length - 3]! ^= 1;
    writeFileSync(at('data2/keys', keyFile), sealed);
    await expect(store.load(passphraseProtector(PASS))).rejects.toMatchObject({ code: 'BAD_CREDENTIALS' });

    const keychain: KeyProtector = { kind: 'os-keychain', seal: async (b) => Buffer.from(b), open: async (b) => Buffer.from(b) };
    await expect(store.load(keychain)).rejects.toMatchObject({ code: 'BAD_CREDENTIALS' });
    await expect(new KeyStore(at('none')).load(keychain)).rejects.toMatchObject({ code: 'NOT_SET_UP' });
  });

  it('works with any KeyProtector (as the Electron safeStorage one will), and replacing an identity drops the old key', async () => {
    // A stand-in for safeStorage: reversible, and visibly not the plain key.
    const keychain: KeyProtector = {
      kind: 'os-keychain',
      seal: async (b) => Buffer.from(b.map((x) => x ^ 0x5a)),
      open: async (b) => Buffer.from(b.map((x) => x ^ 0x5a)),
    };
    const store = new KeyStore(at('data3'));
    const first = await newIdentity();
    await store.save(first, 'self-issued', keychain, Date.now());
    const second = await newIdentity();
    await store.save(second, 'self-issued', keychain, Date.now());
    expect(readdirSync(at('data3/keys')).filter((f) => f.endsWith('.sealed'))).toHaveLength(1);
    const loaded = await store.load(keychain);
    expect(loaded.certificatePem).toBe(second.certificatePem);
    expect((await store.certificate(Date.now()))?.fingerprint).toBe(certificateInfo(second.certificatePem, 0).fingerprint);
  });
});

describe('PKCS#12 import', () => {
  /** A CA-issued certificate with a Vietnamese subject, exported as OpenSSL 3 does by default. */
  const makeP12 = (name: string, extra: string[] = []) => {
    openssl(
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      'ca.key',
      '-out',
      'ca.pem',
      '-days',
      '3650',
      '-utf8',
      '-subj',
      '/C=VN/O=CA thử nghiệm/CN=CA Thử Nghiệm Việt Nam',
    );
    openssl(
      'req',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      `${name}.key`,
      '-out',
      `${name}.csr`,
      '-utf8',
      '-subj',
      '/C=VN/ST=Thừa Thiên Huế/O=Ủy ban nhân dân xã Phú Thượng/CN=UBND xã Phú Thượng',
    );
    openssl('x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-days', '365', '-out', `${name}.pem`);
    openssl(
      'pkcs12',
      '-export',
      '-inkey',
      `${name}.key`,
      '-in',
      `${name}.pem`,
      '-certfile',
      'ca.pem',
      '-passout',
      'pass:Mật-khẩu-1',
      '-out',
      `${name}.p12`,
      ...extra,
    );
    return readFileSync(at(`${name}.p12`));
  };

  it('imports key and chain (OpenSSL 3 defaults), byte-exact certificates, and signs packages that openssl verifies', async () => {
    const p12 = makeP12('leaf');
    const { identity, info, warning } = importPkcs12(p12, 'Mật-khẩu-1', Date.now());
    expect(identity.certificatePem).toBe(readFileSync(at('leaf.pem'), 'utf8'));
    expect(identity.chainPem).toEqual([readFileSync(at('ca.pem'), 'utf8')]);
    expect(info.holder).toBe('UBND xã Phú Thượng');
    expect(info.issuer).toBe('CA Thử Nghiệm Việt Nam');
    expect(info.selfIssued).toBe(false);
    expect(warning).toBeNull();

    await buildBag(
      { bagName: 'KC-P12', bagInfo: bagInfo(), payload: [{ path: 'package.json', source: { bytes: Buffer.from('{"a":"ộ"}') } }], identity },
      at('p12.zip'),
    );
    const report = await verifyPackage(at('p12.zip'));
    expect(report.ok).toBe(true);
    expect(report.signer?.holder).toBe('UBND xã Phú Thượng');
    run('/usr/bin/unzip', ['-q', '-o', at('p12.zip'), '-d', at('p12x')]);
    const r = run(
      'openssl',
      [
        'cms',
        '-verify',
        '-binary',
        '-inform',
        'DER',
        '-content',
        'tagmanifest-sha256.txt',
        '-in',
        'tagmanifest-sha256.txt.p7s',
        '-CAfile',
        at('ca.pem'),
        '-out',
        '/dev/null',
      ],
      at('p12x/KC-P12'),
    );
    expect(r.out).toContain('Verification successful');
  });

  it('reads the legacy 3DES/SHA-1 files Windows exports', () => {
    const p12 = makeP12('legacy', ['-keypbe', 'PBE-SHA1-3DES', '-certpbe', 'PBE-SHA1-3DES', '-macalg', 'sha1']);
    expect(importPkcs12(p12, 'Mật-khẩu-1', Date.now()).info.holder).toBe('UBND xã Phú Thượng');
  });

  it('takes an ECDSA P-256 certificate too: packages signed with it verify in openssl', async () => {
    openssl(
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-keyout',
      'ec.key',
      '-out',
      'ec.pem',
      '-days',
      '30',
      '-utf8',
      '-subj',
      '/C=VN/CN=UBND xã Phú Thượng',
    );
    openssl('pkcs12', '-export', '-inkey', 'ec.key', '-in', 'ec.pem', '-passout', 'pass:x', '-out', 'ec.p12');
    const { identity, info } = importPkcs12(readFileSync(at('ec.p12')), 'x', Date.now());
    expect(identity.privateKey.asymmetricKeyType).toBe('ec');
    expect(identity.certificatePem).toBe(readFileSync(at('ec.pem'), 'utf8'));
    expect(info.holder).toBe('UBND xã Phú Thượng');
    await buildBag({ bagName: 'KC-EC', bagInfo: bagInfo(), payload: [{ path: 'a.json', source: { bytes: Buffer.from('{}') } }], identity }, at('ec.zip'));
    expect((await verifyPackage(at('ec.zip'))).ok).toBe(true);
    run('/usr/bin/unzip', ['-q', '-o', at('ec.zip'), '-d', at('ecx')]);
    const r = run(
      'openssl',
      [
        'cms',
        '-verify',
        '-binary',
        '-inform',
        'DER',
        '-content',
        'tagmanifest-sha256.txt',
        '-in',
        'tagmanifest-sha256.txt.p7s',
        '-CAfile',
        at('ec.pem'),
        '-out',
        '/dev/null',
      ],
      at('ecx/KC-EC'),
    );
    expect(r.out).toContain('Verification successful');
  });

  it('refuses a wrong password and a file that is not PKCS#12', () => {
    const p12 = makeP12('pw');
    expect(() => importPkcs12(p12, 'sai', Date.now())).toThrow(expect.objectContaining({ code: 'BAD_CREDENTIALS' }));
    expect(() => importPkcs12(Buffer.from('không phải p12'), 'x', Date.now())).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
  });

  it('refuses an expired certificate, naming the date', async () => {
    const old = await newIdentity(Date.UTC(2020, 2, 1), 1);
    writeFileSync(at('old.pem'), old.certificatePem);
    writeFileSync(at('old.key'), old.privateKey.export({ type: 'pkcs8', format: 'pem' }));
    openssl('pkcs12', '-export', '-inkey', 'old.key', '-in', 'old.pem', '-passout', 'pass:x', '-out', 'old.p12');
    const notAfter = certificateInfo(old.certificatePem, 0).notAfter;
    let err: unknown;
    try {
      importPkcs12(readFileSync(at('old.p12')), 'x', Date.now());
    } catch (e) {
      err = e;
    }
    expect(err).toMatchObject({ code: 'VALIDATION', message: `Chứng thư số đã hết hạn ngày ${formatDate(notAfter)}. Hãy dùng chứng thư số còn hiệu lực.` });
    expect(formatDate(notAfter)).toMatch(/^\d\d\/\d\d\/2021$/);
  });

  it('warns when the certificate expires within 30 days', async () => {
    const soon = await newIdentity(Date.now() - 365 * DAY + 12 * DAY, 1);
    writeFileSync(at('soon.pem'), soon.certificatePem);
    writeFileSync(at('soon.key'), soon.privateKey.export({ type: 'pkcs8', format: 'pem' }));
    openssl('pkcs12', '-export', '-inkey', 'soon.key', '-in', 'soon.pem', '-passout', 'pass:x', '-out', 'soon.p12');
    const { warning, info } = importPkcs12(readFileSync(at('soon.p12')), 'x', Date.now());
    expect(info.expiresInDays).toBeGreaterThanOrEqual(10);
    expect(info.expiresInDays).toBeLessThanOrEqual(12);
    expect(warning).toMatch(/^Chứng thư số sẽ hết hạn ngày \d\d\/\d\d\/\d{4} \(còn 1[0-2] ngày\)/);
  });
});

describe('certificate facts', () => {
  it('round-trips Vietnamese names (typed decomposed, stored precomposed) through OpenSSL too', async () => {
    const id = await createSelfSignedIdentity({
      commonName: 'UBND phường Thuận Hòa'.normalize('NFD'),
      organization: 'Ủy ban nhân dân phường Thuận Hòa',
      locality: 'thành phố Huế',
      province: 'Thừa Thiên Huế',
    });
    const info = certificateInfo(id.certificatePem, Date.now());
    expect(info.holder).toBe('UBND phường Thuận Hòa'.normalize('NFC'));
    expect(info.subject).toEqual({ C: 'VN', ST: 'Thừa Thiên Huế', L: 'thành phố Huế', O: 'Ủy ban nhân dân phường Thuận Hòa', CN: 'UBND phường Thuận Hòa' });
    expect(info.selfIssued).toBe(true);
    expect(info.expired).toBe(false);
    expect(info.expiresInDays).toBeGreaterThan(5 * 365 - 2);
    writeFileSync(at('vi.pem'), id.certificatePem);
    expect(openssl('x509', '-in', 'vi.pem', '-noout', '-subject', '-nameopt', 'utf8,sep_comma_plus')).toContain('CN=UBND phường Thuận Hòa');
    expect(openssl('x509', '-in', 'vi.pem', '-noout', '-ext', 'keyUsage')).toMatch(/Digital Signature, Non Repudiation/);
    expect(info.fingerprint).toBe(openssl('x509', '-in', 'vi.pem', '-noout', '-fingerprint', '-sha256').split('=')[1]!.trim().replace(/:/g, '').toLowerCase());
    expect(createPrivateKey(id.privateKey.export({ type: 'pkcs8', format: 'pem' })).asymmetricKeyDetails?.modulusLength).toBe(2048);
  });
});
