// The trust outcome in words (services/submission/package-view.ts): known names its anchor and is
// the only "hợp lệ"; unknown says the content is intact but the signer unconfirmed, groups the
// fingerprint and tells the user to check it by phone, calling out a known name on another key;
// invalid counts the reasons. A report built without a trust field is never known.
import { describe, expect, it } from 'vitest';
import { trustView, verifyView } from '../../main/services/submission/package-view';
import type { VerifyReport } from '../../main/services/package-format';
import { verifyView as verifyViewSchema } from '../../shared/api/package-api-schemas';

const FP = '0123456789abcdef'.repeat(4);
const signer = {
  holder: 'UBND xã Phú Thượng',
  issuer: 'UBND xã Phú Thượng',
  subject: {},
  serial: '01',
  fingerprint: FP,
  notBefore: 0,
  notAfter: 1,
  expired: false,
  notYetValid: false,
  expiresInDays: 1,
  selfIssued: true,
  warning: null,
};
const report = (over: Partial<VerifyReport>): VerifyReport => ({
  ok: true,
  problems: [],
  bagName: 'KC',
  bagInfo: {},
  signer,
  signerCertificatePem: '-----BEGIN CERTIFICATE-----\n…',
  signingTime: 0,
  payload: [],
  ...over,
});
const anchor = { name: 'UBND xã Phú Thượng', fingerprint: 'f'.repeat(64), source: 'office' as const };

describe('trustView', () => {
  it('known: green words naming the anchor, nothing to confirm', () => {
    const v = trustView(report({ trust: { level: 'known', anchor: { ...anchor, fingerprint: FP } } }));
    expect(v).toMatchObject({ level: 'known', title: 'Gói hồ sơ hợp lệ, người ký đã biết: UBND xã Phú Thượng.', notes: [], canTrust: false });
  });

  it('unknown: intact but unconfirmed, the fingerprint grouped, the phone advice, the same-name call-out', () => {
    const v = trustView(report({ trust: { level: 'unknown', sameNameAs: anchor } }));
    expect(v.title).toMatch(/^Gói hồ sơ có nội dung nguyên vẹn nhưng người ký chưa được xác nhận/);
    expect(v.title).not.toMatch(/hợp lệ/);
    expect(v.fingerprintGroups).toEqual(Array.from({ length: 16 }, (_, i) => ['0123', '4567', '89AB', 'CDEF'][i % 4]));
    expect(v.notes[0]).toContain('chứng thư này mang tên UBND xã Phú Thượng nhưng khác chứng thư đã đăng ký');
    expect(v.notes[1]).toMatch(/gọi điện thoại/);
    expect(v.canTrust).toBe(true);
  });

  it('invalid: the number of reasons; a report without trust is at best unknown', () => {
    const bad = report({ ok: false, problems: [{ check: 'signer-certificate', file: null, message: 'x' }], trust: { level: 'invalid' } });
    expect(trustView(bad)).toMatchObject({ level: 'invalid', title: 'Gói hồ sơ KHÔNG hợp lệ: 1 lý do.', canTrust: false });
    expect(trustView(report({})).level).toBe('unknown');
    // ok=false always wins over a stale trust level.
    expect(trustView({ ...bad, trust: { level: 'known', anchor } }).level).toBe('invalid');
  });

  it('is part of the verify view, which the API schema accepts', () => {
    const v = verifyView({ report: report({ trust: { level: 'unknown' } }), content: null });
    expect(verifyViewSchema.parse(v).trust).toEqual(v.trust);
    expect(v.message).toBe(v.trust.title);
  });
});
