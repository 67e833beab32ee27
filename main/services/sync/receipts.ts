// Receipts from the receiver: verified with the certificate pinned at enrollment, and only with
// it. A receipt that does not verify (or speaks of another package or office) is not a receipt.
import { X509Certificate, createHash, verify } from 'node:crypto';
import { receiptBytes, type SignedReceipt } from '../../../shared/sync/protocol';
import { SyncFault } from './faults';
import { vi } from '../../../shared/i18n/vi';

/** SHA-256 of the certificate's DER, lowercase hex: what the app pins. */
export function certificateFingerprint(pem: string): string {
  return createHash('sha256').update(new X509Certificate(pem).raw).digest('hex');
}

export interface Pin {
  certificatePem: string;
  fingerprint: string;
}

/** Throws SyncFault('receipt') unless `signed` is signed by exactly the pinned certificate and is about `expect`. */
export function verifyReceipt(signed: SignedReceipt, pin: Pin, expect: { sha256: string; office?: string }): void {
  let ok = false;
  try {
    if (certificateFingerprint(pin.certificatePem) !== pin.fingerprint) throw new Error('pin');
    const key = new X509Certificate(pin.certificatePem).publicKey;
    ok = verify('sha256', receiptBytes(signed.receipt), key, Buffer.from(signed.signature, 'base64'));
  } catch {
    ok = false;
  }
  if (!ok) throw new SyncFault('receipt', vi.sync.faults.badReceipt);
  if (signed.receipt.sha256 !== expect.sha256 || (expect.office !== undefined && signed.receipt.office !== expect.office)) {
    throw new SyncFault('receipt', vi.sync.faults.receiptMismatch);
  }
}
