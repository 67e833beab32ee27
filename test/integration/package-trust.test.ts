// Who signed (DESIGN §7 "Trust"), tried as an attacker would: a package edited and re-signed with a
// fresh self-signed "UBND xã Phú Thượng" certificate is intact but from an UNKNOWN signer (exit 3,
// the same-name call-out); a certificate whose subject was edited inside the .p7s is INVALID (exit
// 2); a certificate expired at signing time, or one not allowed to sign, is invalid; the office's
// own package is KNOWN (exit 0), as is any package signed by a --trust certificate, a --fingerprint,
// or a CA given with --trust. Through the API: the re-signed package is kept but listed as unknown,
// a leader trusts its certificate after comparing the fingerprint, and it becomes known.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { buildBag, certificateFingerprint, KeyStore, passphraseProtector, verifyPackage, type SigningIdentity } from '../../main/services/package-format';
import { bagInfo, newIdentity, readZip, samplePayload, writeZip, type ZipItem } from '../helpers/package';
import { editSignerSubject, entry, rehash, resign } from '../helpers/resign';
import { CertLab } from '../helpers/certs';
import { runCli } from '../helpers/cli';
import { cleanup, openTestApp, setUpOffice, tempDir, type TestApp } from '../helpers/services';

const dir = tempDir('kc-package-trust-');
afterAll(() => cleanup(dir));
const at = (...p: string[]) => path.join(dir, ...p);
const BAG = 'KC-2023-PhuThuong-CCHC';
const SAME_NAME = 'chứng thư này mang tên UBND xã Phú Thượng nhưng khác chứng thư đã đăng ký';

let office: SigningIdentity;
let items: ZipItem[];
const officeDir = at('office-data');
const emptyDir = at('empty-data');
let n = 0;

/** A rewrite of the office's package with `change` applied. */
async function variant(change: (l: ZipItem[]) => void): Promise<string> {
  const list = items.map((i) => ({ ...i, data: Buffer.from(i.data) }));
  change(list);
  const out = at(`v${++n}.zip`);
  await writeZip(out, list);
  return out;
}

const forge = (forger: SigningIdentity) => (l: ZipItem[]) => {
  const json = entry(l, BAG, 'data/package.json');
  rehash(l, BAG, 'data/package.json', Buffer.from(json.data.toString('utf8').replace('73.25', '99.75')));
  resign(l, BAG, forger);
};

const verify = (file: string, ...extra: string[]) => runCli(['package', 'verify', file, ...extra], { KIEMCHUNG_DATA_DIR: emptyDir });

beforeAll(async () => {
  office = await newIdentity();
  await buildBag({ bagName: BAG, bagInfo: bagInfo(), payload: await samplePayload(at('src')), identity: office }, at('office.zip'));
  items = await readZip(at('office.zip'));
  // The office's data folder: its signing key, as `keys.create` leaves it.
  await new KeyStore(officeDir).save(office, 'self-issued', passphraseProtector('mat-khau-khoa'), Date.now());
  mkdirSync(emptyDir, { recursive: true });
  writeFileSync(at('office.pem'), office.certificatePem);
});

