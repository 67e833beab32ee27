// Province instructions signed with the receiver's own key (the one the apps pinned at
// enrollment): today the instruction that opens a supplementary window for one office. The file
// is written for the operator to hand over (USB, e-mail); issuing it is audited.
import { randomBytes, sign } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { viInstruction as t } from '../../shared/i18n/vi/instruction';
import {
  INSTRUCTION_FORMAT,
  signedInstructionFile,
  supplementaryInstruction,
  type SignedInstructionFile,
  type SupplementaryInstruction,
} from '../../shared/sync/instruction';
import { audited } from './audit';
import { type ReceiverContext } from './context';
import { parseOfficeKey } from './enroll';
import { HttpError } from './http';

export type InstructionInput = Omit<SupplementaryInstruction, 'kind' | 'id' | 'issuedAt' | 'issuedBy'>;

/** e.g. CD-20261203-1A2B3C4D5E6F (date for people, random for uniqueness). */
export function newInstructionId(at: number): string {
  const d = new Date(at).toISOString().slice(0, 10).replace(/-/g, '');
  return `CD-${d}-${randomBytes(6).toString('hex').toUpperCase()}`;
}

export async function issueSupplementaryInstruction(ctx: ReceiverContext, input: InstructionInput, actor: string): Promise<SignedInstructionFile> {
  const office = parseOfficeKey(input.office);
  if (input.closesAt <= input.opensAt) throw new HttpError(400, 'VALIDATION', t.closesBeforeOpens);
  if (input.reference.trim().length < 8 || !/\d/.test(input.reference)) throw new HttpError(400, 'VALIDATION', t.badRef);
  const now = ctx.now();
  const parsed = supplementaryInstruction.safeParse({
    ...input,
    office,
    kind: 'supplementary-window',
    id: newInstructionId(now),
    issuedAt: now,
    issuedBy: actor,
  });
  if (!parsed.success) throw new HttpError(400, 'VALIDATION', t.badCodes);
  const instruction = parsed.data;
  const identity = await ctx.identity();
  const payload = JSON.stringify(instruction);
  const file = signedInstructionFile.parse({
    format: INSTRUCTION_FORMAT,
    payload,
    signature: sign('sha256', Buffer.from(payload, 'utf8'), identity.privateKey).toString('base64'),
    signerFingerprint: identity.fingerprint,
  });
  await audited(ctx.db, ctx.now, async (trx, audit) => {
    const known = await trx.selectFrom('office').select('key').where('key', '=', office).executeTakeFirst();
    if (!known) throw new HttpError(404, 'NOT_FOUND', t.unknownOffice(office));
    await audit({
      actor,
      action: 'instruction.issued',
      entity: 'office',
      entityId: office,
      data: {
        id: instruction.id,
        year: instruction.year,
        opensAt: instruction.opensAt,
        closesAt: instruction.closesAt,
        codes: instruction.codes,
        reference: instruction.reference,
      },
    });
  });
  return file;
}

export async function writeInstructionFile(file: string, signed: SignedInstructionFile): Promise<void> {
  await writeFile(file, JSON.stringify(signed, null, 2) + '\n', { flag: 'wx' });
}
