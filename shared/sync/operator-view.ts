// GET /v1/packages/<sha256>/view (operator token): a package the receiver keeps (accepted or
// quarantined), verified again and opened read-only as the app's package viewer shows it — the
// same VerifyView (criteria, scores, evidence, signer and trust verdict) plus the receiver's record
// of it (status, reasons, decision, receipt with its audit head). Times come formatted (dd/mm/yyyy,
// 24-hour, Vietnam time) so the page shows exactly what the app would.
import { z } from 'zod';
import { verifyView } from '../api/package-api-schemas';
import { operatorPackage, signedReceipt } from './protocol';

export const operatorPackageView = z.object({
  package: operatorPackage,
  receipt: signedReceipt.nullable(),
  receivedAtText: z.string(),
  signingTimeText: z.string().nullable(),
  decidedAtText: z.string().nullable(),
  view: verifyView,
});
export type OperatorPackageView = z.infer<typeof operatorPackageView>;
