// Our documented JSON format for criteria sets (resources/criteria/README.md), read into rows for
// the pure check (domain/criteria-tree.ts).
import { z } from 'zod';
import { ApiError } from '../../shared/errors';
import { viCriteriaFile } from '../../shared/i18n/vi/criteria-file';
import { CRITERIA_FORMAT, CRITERIA_FORMAT_VERSION, MAX_CRITERIA_ROWS } from '../../shared/criteria-format';
import type { CriterionRow } from '../domain/criteria-tree';
import type { CriteriaSetMeta } from './criteria-file';

const m = viCriteriaFile;
const j = m.json;

const optionalText = (label: string) =>
  z
    .string({ error: j.notText(label) })
    .trim()
    .nullable()
    .optional()
    .transform((v) => (v ? v : null));

const criterionJson = z.object({
  code: z.string({ error: j.code }),
  title: z.string({ error: j.title }),
  // Text is accepted here ("1,5") and judged by checkCriteria, so all point errors are listed together.
  maxPoints: z
    .union([z.number(), z.string(), z.null()], { error: j.maxPoints })
    .optional()
    .transform((v) => v ?? null),
  guidance: optionalText(j.guidance),
  evidenceHints: optionalText(j.evidenceHints),
});

/** Our documented JSON format (resources/criteria/README.md). */
export const criteriaJsonSchema = z.object({
  format: z.literal(CRITERIA_FORMAT, { error: j.format }),
  version: z.literal(CRITERIA_FORMAT_VERSION, { error: j.version }),
  name: z.string({ error: j.nameRequired }).trim().min(1, { error: j.nameRequired }).max(300, { error: j.nameTooLong }),
  decision: optionalText(j.decision),
  province: optionalText(j.province),
  year: z
    .number({ error: j.yearType })
    .int({ error: j.yearInteger })
    .min(1990, { error: j.yearRange })
    .max(2100, { error: j.yearRange })
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  criteria: z.array(criterionJson, { error: j.criteria }).max(MAX_CRITERIA_ROWS, { error: j.tooManyCriteria }),
});
export type CriteriaJson = z.infer<typeof criteriaJsonSchema>;

/** ['criteria', 12, 'maxPoints'] → 'criteria[12].maxPoints' */
function issuePath(p: readonly PropertyKey[]): string {
  return p.reduce<string>((s, k) => (typeof k === 'number' ? `${s}[${k}]` : s ? `${s}.${String(k)}` : String(k)), '');
}

function syntaxWhere(text: string, e: unknown): string {
  const msg = e instanceof Error ? e.message : '';
  const lc = /line (\d+) column (\d+)/.exec(msg);
  if (lc) return m.where.syntax(Number(lc[1]), Number(lc[2]));
  const pos = /position (\d+)/.exec(msg);
  if (!pos) return '';
  const before = text.slice(0, Number(pos[1]));
  return m.where.syntax(before.split('\n').length, before.length - before.lastIndexOf('\n'));
}

export function parseCriteriaJson(file: string, bytes: Buffer): { meta: CriteriaSetMeta; rows: CriterionRow[] } {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes); // drops a BOM
  } catch {
    throw new ApiError('VALIDATION', m.badEncoding(file));
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new ApiError('VALIDATION', m.badJson(file, syntaxWhere(text, e)));
  }
  // Tell "some other JSON" apart from "our format with mistakes": the fixes differ.
  if (typeof data !== 'object' || data === null || Array.isArray(data) || (data as { format?: unknown }).format !== CRITERIA_FORMAT) {
    throw new ApiError('VALIDATION', m.notCriteriaJson(file));
  }
  const version = (data as { version?: unknown }).version;
  if (typeof version === 'number' && version !== CRITERIA_FORMAT_VERSION) {
    throw new ApiError('VALIDATION', m.badVersion(file, version));
  }
  const parsed = criteriaJsonSchema.safeParse(data);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: issuePath(i.path), message: i.message }));
    throw new ApiError('VALIDATION', m.invalidJson(file, issues[0]!, issues.length - 1), issues);
  }
  const { name, decision, province, year, criteria } = parsed.data;
  return {
    meta: { name, decision, province, year },
    rows: criteria.map((c, i) => ({ ...c, source: m.where.item(i + 1) })),
  };
}
