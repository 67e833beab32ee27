// The signer certificate itself, with certificates made by the real openssl: its own signature
// (self-issued and CA-issued, with the chain carried or added by the user), validity at signing
// time, key usage, CA flags on the path; then the trust classification on top of it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  anchorFromPem,
  checkSignerCertificate,
  classifySigner,
  groupFingerprint,
  certificateFingerprint,
  type CertCheckResult,
} from '../../main/services/package-format';
import { CertLab, PHU_THUONG, editSubject, type LabCert } from '../helpers/certs';

const dir = mkdtempSync(path.join(os.tmpdir(), 'kc-cert-check-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const lab = new CertLab(dir);
// Certificates are made in beforeAll, after this line runs: check a few minutes later.
const now = Date.now() + 5 * 60_000;
const checks = (r: CertCheckResult) => r.problems.map((p) => p.check).sort();

let office: LabCert;
let ca: LabCert;
let leaf: LabCert;
beforeAll(() => {
  office = lab.selfSigned('office');
  ca = lab.ca('ca', 'CA Thử Nghiệm Việt Nam');
  leaf = lab.leaf('leaf', ca);
});

describe('checkSignerCertificate', () => {
  it('accepts a sound self-signed certificate with signing key usage', () => {
    expect(checkSignerCertificate(office.pem, { signingTime: now, now })).toEqual({ problems: [], path: [] });
  });

  it('refuses a certificate whose subject was edited (its own signature breaks), naming holder and fingerprint', () => {
    const edited = editSubject(office.pem);
    const r = checkSignerCertificate(edited, { signingTime: now, now });
    expect(checks(r)).toEqual(['signer-certificate']);
    expect(r.problems[0]!.message).toContain('UBND xã Qhú Thượng');
    expect(r.problems[0]!.message).toContain(certificateFingerprint(edited));
    // Issuer edited as well, so it still looks self-issued: its own key does not verify it.
    const both = checkSignerCertificate(editSubject(office.pem, true), { signingTime: now, now });
    expect(checks(both)).toEqual(['signer-certificate']);
    expect(both.problems[0]!.message).toMatch(/tự cấp nhưng không khớp với khóa của chính nó/);
  });

  it('verifies a CA-issued certificate against the chain carried, or a CA the user added, and refuses it without', () => {
    const carried = checkSignerCertificate(leaf.pem, { chainPem: [ca.pem], signingTime: now, now });
    expect(carried.problems).toEqual([]);
    expect(carried.path).toEqual([certificateFingerprint(ca.pem)]);
    expect(checkSignerCertificate(leaf.pem, { extraCaPem: [ca.pem], signingTime: now, now }).problems).toEqual([]);
    const alone = checkSignerCertificate(leaf.pem, { signingTime: now, now });
    expect(checks(alone)).toEqual(['signer-certificate']);
    expect(alone.problems[0]!.message).toContain('CA Thử Nghiệm Việt Nam');
  });

  it('refuses a leaf whose issuer is another CA of the same name', () => {
    const impostor = lab.ca('ca2', 'CA Thử Nghiệm Việt Nam');
    const r = checkSignerCertificate(leaf.pem, { chainPem: [impostor.pem], signingTime: now, now });
    expect(checks(r)).toEqual(['signer-certificate']);
    expect(r.problems[0]!.message).toMatch(/không khớp với chứng thư của đơn vị cấp/);
  });

  it('refuses an issuer that is not a CA', () => {
    const fake = lab.ca('notca', 'Đơn vị không phải CA', true);
    const issued = lab.leaf('fromnotca', fake);
    const r = checkSignerCertificate(issued.pem, { chainPem: [fake.pem], signingTime: now, now });
    expect(checks(r)).toEqual(['signer-chain']);
    expect(r.problems[0]!.message).toContain('Đơn vị không phải CA');
  });

  it('refuses a leaf without digitalSignature/nonRepudiation, and accepts one without keyUsage at all', () => {
    const enc = lab.leaf('enc', ca, PHU_THUONG, 'critical,keyEncipherment');
    const r = checkSignerCertificate(enc.pem, { chainPem: [ca.pem], signingTime: now, now });
    expect(checks(r)).toEqual(['signer-usage']);
    expect(r.problems[0]!.message).toContain(PHU_THUONG);
    const none = lab.selfSigned('noku', PHU_THUONG, null);
    expect(checkSignerCertificate(none.pem, { signingTime: now, now }).problems).toEqual([]);
  });

  it('checks validity at the signing time, falling back to now', () => {
    const old = lab.dated('old', '20200101000000Z', '20210101000000Z');
    expect(checkSignerCertificate(old.pem, { signingTime: Date.UTC(2020, 5, 1), now }).problems).toEqual([]);
    const late = checkSignerCertificate(old.pem, { signingTime: Date.UTC(2022, 0, 1), now });
    expect(checks(late)).toEqual(['signer-validity']);
    expect(late.problems[0]!.message).toMatch(/không còn hoặc chưa có hiệu lực/);
    expect(checks(checkSignerCertificate(old.pem, { signingTime: null, now }))).toEqual(['signer-validity']);
  });

  it('says so for bytes that are not a certificate', () => {
    expect(checks(checkSignerCertificate('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n', { signingTime: now, now }))).toEqual([
      'signer-certificate',
    ]);
  });
});

describe('classifySigner', () => {
  const sig = (c: LabCert, issuerPath: string[] = []) => ({
    ok: true,
    fingerprint: certificateFingerprint(c.pem),
    holder: PHU_THUONG,
    issuerPath,
  });

  it('known when the signer is an anchor; unknown otherwise; invalid when verification failed', () => {
    const anchors = [anchorFromPem(office.pem, 'office')];
    expect(classifySigner(sig(office), anchors)).toEqual({
      level: 'known',
      anchor: { name: PHU_THUONG, fingerprint: anchors[0]!.fingerprint, source: 'office' },
    });
    const other = lab.selfSigned('forger');
    const unknown = classifySigner(sig(other), anchors);
    expect(unknown.level).toBe('unknown');
    expect(unknown.sameNameAs).toMatchObject({ name: PHU_THUONG, source: 'office' });
    expect(classifySigner({ ...sig(office), ok: false }, anchors)).toEqual({ level: 'invalid' });
    expect(classifySigner(sig(other), [])).toEqual({ level: 'unknown' });
  });

  it('known through a CA anchor on the verified path', () => {
    const anchors = [anchorFromPem(ca.pem, 'imported')];
    expect(classifySigner(sig(leaf, [certificateFingerprint(ca.pem)]), anchors)).toMatchObject({ level: 'known', anchor: { name: 'CA Thử Nghiệm Việt Nam' } });
    expect(classifySigner(sig(leaf, []), anchors).level).toBe('unknown');
  });

  it('groups the fingerprint by four for reading over the phone', () => {
    const g = groupFingerprint('ab:cd' + 'e'.repeat(60));
    expect(g).toHaveLength(16);
    expect(g[0]).toBe('ABCD');
    expect(g.join('')).toBe(('abcd' + 'e'.repeat(60)).toUpperCase());
  });
});
