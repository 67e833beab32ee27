// Receipts verify only with the receiver certificate pinned at enrollment.
import { describe, expect, it } from 'vitest';
import { generateKeyPairSync, sign } from 'node:crypto';
import { createSelfSignedIdentity } from '../../main/services/package-format';
import { verifyReceipt, certificateFingerprint } from '../../main/services/sync/receipts';
import { receiptBytes, type Receipt } from '../../shared/sync/protocol';

const receipt: Receipt = {
  receiptId: 'BN-2026-000123',
  sha256: 'ab'.repeat(32),
  office: 'Thái Nguyên/Võ Nhai/Phú Thượng',
  receivedAt: Date.UTC(2026, 11, 3, 3, 0, 0),
  status: 'accepted',
  auditHead: { seq: 7, hash: 'cd'.repeat(32) },
};

async function receiver(name: string) {
  const id = await createSelfSignedIdentity({ commonName: name, organization: 'Sở Nội vụ', locality: 'Thái Nguyên', province: 'Thái Nguyên', now: Date.now() });
  const pin = { certificatePem: id.certificatePem, fingerprint: certificateFingerprint(id.certificatePem) };
  const signature = (r: Receipt) => sign('sha256', receiptBytes(r), id.privateKey).toString('base64');
  return { pin, signature };
}

describe('receipt signature', () => {
  it('accepts a receipt signed by the pinned receiver, refuses a forged or altered one', async () => {
    const real = await receiver('Máy chủ tiếp nhận tỉnh Thái Nguyên');
    const good = { receipt, signature: real.signature(receipt) };
    expect(() => verifyReceipt(good, real.pin, { sha256: receipt.sha256, office: receipt.office })).not.toThrow();

    // Signed by another key (even one with the same name): not a receipt.
    const impostor = await receiver('Máy chủ tiếp nhận tỉnh Thái Nguyên');
    const forged = { receipt, signature: impostor.signature(receipt) };
    expect(() => verifyReceipt(forged, real.pin, { sha256: receipt.sha256 })).toThrow(/không có chữ ký hợp lệ/);
    // A genuine signature over different content (status changed after signing).
    const altered = { receipt: { ...receipt, status: 'quarantined' as const }, signature: good.signature };
    expect(() => verifyReceipt(altered, real.pin, { sha256: receipt.sha256 })).toThrow(/không có chữ ký hợp lệ/);
    // A pin whose fingerprint does not match the stored certificate refuses everything.
    expect(() => verifyReceipt(good, { ...real.pin, fingerprint: '0'.repeat(64) }, { sha256: receipt.sha256 })).toThrow(/không có chữ ký hợp lệ/);
    // Garbage signature.
    expect(() => verifyReceipt({ receipt, signature: 'AAAAAAAAAAAAAAAAAAAA' }, real.pin, { sha256: receipt.sha256 })).toThrow(/không có chữ ký hợp lệ/);
    // Valid, but about another package or office.
    expect(() => verifyReceipt(good, real.pin, { sha256: 'ef'.repeat(32) })).toThrow(/không nói về đúng gói/);
    expect(() => verifyReceipt(good, real.pin, { sha256: receipt.sha256, office: 'Thái Nguyên/Võ Nhai/La Hiên' })).toThrow(/không nói về đúng gói/);
    // An RSA key that is not in any certificate cannot stand in either.
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const raw = { receipt, signature: sign('sha256', receiptBytes(receipt), privateKey).toString('base64') };
    expect(() => verifyReceipt(raw, real.pin, { sha256: receipt.sha256 })).toThrow(/không có chữ ký hợp lệ/);
  });
});