describe('package verify: known, unknown, invalid', () => {
  it("the office's own package is known (exit 0) with its own data folder", () => {
    const r = verify(at('office.zip'), '--data-dir', officeDir);
    expect(r.stdout).toContain('Gói hồ sơ hợp lệ, người ký đã biết: UBND xã Phú Thượng');
    expect(r.code).toBe(0);
  });

  it('the same package elsewhere is intact but unknown (exit 3), with the grouped fingerprint and the words to check it by phone', () => {
    const r = verify(at('office.zip'));
    expect(r.code).toBe(3);
    expect(r.stdout).toContain('nội dung nguyên vẹn nhưng người ký chưa được xác nhận');
    const groups = certificateFingerprint(office.certificatePem).toUpperCase().match(/.{4}/g)!.join(' ');
    expect(r.stdout).toContain(groups);
    expect(r.stdout).toMatch(/gọi điện thoại/);
    expect(r.stdout).not.toMatch(/hợp lệ, người ký đã biết/);
  });

  it('--trust CERT.pem and --fingerprint make it known (exit 0); a wrong --fingerprint is invalid (exit 2)', () => {
    expect(verify(at('office.zip'), '--trust', at('office.pem')).code).toBe(0);
    const fp = certificateFingerprint(office.certificatePem);
    const colons = fp.toUpperCase().match(/.{2}/g)!.join(':');
    const r = verify(at('office.zip'), '--fingerprint', colons);
    expect(r.stdout).toContain('Gói hồ sơ hợp lệ, người ký đã biết');
    expect(r.code).toBe(0);
    const wrong = verify(at('office.zip'), '--fingerprint', 'ab'.repeat(32));
    expect(wrong.code).toBe(2);
    expect(wrong.stdout).toContain('KHÔNG hợp lệ');
    expect(verify(at('office.zip'), '--fingerprint', 'xyz').code).toBe(1);
  });

  it('edited, re-hashed and re-signed with a fresh "UBND xã Phú Thượng" certificate: unknown (exit 3), the same name called out', async () => {
    const forger = await newIdentity();
    const file = await variant(forge(forger));
    const r = verify(file, '--data-dir', officeDir);
    expect(r.code).toBe(3);
    expect(r.stdout).toContain('nội dung nguyên vẹn nhưng người ký chưa được xác nhận');
    expect(r.stdout).toContain(SAME_NAME);
    expect(r.stdout).toContain(certificateFingerprint(forger.certificatePem));
    // The library says the same.
    const rep = await verifyPackage(file, {
      trustAnchors: [{ fingerprint: certificateFingerprint(office.certificatePem), name: 'UBND xã Phú Thượng', source: 'office' }],
    });
    expect(rep.ok).toBe(true);
    expect(rep.trust).toMatchObject({ level: 'unknown', sameNameAs: { name: 'UBND xã Phú Thượng', source: 'office' } });
  });

  it('the certificate subject edited inside the .p7s: invalid (exit 2), naming the certificate', async () => {
    const file = await variant((l) => editSignerSubject(l, BAG));
    const rep = await verifyPackage(file);
    expect(rep.trust?.level).toBe('invalid');
    expect(rep.problems.map((p) => p.check)).toEqual(['signer-certificate']);
    const r = verify(file, '--data-dir', officeDir, '--trust', at('office.pem'));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('KHÔNG hợp lệ');
    expect(r.stdout).toContain('UBND xã Qhú Thượng');
    expect(r.stdout).toContain(rep.signer!.fingerprint);
  });

  it('a certificate expired at signing time is invalid, even when trusted', async () => {
    const expired = await newIdentity(Date.now() - 3 * 365 * 86_400_000, 1);
    writeFileSync(at('expired.pem'), expired.certificatePem);
    const file = await variant((l) => resign(l, BAG, expired));
    const r = verify(file, '--trust', at('expired.pem'));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/không còn hoặc chưa có hiệu lực/);
  });

  it('a CA-issued signer: known through a CA given with --trust, unknown without; a leaf not allowed to sign is invalid', async () => {
    const lab = new CertLab(at('lab'));
    const ca = lab.ca('ca', 'CA Thử Nghiệm Việt Nam');
    const leaf = lab.leaf('leaf', ca);
    const file = await variant((l) => resign(l, BAG, { ...leaf.identity(), chainPem: [ca.pem] }));
    expect(verify(file)).toMatchObject({ stderr: '', code: 3 });
    const r = verify(file, '--trust', ca.certPath);
    expect(r.stdout).toContain('Gói hồ sơ hợp lệ, người ký đã biết: CA Thử Nghiệm Việt Nam');
    expect(r.code).toBe(0);
    const enc = lab.leaf('enc', ca, 'UBND xã Phú Thượng', 'critical,keyEncipherment');
    const bad = await variant((l) => resign(l, BAG, { ...enc.identity(), chainPem: [ca.pem] }));
    const rb = verify(bad, '--trust', ca.certPath);
    expect(rb.code).toBe(2);
    expect(rb.stdout).toMatch(/không được phép dùng để ký số/);
  });
});

