// Opening a supplementary window from the province's signed instruction (shared/sync/instruction.ts).
// The signature must be the receiver's — the certificate pinned at enrollment — and the
// instruction must name this office and this assessment's year; each instruction opens one window.
// Its id goes into the window's instruction reference, so it is audited and stamped into packages.
import { X509Certificate, verify } from 'node:crypto';
import { open } from 'node:fs/promises';
import { ApiError } from '../../../shared/errors';
import { vi } from '../../../shared/i18n/vi';
import { INSTRUCTION_MAX_BYTES, signedInstructionFile, supplementaryInstruction, type SupplementaryInstruction } from '../../../shared/sync/instruction';
import type { Actor, Services } from '../context';
import { getConnection } from '../sync/connection';
import { certificateFingerprint } from '../sync/receipts';
import { addSupplementary } from './assessments';
import { requireAssessment } from './common';

const t = vi.instruction;

/** Reads at most the limit (+1 byte to notice a larger file): an instruction is never read unbounded. */
async function readBounded(file: string, name: string): Promise<string> {
  const fh = await open(file, 'r');
  try {
    const buf = Buffer.alloc(INSTRUCTION_MAX_BYTES * 2 + 1);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    if (bytesRead > INSTRUCTION_MAX_BYTES * 2) throw new ApiError('VALIDATION', t.tooLarge(name));
    return buf.subarray(0, bytesRead).toString('utf8');
  } finally {
    await fh.close();
  }
}

/** Parses and verifies an instruction file against the pinned receiver certificate. */
export function verifyInstruction(text: string, name: string, pinnedPem: string, pinnedFingerprint: string): SupplementaryInstruction {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ApiError('VALIDATION', t.notJson(name));
  }
  const file = signedInstructionFile.safeParse(json);
  if (!file.success) throw new ApiError('VALIDATION', t.badShape(name));
  let ok = false;
  try {
    if (certificateFingerprint(pinnedPem) !== pinnedFingerprint) throw new Error('pin');
    const key = new X509Certificate(pinnedPem).publicKey;
    ok = verify('sha256', Buffer.from(file.data.payload, 'utf8'), key, Buffer.from(file.data.signature, 'base64'));
  } catch {
    ok = false;
  }
  if (!ok) throw new ApiError('CONFLICT', t.badSignature);
  let payload: unknown;
  try {
    payload = JSON.parse(file.data.payload);
  } catch {
    throw new ApiError('VALIDATION', t.badShape(name));
  }
  const parsed = supplementaryInstruction.safeParse(payload);
  if (!parsed.success) throw new ApiError('VALIDATION', t.badShape(name));
  return parsed.data;
}

const sameOffice = (a: string, b: string) => a.normalize('NFC').toLowerCase() === b.normalize('NFC').toLowerCase();

export async function importInstruction(s: Services, actor: Actor, input: { assessmentId: number; path: string; name: string }) {
  const text = await readBounded(input.path, input.name);
  const conn = getConnection(s);
  if (!conn) throw new ApiError('CONFLICT', t.notEnrolled);
  const ins = verifyInstruction(text, input.name, conn.receiver_certificate_pem, conn.receiver_fingerprint);
  if (!sameOffice(ins.office, conn.office_key)) throw new ApiError('CONFLICT', t.otherOffice(ins.office));
  const a = requireAssessment(s, input.assessmentId);
  if (ins.year !== a.year) throw new ApiError('CONFLICT', t.otherYear(ins.year, a.year));
  // The id is [0-9A-F-] only (schema), so it is safe inside LIKE.
  const used = s.db.first(s.db.q.selectFrom('supplementary_window').select('created_at').where('instruction_ref', 'like', `%${ins.id}%`).limit(1));
  if (used) throw new ApiError('CONFLICT', t.alreadyUsed(ins.id, used.created_at));
  return addSupplementary(s, actor, {
    assessmentId: a.id,
    opensAt: ins.opensAt,
    closesAt: ins.closesAt,
    codes: ins.codes,
    note: ins.note,
    instructionRef: `${ins.reference} (${t.signedMark(ins.id)})`,
  });
}
