// Receipts: the receiver's signed statement that it holds a package (shared/sync/protocol.ts).
// RSA-SHA256 (PKCS#1 v1.5) over receiptBytes — a fixed field order, never JSON.stringify of an
// arbitrary object — base64.
import { X509Certificate, randomBytes, sign, verify, type KeyObject } from 'node:crypto';
import { receiptBytes, signedReceipt, type Receipt, type SignedReceipt } from '../../shared/sync/protocol';

/** e.g. `BN-20261203-9F3A2C7D41` (date for people, random for uniqueness). */
export function newReceiptId(at: number): string {
  const d = new Date(at).toISOString().slice(0, 10).replace(/-/g, '');
  return `BN-${d}-${randomBytes(5).toString('hex').toUpperCase()}`;
}

export function signReceipt(receipt: Receipt, privateKey: KeyObject): SignedReceipt {
  const signature = sign('sha256', receiptBytes(receipt), privateKey).toString('base64');
  return signedReceipt.parse({ receipt, signature });
}

/** True when the signature is the receiver's (the certificate the app pinned). */
export function verifyReceipt(r: SignedReceipt, receiverCertificatePem: string): boolean {
  try {
    const key = new X509Certificate(receiverCertificatePem).publicKey;
    return verify('sha256', receiptBytes(r.receipt), key, Buffer.from(r.signature, 'base64'));
  } catch {
    return false;
  }
}