describe('in the app: kept as unknown, trusted by a leader, then known', () => {
  let app: TestApp;
  let token: string;
  beforeAll(async () => {
    app = openTestApp();
    app.clock.set(Date.now());
    token = await setUpOffice(app);
    await new KeyStore(app.dir).save(office, 'self-issued', passphraseProtector('mat-khau-khoa'), Date.now());
  });
  afterAll(() => {
    app.close();
    cleanup(app.dir);
  });
  const upload = async (file: string) => {
    const me = (await app.call('auth.session', { touch: false }, token))!.user.id;
    return app.s.uploads.receive(Readable.from([readFileSync(file)]), path.basename(file), me);
  };

  it("the office's own package is known; the re-signed one is kept but unknown, never valid", async () => {
    const own = await app.call('package.verify', { uploadId: (await upload(at('office.zip'))).id }, token);
    expect(own.trust).toMatchObject({ level: 'known', anchor: { source: 'office' } });
    const forger = await newIdentity();
    const v = await app.call('package.verify', { uploadId: (await upload(await variant(forge(forger)))).id }, token);
    expect(v.ok).toBe(true);
    expect(v.trust.level).toBe('unknown');
    expect(v.message).toContain('chưa được xác nhận');
    expect(v.trust.notes.join(' ')).toContain(SAME_NAME);
    expect(v.trust.fingerprintGroups).toHaveLength(16);
    expect(v.trust.canTrust).toBe(true);
    const kept = (await app.call('package.received', {}, token)).find((k) => k.packageKey === v.packageKey)!;
    expect(kept.trust).toBe('unknown');

    // Trusting needs the fingerprint the leader compared; a wrong one is refused.
    const wrong = await app.fail('trust.add', { packageKey: v.packageKey!, fingerprint: 'ab'.repeat(32) }, token);
    expect(wrong.code).toBe('CONFLICT');
    const added = await app.call('trust.add', { packageKey: v.packageKey!, fingerprint: v.trust.fingerprintGroups.join(' ') }, token);
    expect(added).toMatchObject({ source: 'imported', name: 'UBND xã Phú Thượng', fingerprint: certificateFingerprint(forger.certificatePem) });
    expect((await app.call('package.received', {}, token)).find((k) => k.packageKey === v.packageKey)!.trust).toBe('known');
    expect((await app.call('package.reopen', { packageKey: v.packageKey! }, token)).trust.level).toBe('known');
    const list = await app.call('trust.list', {}, token);
    expect(list.map((c) => [c.source, c.current])).toEqual([
      ['office', true],
      ['imported', false],
    ]);

    // Removed again: unknown again; both changes are in the audit log.
    await app.call('trust.remove', { fingerprint: added.fingerprint }, token);
    expect((await app.call('package.reopen', { packageKey: v.packageKey! }, token)).trust.level).toBe('unknown');
    const actions = app.s.db.all(app.s.db.q.selectFrom('audit_log').select(['action', 'entity_id']).where('entity', '=', 'trusted_certificate'));
    expect(actions).toEqual([
      { action: 'trust.add', entity_id: added.fingerprint },
      { action: 'trust.remove', entity_id: added.fingerprint },
    ]);
    expect((await app.fail('trust.remove', { fingerprint: list[0]!.fingerprint }, token)).code).toBe('CONFLICT');
  });

  it('an officer sees the list but cannot trust or remove; a leader can add a certificate file (PEM or DER)', async () => {
    await app.call(
      'users.create',
      { fullName: 'Lê Thị Hương', position: 'Văn phòng - Thống kê', username: 'huong', password: 'huong-123456', roles: ['officer'] },
      token,
    );
    const { token: off } = await app.call('auth.login', { username: 'huong', password: 'huong-123456' });
    expect((await app.call('trust.list', {}, off)).length).toBeGreaterThan(0);
    const other = await newIdentity(Date.now(), 5, 'UBND xã Tràng Xá');
    writeFileSync(at('trang-xa.pem'), other.certificatePem);
    const me = (await app.call('auth.session', { touch: false }, off))!.user.id;
    const up = await app.s.uploads.receive(Readable.from([readFileSync(at('trang-xa.pem'))]), 'trang-xa.pem', me);
    expect((await app.fail('trust.add', { uploadId: up.id }, off)).code).toBe('FORBIDDEN');
    expect((await app.fail('trust.remove', { fingerprint: certificateFingerprint(office.certificatePem) }, off)).code).toBe('FORBIDDEN');

    const der = Buffer.from(other.certificatePem.replace(/-----[^-]+-----|\s/g, ''), 'base64');
    const leaderId = (await app.call('auth.session', { touch: false }, token))!.user.id;
    const up2 = await app.s.uploads.receive(Readable.from([der]), 'trang-xa.cer', leaderId);
    const added = await app.call('trust.add', { uploadId: up2.id }, token);
    expect(added).toMatchObject({ name: 'UBND xã Tràng Xá', source: 'imported', fingerprint: certificateFingerprint(other.certificatePem) });
    const notCert = await app.s.uploads.receive(Readable.from([Buffer.from('không phải chứng thư')]), 'x.pem', leaderId);
    expect((await app.fail('trust.add', { uploadId: notCert.id }, token)).message).toBe('Tệp không phải chứng thư số X.509 (PEM hoặc DER).');
  });

  it('a replaced key stays a trust anchor: packages signed before remain known', async () => {
    await app.call('keys.create', { passphrase: 'mat-khau-khoa', replace: true }, token);
    const v = await app.call('package.verify', { uploadId: (await upload(at('office.zip'))).id }, token);
    expect(v.trust).toMatchObject({ level: 'known', anchor: { source: 'office', fingerprint: certificateFingerprint(office.certificatePem) } });
  });

  it('importing a PKCS#12 whose issuer cannot be checked is refused; with its CA chain it is taken', async () => {
    const lab = new CertLab(at('p12lab'));
    const ca = lab.ca('ca', 'CA Thử Nghiệm Việt Nam');
    const leaf = lab.leaf('leaf', ca);
    lab.openssl('pkcs12', '-export', '-inkey', leaf.keyPath, '-in', leaf.certPath, '-passout', 'pass:p12-mat-khau', '-out', 'alone.p12');
    lab.openssl(
      'pkcs12',
      '-export',
      '-inkey',
      leaf.keyPath,
      '-in',
      leaf.certPath,
      '-certfile',
      ca.certPath,
      '-passout',
      'pass:p12-mat-khau',
      '-out',
      'chain.p12',
    );
    app.clock.set(Date.now() + 60_000); // the certificates were just made; the test clock was set before
    const leaderId = (await app.call('auth.session', { touch: false }, token))!.user.id;
    const send = (name: string) => app.s.uploads.receive(Readable.from([readFileSync(path.join(lab.dir, name))]), name, leaderId);
    const refused = await app.fail('keys.import', { uploadId: (await send('alone.p12')).id, p12Password: 'p12-mat-khau', passphrase: 'mat-khau-khoa' }, token);
    expect(refused.code).toBe('VALIDATION');
    expect(refused.message).toContain('CA Thử Nghiệm Việt Nam');
    const ok = await app.call('keys.import', { uploadId: (await send('chain.p12')).id, p12Password: 'p12-mat-khau', passphrase: 'mat-khau-khoa' }, token);
    expect(ok.certificate?.issuer).toBe('CA Thử Nghiệm Việt Nam');
  });
});
